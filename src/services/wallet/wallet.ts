/**
 * The learner's wallet: list with filters, one entry with a live re-verification, removal of an
 * imported entry. Only the owning account ever sees an entry; anyone else gets "not found".
 */
import type { VerificationResult } from '../../credentials/index.ts';
import {
  deleteWalletCredential,
  findWalletCredential,
  listWalletCredentials,
  updateWalletVerification,
  type WalletCredentialRow,
  type WalletFilter,
} from '../../db/repositories/wallet-credentials.ts';
import { ConflictError, NotAuthenticatedError, NotFoundError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import {
  presentWalletCredential,
  type ReceivedAs,
  type WalletCredentialView,
  walletStatusOf,
} from './add-to-wallet.ts';

export type WalletVerify = (input: unknown) => Promise<VerificationResult>;

/**
 * Verifiers by how a credential arrived. `credential` (OB 3.0 JSON or VC-JWT, also what baked
 * images carry) is required; an arrival kind without its own verifier falls back to it, except
 * OB 2.0, which keeps its cached result unless an `ob2` verifier is given.
 */
export type WalletVerifiers = { credential: WalletVerify } & Partial<
  Record<ReceivedAs, WalletVerify>
>;

export const walletStatuses = [
  'valid',
  'revoked',
  'suspended',
  'expired',
  'not-yet-valid',
  'invalid',
] as const;

/** The account behind the actor; the wallet is a person's, never a token's. */
export function walletOwnerOf(actor: Actor): string {
  if (actor.kind !== 'account') throw new NotAuthenticatedError('Sign in to see your wallet.');
  return actor.accountId;
}

export async function listWallet(
  ctx: ServiceContext,
  actor: Actor,
  filter: WalletFilter = {},
): Promise<WalletCredentialView[]> {
  const rows = await listWalletCredentials(ctx.db, walletOwnerOf(actor), filter);
  return rows.map(presentWalletCredential);
}

async function requireEntry(ctx: ServiceContext, actor: Actor, id: string) {
  const accountId = walletOwnerOf(actor);
  const row = /^[0-9a-f-]{36}$/i.test(id)
    ? await findWalletCredential(ctx.db, accountId, id)
    : undefined;
  if (!row) throw new NotFoundError('There is no such credential in your wallet.');
  return row;
}

/**
 * One entry, verified again now (revocation and expiry change over time); the fresh result
 * replaces the cached one the list shows.
 */
export async function getWalletCredential(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  verifiers: WalletVerifiers,
): Promise<WalletCredentialView & { content: string }> {
  const row = await requireEntry(ctx, actor, id);
  const fresh = await reverify(ctx, row, verifiers);
  return { ...presentWalletCredential(fresh), content: fresh.content };
}

async function reverify(
  ctx: ServiceContext,
  row: WalletCredentialRow,
  verifiers: WalletVerifiers,
): Promise<WalletCredentialRow> {
  const kind = row.receivedAs as ReceivedAs;
  const verify = verifiers[kind] ?? (kind === 'ob2' ? undefined : verifiers.credential);
  if (!verify) return row;
  const result = await verify(row.content);
  const updated = await updateWalletVerification(ctx.db, row.id, {
    status: walletStatusOf(result),
    verification: result.checks,
    verifiedAt: ctx.now(),
  });
  return updated ?? row;
}

/** The stored content of one entry (for exports), after the same ownership check. */
export async function getWalletContent(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<WalletCredentialRow> {
  return requireEntry(ctx, actor, id);
}

/**
 * Removes an imported entry. A credential issued here stays: it belongs to the learner's record
 * and would come back at the next claim; hide it from the portfolio instead.
 */
export async function removeWalletCredential(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<void> {
  const row = await requireEntry(ctx, actor, id);
  if (row.source !== 'imported')
    throw new ConflictError(
      'A credential issued on this platform stays in your wallet; you can leave it out of your portfolio instead.',
    );
  await deleteWalletCredential(ctx.db, row.accountId, row.id);
}

/**
 * The one rule for every feature that counts credentials (recommendations, talent search,
 * pathways): only an entry whose last verification found it valid counts. A tampered, unsigned,
 * revoked, suspended or expired credential is shown to its holder but never counted.
 */
export function countsAsVerified(entry: { status: string }): boolean {
  return entry.status === 'valid';
}

/** A learner's entries that count as verified (for services acting on the learner's behalf). */
export async function listVerifiedWalletCredentials(
  ctx: ServiceContext,
  accountId: string,
): Promise<WalletCredentialView[]> {
  const rows = await listWalletCredentials(ctx.db, accountId, { status: 'valid' });
  return rows.map(presentWalletCredential);
}
