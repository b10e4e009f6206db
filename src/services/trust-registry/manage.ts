/**
 * The trust registry as platform administrators keep it (issue 8 item 2): list, add, change and
 * remove the issuers this platform vouches for. Every change is one transaction with its audit
 * event; only platform administrators may read or change the list.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { findOrganizationBySlug } from '../../db/repositories/organizations.ts';
import {
  deleteTrustedIssuer,
  findTrustedIssuerListing,
  findTrustedIssuersMatching,
  insertTrustedIssuer,
  listTrustedIssuers,
  type TrustedIssuerListing,
  type TrustedIssuerRow,
  updateTrustedIssuer,
} from '../../db/repositories/trust-registry.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import {
  entryIsCurrent,
  type TrustedIssuerChanges,
  type TrustedIssuerInput,
  type TrustedIssuerKind,
} from '../../domain/trust-registry/entry.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';

export type TrustedIssuerView = {
  id: string;
  kind: TrustedIssuerKind;
  /** The organization's slug, the DID or the domain, as the entry names the issuer. */
  issuer: string;
  name: string;
  accreditingBody: string | null;
  accreditationId: string | null;
  accreditationUrl: string | null;
  validUntil: string | null;
  /** False once `validUntil` has passed: the entry no longer vouches. */
  current: boolean;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
};

const REFUSAL = 'Only platform administrators may manage the trust registry.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function dateOf(value: string | null | undefined): Date | null | undefined {
  return value === undefined ? undefined : value === null ? null : new Date(`${value}T00:00:00Z`);
}

export function presentTrustedIssuer(
  row: TrustedIssuerRow & { organizationSlug?: string | null },
  now: Date,
): TrustedIssuerView {
  return {
    id: row.id,
    kind: row.kind as TrustedIssuerKind,
    issuer: row.did ?? row.domain ?? row.organizationSlug ?? row.organizationId ?? '',
    name: row.name,
    accreditingBody: row.accreditingBody,
    accreditationId: row.accreditationId,
    accreditationUrl: row.accreditationUrl,
    validUntil: row.validUntil?.toISOString().slice(0, 10) ?? null,
    current: entryIsCurrent(row, now),
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every entry, by name. */
export async function listTrustRegistry(
  ctx: ServiceContext,
  actor: Actor,
): Promise<TrustedIssuerView[]> {
  authorize(actor, { action: 'trust-registry:manage' }, REFUSAL);
  const rows: TrustedIssuerListing[] = await listTrustedIssuers(ctx.db);
  return rows.map((row) => presentTrustedIssuer(row, ctx.now()));
}

/** One entry; an unknown id is a 404. */
export async function getTrustedIssuer(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<TrustedIssuerView> {
  authorize(actor, { action: 'trust-registry:manage' }, REFUSAL);
  const found = UUID.test(id) ? await findTrustedIssuerListing(ctx.db, id) : undefined;
  if (!found) throw new NotFoundError('The trust registry has no entry with this id.');
  return presentTrustedIssuer(found, ctx.now());
}

/** Adds an entry; naming an issuer that already has one is a 409. */
export async function addTrustedIssuer(
  ctx: ServiceContext,
  actor: Actor,
  input: TrustedIssuerInput,
): Promise<TrustedIssuerView> {
  authorize(actor, { action: 'trust-registry:manage' }, REFUSAL);
  const organization =
    input.kind === 'organization'
      ? await findOrganizationBySlug(ctx.db, input.organization)
      : undefined;
  if (input.kind === 'organization' && !organization)
    throw new ValidationError(`No organization has the slug "${input.organization}".`, [
      { field: 'organization', message: 'must be the slug of an organization on this platform' },
    ]);
  const names = {
    organizationId: organization?.id,
    did: input.kind === 'did' ? input.did : undefined,
    domain: input.kind === 'domain' ? input.domain : undefined,
  };
  return ctx.db.transaction(async (tx) => {
    if ((await findTrustedIssuersMatching(tx, names)).length > 0)
      throw new ConflictError('This issuer already has an entry in the trust registry: edit it.');
    const now = ctx.now();
    const row = await insertTrustedIssuer(tx, {
      id: randomUUID(),
      kind: input.kind,
      organizationId: names.organizationId ?? null,
      did: names.did ?? null,
      domain: names.domain ?? null,
      name: input.name ?? organization?.name ?? '',
      accreditingBody: input.accreditingBody || null,
      accreditationId: input.accreditationId || null,
      accreditationUrl: input.accreditationUrl ?? null,
      validUntil: dateOf(input.validUntil) ?? null,
      notes: input.notes || null,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, 'trust-registry.entry-added', {
      organizationId: organization?.id,
      target: row.id,
      detail: { kind: row.kind, issuer: row.did ?? row.domain ?? organization?.slug },
    });
    return presentTrustedIssuer({ ...row, organizationSlug: organization?.slug }, now);
  });
}

/** Changes an entry's name, accreditation, validity or notes (never what it names). */
export async function changeTrustedIssuer(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: TrustedIssuerChanges,
): Promise<TrustedIssuerView> {
  authorize(actor, { action: 'trust-registry:manage' }, REFUSAL);
  if (!UUID.test(id)) throw new NotFoundError('The trust registry has no entry with this id.');
  const now = ctx.now();
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await updateTrustedIssuer(tx, id, {
      name: changes.name,
      accreditingBody: changes.accreditingBody,
      accreditationId: changes.accreditationId,
      accreditationUrl: changes.accreditationUrl,
      validUntil: dateOf(changes.validUntil),
      notes: changes.notes,
      updatedAt: now,
    });
    if (!updated) throw new NotFoundError('The trust registry has no entry with this id.');
    await recordAudit(tx, actor, 'trust-registry.entry-changed', {
      organizationId: updated.organizationId ?? undefined,
      target: id,
      detail: { fields: Object.keys(changes) },
    });
    return updated;
  });
  return getTrustedIssuer(ctx, actor, row.id);
}

/** Removes an entry: from then on its issuer is known (ours) or unknown again. */
export async function removeTrustedIssuer(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<void> {
  authorize(actor, { action: 'trust-registry:manage' }, REFUSAL);
  if (!UUID.test(id)) throw new NotFoundError('The trust registry has no entry with this id.');
  await ctx.db.transaction(async (tx) => {
    const removed = await deleteTrustedIssuer(tx, id);
    if (!removed) throw new NotFoundError('The trust registry has no entry with this id.');
    await recordAudit(tx, actor, 'trust-registry.entry-removed', {
      organizationId: removed.organizationId ?? undefined,
      target: id,
      detail: { kind: removed.kind, name: removed.name },
    });
  });
}

/** Validates input from outside with `schema`; a failure is a 400 naming each field. */
export function parseTrustRegistryInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)',
    message: issue.message,
  }));
  throw new ValidationError(
    `Check these fields: ${fields.map((f) => f.message).join('; ')}.`,
    fields,
  );
}
