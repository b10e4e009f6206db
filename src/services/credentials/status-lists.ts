import { createHash, randomInt, randomUUID } from 'node:crypto';
import {
  buildStatusListCredential,
  buildStatusListEntry,
  createStatusList,
  getStatus,
  MIN_STATUS_LIST_BITS,
  type StatusPurpose,
  setStatus,
  signCredential,
} from '../../credentials/index.ts';
import type { Credential, JsonObject } from '../../credentials/types.ts';
import type { Db } from '../../db/client.ts';
import { takenStatusIndexes } from '../../db/repositories/bulk-awards.ts';
import { findOrganizationById } from '../../db/repositories/organizations.ts';
import {
  countAllocation,
  findOpenStatusList,
  findStatusList,
  insertStatusList,
  lockStatusList,
  type StatusListRow,
  saveStatusBits,
} from '../../db/repositories/status-lists.ts';
import { NotFoundError } from '../../domain/errors.ts';
import {
  ensureActiveKey,
  type IssuerKeysContext,
  issuerIdFor,
  signingKeyOf,
} from '../issuers/issuer-keys.ts';

/**
 * A list is filled to half its size at most: indexes are drawn at random from the whole list,
 * so a credential's index says nothing about when it was issued or how many exist
 * (BITSTRING-STATUS-LIST §6.1 herd privacy), and a free slot is found in a few draws.
 */
const listSize = MIN_STATUS_LIST_BITS;
const maxAllocated = listSize / 2;

export type StatusSlot = { listId: string; index: number };

export function statusListUrl(publicUrl: string, listId: string): string {
  return `${publicUrl}/status-lists/${listId}`;
}

/** Reserves an unpredictable index in the organization's open list for that purpose. */
export async function allocateStatusSlot(
  db: Db,
  organizationId: string,
  purpose: StatusPurpose,
  now: Date,
): Promise<StatusSlot> {
  const [slot] = await allocateStatusSlots(db, organizationId, purpose, 1, now);
  return slot!;
}

/**
 * Reserves `count` unpredictable indexes (issue 9: a bulk award takes a batch's slots at once),
 * filling the open list and opening new ones as needed. The list row stays locked until the
 * caller's transaction ends, so concurrent allocations never draw the same index.
 */
export async function allocateStatusSlots(
  db: Db,
  organizationId: string,
  purpose: StatusPurpose,
  count: number,
  now: Date,
): Promise<StatusSlot[]> {
  const slots: StatusSlot[] = [];
  while (slots.length < count) {
    const list =
      (await findOpenStatusList(db, organizationId, purpose, maxAllocated)) ??
      (await insertStatusList(db, {
        id: randomUUID(),
        organizationId,
        purpose,
        size: listSize,
        bits: Buffer.from(createStatusList(listSize)).toString('base64'),
        updatedAt: now,
      }));
    const room = Math.min(count - slots.length, maxAllocated - list.allocated);
    // Draw, then ask which draws are taken (one lookup per round); the list is at most half
    // full, so few rounds are needed.
    const drawn = new Set<number>();
    while (drawn.size < room) {
      const candidates = new Set<number>();
      while (candidates.size < room - drawn.size) {
        const index = randomInt(list.size);
        if (!drawn.has(index)) candidates.add(index);
      }
      const taken = await takenStatusIndexes(db, list.id, purpose, [...candidates]);
      for (const index of candidates) if (!taken.has(index)) drawn.add(index);
    }
    await countAllocation(db, list.id, room);
    for (const index of drawn) slots.push({ listId: list.id, index });
  }
  return slots;
}

export function statusEntry(
  publicUrl: string,
  slot: StatusSlot,
  purpose: StatusPurpose,
): JsonObject {
  return buildStatusListEntry({
    statusListCredential: statusListUrl(publicUrl, slot.listId),
    statusListIndex: slot.index,
    statusPurpose: purpose,
  });
}

/** Flips one bit inside the caller's transaction, with the list row locked. */
export async function setStatusBit(
  db: Db,
  slot: StatusSlot,
  value: boolean,
  now: Date,
): Promise<void> {
  const list = await lockStatusList(db, slot.listId);
  if (!list) throw new NotFoundError('The status list of this credential no longer exists.');
  const bits = setStatus(new Uint8Array(Buffer.from(list.bits, 'base64')), slot.index, value);
  await saveStatusBits(db, list.id, Buffer.from(bits).toString('base64'), now);
}

export function statusBitOf(list: StatusListRow, index: number): boolean {
  return getStatus(new Uint8Array(Buffer.from(list.bits, 'base64')), index);
}

/**
 * The signed BitstringStatusListCredential as published. Signed on request with the issuer's
 * active key; a small cache keyed by the list's last change spares re-signing unchanged lists
 * (each app server keeps its own: nothing here must be shared for correctness).
 */
const published = new Map<string, { version: string; credential: Credential }>();

export async function publishStatusList(
  ctx: IssuerKeysContext,
  listId: string,
): Promise<{ credential: Credential; updatedAt: Date }> {
  const list = await findStatusList(ctx.db, listId);
  if (!list) throw new NotFoundError('There is no status list with this id.');
  // Keyed on the bits themselves: two changes within one clock tick must not share a version.
  const version = `${createHash('sha256').update(list.bits).digest('hex')}|${ctx.publicUrl}`;
  const cached = published.get(listId);
  if (cached?.version === version)
    return { credential: cached.credential, updatedAt: list.updatedAt };
  const organization = await findOrganizationById(ctx.db, list.organizationId);
  const owner = { organizationId: list.organizationId, slug: organization!.slug };
  const keyRow = await ensureActiveKey(ctx, owner, 'Ed25519');
  const unsigned = buildStatusListCredential({
    id: statusListUrl(ctx.publicUrl, list.id),
    issuer: issuerIdFor(ctx, owner, keyRow),
    statusPurpose: list.purpose as StatusPurpose,
    list: new Uint8Array(Buffer.from(list.bits, 'base64')),
    validFrom: list.updatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
  const credential = await signCredential(unsigned, {
    key: signingKeyOf(ctx, owner, keyRow),
    now: ctx.now(),
  });
  if (published.size > 1000) published.clear();
  published.set(listId, { version, credential });
  return { credential, updatedAt: list.updatedAt };
}
