import { randomUUID } from 'node:crypto';
import {
  disableWebhookEndpoint,
  findWebhookDelivery,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookAttempts,
  listWebhookDeliveries,
  listWebhookEndpoints,
  requeueWebhookDelivery,
  type WebhookEndpointRow,
} from '../../db/repositories/webhooks.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import { endpointUrlProblem, isLoopbackHost } from '../../domain/webhooks/endpoint-url.ts';
import type { WebhookEventType } from '../../domain/webhooks/events.ts';
import { newWebhookSecret } from '../../domain/webhooks/signature.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { sealPrivateKey } from '../issuers/key-sealing.ts';
import { getOrganization } from '../organizations.ts';

export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  createdAt: string;
};

function present(row: WebhookEndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The AAD that binds a sealed webhook secret to its endpoint row. */
export function webhookSecretKeyId(endpointId: string): string {
  return `webhook-endpoint:${endpointId}`;
}

async function organizationFor(ctx: ServiceContext, actor: Actor, slug: string, verb: string) {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'organization:manage-integrations', organizationId: organization.id },
    `Only owners of the organization can ${verb} webhooks.`,
  );
  return organization;
}

export type NewWebhookEndpoint = {
  url: string;
  eventTypes: WebhookEventType[];
  description?: string;
};

/** Registers an endpoint; the signing secret is returned here once and stored sealed. */
export async function createWebhookEndpoint(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  input: NewWebhookEndpoint,
): Promise<{ secret: string; endpoint: WebhookEndpointView }> {
  const organization = await organizationFor(ctx, actor, slug, 'register');
  const problem = endpointUrlProblem(input.url, isLoopbackHost(new URL(ctx.publicUrl).hostname));
  if (problem)
    throw new ValidationError(`The webhook URL ${problem}.`, [{ field: 'url', message: problem }]);
  const id = randomUUID();
  const secret = newWebhookSecret();
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await insertWebhookEndpoint(tx, {
      id,
      organizationId: organization.id,
      url: input.url,
      description: input.description ?? '',
      eventTypes: [...new Set(input.eventTypes)],
      sealedSecret: sealPrivateKey(ctx.secretKey, webhookSecretKeyId(id), secret),
    });
    await recordAudit(tx, actor, 'webhook-endpoint.created', {
      organizationId: organization.id,
      target: id,
      detail: { url: input.url, eventTypes: inserted.eventTypes },
    });
    return inserted;
  });
  return { secret, endpoint: present(row) };
}

export async function getWebhookEndpoints(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
): Promise<WebhookEndpointView[]> {
  const organization = await organizationFor(ctx, actor, slug, 'see');
  return (await listWebhookEndpoints(ctx.db, organization.id)).map(present);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function requireEndpoint(ctx: ServiceContext, organizationId: string, endpointId: string) {
  const endpoint = uuidPattern.test(endpointId)
    ? await findWebhookEndpoint(ctx.db, organizationId, endpointId)
    : undefined;
  if (!endpoint) throw new NotFoundError('No webhook endpoint with this id in this organization.');
  return endpoint;
}

/** Stops deliveries to the endpoint; its log stays for the record. */
export async function removeWebhookEndpoint(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  endpointId: string,
): Promise<void> {
  const organization = await organizationFor(ctx, actor, slug, 'remove');
  await requireEndpoint(ctx, organization.id, endpointId);
  await ctx.db.transaction(async (tx) => {
    await disableWebhookEndpoint(tx, endpointId, ctx.now());
    await recordAudit(tx, actor, 'webhook-endpoint.removed', {
      organizationId: organization.id,
      target: endpointId,
    });
  });
}

export type WebhookDeliveryView = {
  id: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  lastResponseStatus: number | null;
  lastError: string | null;
  createdAt: string;
  log: Array<{
    attemptedAt: string;
    responseStatus: number | null;
    durationMs: number;
    error: string | null;
  }>;
};

/** The endpoint's deliveries, newest first, each with its attempts (the delivery log). */
export async function getWebhookDeliveries(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  endpointId: string,
  limit = 50,
): Promise<WebhookDeliveryView[]> {
  const organization = await organizationFor(ctx, actor, slug, 'see');
  await requireEndpoint(ctx, organization.id, endpointId);
  const deliveries = await listWebhookDeliveries(ctx.db, endpointId, limit);
  const attempts = await listWebhookAttempts(
    ctx.db,
    deliveries.map((d) => d.id),
  );
  return deliveries.map((delivery) => ({
    id: delivery.id,
    eventType: delivery.eventType,
    status: delivery.status as WebhookDeliveryView['status'],
    attempts: delivery.attempts,
    nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt.toISOString() : null,
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    lastResponseStatus: delivery.lastResponseStatus,
    lastError: delivery.lastError,
    createdAt: delivery.createdAt.toISOString(),
    log: attempts
      .filter((attempt) => attempt.deliveryId === delivery.id)
      .map((attempt) => ({
        attemptedAt: attempt.attemptedAt.toISOString(),
        responseStatus: attempt.responseStatus,
        durationMs: attempt.durationMs,
        error: attempt.error,
      })),
  }));
}

/** Queues the delivery again, due at once, with the same message id (receivers dedupe by it). */
export async function redeliverWebhook(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  endpointId: string,
  deliveryId: string,
): Promise<void> {
  const organization = await organizationFor(ctx, actor, slug, 'redeliver');
  await requireEndpoint(ctx, organization.id, endpointId);
  const delivery = await findWebhookDelivery(ctx.db, endpointId, deliveryId);
  if (!delivery) throw new NotFoundError('No delivery with this id for this endpoint.');
  await ctx.db.transaction(async (tx) => {
    await requeueWebhookDelivery(tx, deliveryId, ctx.now());
    await recordAudit(tx, actor, 'webhook-delivery.redelivered', {
      organizationId: organization.id,
      target: deliveryId,
    });
  });
}
