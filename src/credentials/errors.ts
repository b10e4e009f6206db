/** Base class of errors raised by the credential engine; `code` is stable. */
export class CredentialsError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A JSON-LD document was requested that is neither bundled nor supplied (no network fallback). */
export class UnknownDocumentError extends CredentialsError {
  readonly url: string;

  constructor(url: string) {
    super(
      'unknown_document',
      `The document "${url}" is not available offline; bundle it or pass it as an extra document.`,
    );
    this.url = url;
  }
}

/** A URL was refused because of its scheme, host or resolved address (SSRF protection). */
export class UnsafeUrlError extends CredentialsError {
  readonly url: string;

  constructor(url: string, reason: string) {
    super('unsafe_url', `Refused to fetch "${url}": ${reason}.`);
    this.url = url;
  }
}

/** A remote fetch failed: HTTP status, size limit, timeout or bad body. */
export class FetchFailedError extends CredentialsError {
  constructor(message: string, options?: ErrorOptions) {
    super('fetch_failed', message, options);
  }
}

/** A DID or verification method could not be resolved. */
export class ResolutionError extends CredentialsError {
  constructor(message: string, options?: ErrorOptions) {
    super('resolution_failed', message, options);
  }
}

/** Signing was asked with inconsistent inputs (wrong key type for the format, etc.). */
export class SigningError extends CredentialsError {
  constructor(message: string, options?: ErrorOptions) {
    super('signing_failed', message, options);
  }
}

/** A status list is malformed or too short (BITSTRING-STATUS-LIST §3.2). */
export class StatusListError extends CredentialsError {
  constructor(message: string) {
    super('status_list_invalid', message);
  }
}
