import type { Db } from '../db/client.ts';
import { insertAuditEvent, listAuditEvents } from '../db/repositories/audit-events.ts';
import { type Actor, authorize } from '../domain/policy.ts';
import type { ServiceContext } from './context.ts';
import { getOrganization } from './organizations.ts';

/** A short, secret-free name for an actor, as stored in the audit log. */
export function describeActor(actor: Actor): string {
  switch (actor.kind) {
    case 'account':
      return `account:${actor.accountId}`;
    case 'api-token':
      return `api-token:${actor.tokenId}`;
    case 'admin-token':
      return 'operator';
    case 'anonymous':
      return 'anonymous';
  }
}

export async function recordAudit(
  db: Db,
  actor: Actor | string,
  action: string,
  where: { organizationId?: string; target?: string; detail?: Record<string, unknown> } = {},
) {
  await insertAuditEvent(db, {
    actor: typeof actor === 'string' ? actor : describeActor(actor),
    action,
    organizationId: where.organizationId ?? null,
    target: where.target ?? null,
    detail: where.detail,
  });
}

/** The organization's audit trail, newest first (owners and platform admins). */
export async function getAuditEvents(ctx: ServiceContext, actor: Actor, slug: string) {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'organization:read-audit', organizationId: organization.id },
    'Only owners can read the audit log.',
  );
  const events = await listAuditEvents(ctx.db, organization.id);
  return events.map((event) => ({
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actor: event.actor,
    action: event.action,
    target: event.target,
    detail: event.detail as Record<string, unknown>,
  }));
}
