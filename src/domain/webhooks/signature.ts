/**
 * Standard Webhooks (https://www.standardwebhooks.com, spec "Signature scheme"): the signed content
 * is `${webhook-id}.${webhook-timestamp}.${body}`, HMAC-SHA256 under the secret's bytes, sent as
 * `v1,<base64>` in `webhook-signature`. The secret is shown to the owner as `whsec_<base64>`.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const webhookSecretPrefix = 'whsec_';

/** A new endpoint secret: 32 random bytes, in the `whsec_` form receivers' libraries accept. */
export function newWebhookSecret(): string {
  return `${webhookSecretPrefix}${randomBytes(32).toString('base64')}`;
}

function secretBytes(secret: string): Buffer {
  if (!secret.startsWith(webhookSecretPrefix)) throw new Error('not a whsec_ secret');
  return Buffer.from(secret.slice(webhookSecretPrefix.length), 'base64');
}

export type WebhookHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

/** The three Standard Webhooks headers for one delivery attempt. */
export function signWebhook(
  secret: string,
  messageId: string,
  sentAt: Date,
  body: string,
): WebhookHeaders {
  const timestamp = String(Math.floor(sentAt.getTime() / 1000));
  const mac = createHmac('sha256', secretBytes(secret))
    .update(`${messageId}.${timestamp}.${body}`)
    .digest('base64');
  return {
    'webhook-id': messageId,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${mac}`,
  };
}

/**
 * The receiver's check, as documented in docs/BUILD-ON-SKILLMARK.md: any `v1` signature in the
 * space-separated list must match, and the timestamp must be within `toleranceSeconds` of now
 * (replay protection).
 */
export function verifyWebhook(
  secret: string,
  headers: WebhookHeaders,
  body: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers['webhook-timestamp']);
  if (!Number.isInteger(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secretBytes(secret))
    .update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`)
    .digest();
  return headers['webhook-signature'].split(' ').some((part) => {
    const [version, value] = part.split(',');
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
