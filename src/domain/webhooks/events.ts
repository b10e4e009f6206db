/** The events an organization can subscribe to, named `credential.<what happened>`. */
export const webhookEventTypes = [
  'credential.issued',
  'credential.revoked',
  'credential.suspended',
  'credential.reinstated',
  'credential.claimed',
  'credential.shared',
  'credential.verified',
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

export function webhookEventTypeOf(credentialEventType: string): WebhookEventType | undefined {
  const name = `credential.${credentialEventType}`;
  return (webhookEventTypes as readonly string[]).includes(name)
    ? (name as WebhookEventType)
    : undefined;
}

/** Standard Webhooks payload shape: `type`, `timestamp`, `data`. */
export type WebhookPayload = {
  type: WebhookEventType;
  timestamp: string;
  data: {
    eventId: number;
    credentialId: string;
    organizationId: string;
    accountId: string | null;
    detail: Record<string, unknown>;
  };
};

/**
 * Delay before retry number `attempts + 1`: 30 s doubling to at most 12 h. After
 * `maxWebhookAttempts` failures the delivery is marked failed; an owner can redeliver it.
 */
export function webhookRetryDelayMs(attempts: number, baseDelayMs = 30_000): number {
  return Math.min(12 * 3_600_000, baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

export const maxWebhookAttempts = 10;
