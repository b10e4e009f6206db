/**
 * Delivers the webhook outbox. Each app server runs one dispatcher (`skillmark start`); claims
 * with a lease keep two servers from sending the same attempt. A 2xx answer delivers; anything
 * else (status, refused URL, network error, timeout) is logged as an attempt and retried with
 * exponential back-off until `maxWebhookAttempts`, after which the delivery is marked failed and
 * waits for an owner's manual redelivery.
 */
import {
  claimDueWebhookDeliveries,
  findWebhookEndpointsByIds,
  recordWebhookAttempt,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
} from '../../db/repositories/webhooks.ts';
import { maxWebhookAttempts, webhookRetryDelayMs } from '../../domain/webhooks/events.ts';
import { signWebhook } from '../../domain/webhooks/signature.ts';
import type { ServiceContext } from '../context.ts';
import { openPrivateKey } from '../issuers/key-sealing.ts';
import type { OutboundHttp } from '../outbound-http.ts';
import { webhookSecretKeyId } from './endpoints.ts';

export type WebhookDispatcherOptions = {
  intervalMs?: number;
  batchSize?: number;
  leaseMs?: number;
  baseDelayMs?: number;
  /** Elapsed time of an attempt; injected so the log's durations do not depend on test timing. */
  stopwatch?: () => () => number;
};

export type WebhookDispatcher = {
  /** Sends every due delivery once. */
  deliverDue(): Promise<{ delivered: number; failed: number }>;
  start(): void;
  stop(): Promise<void>;
};

const realStopwatch = () => {
  const started = performance.now();
  return () => Math.round(performance.now() - started);
};

export function createWebhookDispatcher(
  ctx: ServiceContext,
  http: OutboundHttp,
  options: WebhookDispatcherOptions = {},
): WebhookDispatcher {
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 2 * 60_000;
  const stopwatch = options.stopwatch ?? realStopwatch;

  async function attempt(delivery: WebhookDeliveryRow, endpoint: WebhookEndpointRow | undefined) {
    const attemptedAt = ctx.now();
    const elapsed = stopwatch();
    let responseStatus: number | null = null;
    let error: string | null = null;
    if (!endpoint || endpoint.disabledAt) {
      error = 'the endpoint was removed';
    } else {
      try {
        const secret = openPrivateKey(
          ctx.secretKey,
          webhookSecretKeyId(endpoint.id),
          endpoint.sealedSecret,
        );
        const response = await http({
          method: 'POST',
          url: endpoint.url,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Skillmark-Webhooks/1',
            ...signWebhook(secret, delivery.id, attemptedAt, delivery.body),
          },
          body: delivery.body,
        });
        responseStatus = response.status;
        if (response.status < 200 || response.status > 299)
          error = `the receiver answered HTTP ${response.status}`;
      } catch (caught) {
        error = String((caught as Error).message ?? caught).slice(0, 500);
      }
    }
    const attempts = delivery.attempts + 1;
    const removed = !endpoint || endpoint.disabledAt !== null;
    const gaveUp = error !== null && (attempts >= maxWebhookAttempts || removed);
    await recordWebhookAttempt(
      ctx.db,
      delivery.id,
      { attemptedAt, responseStatus, durationMs: elapsed(), error },
      {
        status: error === null ? 'delivered' : gaveUp ? 'failed' : 'pending',
        attempts,
        nextAttemptAt: new Date(
          ctx.now().getTime() + webhookRetryDelayMs(attempts, options.baseDelayMs),
        ),
      },
    );
    if (error !== null)
      ctx.logger.warn(
        { deliveryId: delivery.id, endpointId: delivery.endpointId, attempts, error },
        gaveUp ? 'webhook delivery failed for good' : 'webhook delivery failed; will retry',
      );
    return error === null;
  }

  async function deliverDue() {
    let delivered = 0;
    let failed = 0;
    const seen = new Set<string>();
    for (;;) {
      const now = ctx.now();
      const claimed = (
        await claimDueWebhookDeliveries(ctx.db, now, batchSize, new Date(now.getTime() + leaseMs))
      ).filter((delivery) => !seen.has(delivery.id));
      if (claimed.length === 0) return { delivered, failed };
      const endpoints = new Map(
        (
          await findWebhookEndpointsByIds(ctx.db, [...new Set(claimed.map((d) => d.endpointId))])
        ).map((endpoint) => [endpoint.id, endpoint]),
      );
      for (const delivery of claimed) {
        seen.add(delivery.id);
        if (await attempt(delivery, endpoints.get(delivery.endpointId))) delivered += 1;
        else failed += 1;
      }
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  return {
    deliverDue,
    start() {
      if (timer) return;
      const tick = () => {
        if (running) return;
        running = deliverDue()
          .catch((error) => ctx.logger.error({ err: error }, 'webhook run failed'))
          .finally(() => {
            running = undefined;
          });
      };
      tick();
      timer = setInterval(tick, options.intervalMs ?? 5_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
