import type { ErrorCode } from '../../domain/errors.ts';
import { type Html, html } from '../html.ts';

const explanations: Record<ErrorCode, string> = {
  validation_failed:
    'Some fields of the request were missing, of the wrong type, or unknown. The `errors` member names each field and says what is expected.',
  malformed_json:
    'The body could not be parsed as JSON. Check for a missing quote, comma or brace.',
  not_authenticated:
    'Sign in, or send a valid API token as `Authorization: Bearer <token>`. Revoked and expired tokens are refused.',
  forbidden: 'You are signed in, but your role does not allow this action in this organization.',
  not_found: 'Nothing exists at this address, or it is not visible to you.',
  conflict:
    'The request clashes with the current state, for example a taken slug or removing the last owner.',
  payload_too_large: 'The body is larger than this server accepts.',
  unsupported_media_type: 'Send JSON with `Content-Type: application/json`.',
  rate_limited:
    'Too many attempts in a short time. Wait for the number of seconds in `Retry-After`.',
  internal: 'Something failed on our side. Quote the request id when you report it.',
};

export function problemPage(code: ErrorCode, title: string, status: number): Html {
  return html`<h1>${title}</h1><p>HTTP status ${status} · problem type <code>${code}</code></p><p>${explanations[code]}</p>`;
}
