import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { SkillmarkError } from '../../../domain/errors.ts';
import { OAuthError } from '../../../domain/oauth/errors.ts';
import type { Ob3Env } from './env.ts';

/** The code minor values of OB 3.0's Imsx_CodeMinorField that this API uses. */
type CodeMinor =
  | 'invalid_data'
  | 'invalid_query_parameter'
  | 'unauthorizedrequest'
  | 'forbidden'
  | 'not_found'
  | 'not_allowed'
  | 'internal_server_error';

type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 413 | 415 | 500;

/** The OB 3.0 API's error body (Imsx_StatusInfo): what every status other than success carries. */
export function statusInfo(codeMinor: CodeMinor, description: string) {
  return {
    imsx_codeMajor: 'failure' as const,
    imsx_severity: 'error' as const,
    imsx_description: description,
    imsx_codeMinor: {
      imsx_codeMinorField: [
        { imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: codeMinor },
      ],
    },
  };
}

const minorOf: Record<ErrorStatus, CodeMinor> = {
  400: 'invalid_data',
  401: 'unauthorizedrequest',
  403: 'forbidden',
  404: 'not_found',
  405: 'not_allowed',
  413: 'invalid_data',
  415: 'invalid_data',
  500: 'internal_server_error',
};

/** RFC 6750 §3: the challenge a resource server sends with 401 and insufficient-scope 403. */
export function bearerChallenge(error?: OAuthError, scope?: string): string {
  const parts = ['Bearer realm="skillmark"'];
  if (error) {
    parts.push(`error="${error.error}"`, `error_description="${error.message.replace(/"/g, "'")}"`);
  }
  if (scope) parts.push(`scope="${scope}"`);
  return parts.join(', ');
}

export function statusInfoResponse(
  c: Context,
  status: ErrorStatus,
  description: string,
  codeMinor: CodeMinor = minorOf[status],
) {
  c.header('Cache-Control', 'no-store');
  return c.json(statusInfo(codeMinor, description), status);
}

/** The OB 3.0 routes' error handler: every refusal in the spec's own shape, never a stack. */
export function ob3ErrorHandler(error: Error, c: Context<Ob3Env>) {
  if (error instanceof OAuthError) {
    if (error.status === 401 || error.error === 'insufficient_scope')
      c.header('WWW-Authenticate', bearerChallenge(error));
    return statusInfoResponse(c, error.status, error.message);
  }
  if (error instanceof SkillmarkError) {
    const status: ErrorStatus =
      error.code === 'not_found'
        ? 404
        : error.code === 'forbidden'
          ? 403
          : error.code === 'not_authenticated'
            ? 401
            : error.code === 'payload_too_large'
              ? 413
              : error.code === 'internal'
                ? 500
                : 400;
    return statusInfoResponse(c, status, error.message);
  }
  if (error instanceof HTTPException && error.status < 500)
    return statusInfoResponse(
      c,
      400,
      /JSON/i.test(error.message) ? 'The body is not valid JSON.' : error.message,
    );
  c.get('ctx').logger.error({ err: error, requestId: c.get('requestId') }, 'unhandled error');
  return statusInfoResponse(
    c,
    500,
    `An unexpected error occurred. Quote request id ${c.get('requestId')} when reporting it.`,
  );
}
