/**
 * Errors that cross layers carry a stable `code`; src/http/problem.ts maps each code to an HTTP
 * status once, so no route decides statuses on its own.
 */
export class SkillmarkError extends Error {
  readonly code: ErrorCode;
  /** Per-field reasons, for validation errors. */
  readonly fields?: ReadonlyArray<{ field: string; message: string }>;

  constructor(
    code: ErrorCode,
    message: string,
    fields?: ReadonlyArray<{ field: string; message: string }>,
  ) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.fields = fields;
  }
}

export type ErrorCode =
  | 'validation_failed'
  | 'malformed_json'
  | 'not_authenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal';

export class ValidationError extends SkillmarkError {
  constructor(message: string, fields?: ReadonlyArray<{ field: string; message: string }>) {
    super('validation_failed', message, fields);
  }
}

export class NotAuthenticatedError extends SkillmarkError {
  constructor(message = 'Sign in, or send an API token as "Authorization: Bearer <token>".') {
    super('not_authenticated', message);
  }
}

export class ForbiddenError extends SkillmarkError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

export class NotFoundError extends SkillmarkError {
  constructor(message: string) {
    super('not_found', message);
  }
}

export class ConflictError extends SkillmarkError {
  constructor(message: string) {
    super('conflict', message);
  }
}

export class RateLimitedError extends SkillmarkError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('rate_limited', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Input past a documented size limit (413), refused before it is read any further. */
export class PayloadTooLargeError extends SkillmarkError {
  constructor(message: string) {
    super('payload_too_large', message);
  }
}
