/**
 * DIDs a learner proves control of, so credentials issued to the DID reach their wallet. Proof is
 * a Verifiable Presentation whose holder is the DID, signed with an authentication key of it, over
 * a challenge we issued to this account for our domain (VC-DATA-INTEGRITY §2.1).
 */
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PresentationVerificationResult } from '../../credentials/index.ts';
import {
  deleteAccountDid,
  findAccountDid,
  insertAccountDid,
  listAccountDids,
} from '../../db/repositories/account-dids.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policy.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { claimIssuedCredentials } from './deposit.ts';
import { walletOwnerOf } from './wallet.ts';

export const DID_CHALLENGE_TTL_MS = 10 * 60 * 1000;

export type VerifyPresentation = (
  input: unknown,
  options: { challenge: string; domain: string },
) => Promise<PresentationVerificationResult>;

export type DidView = { did: string; verifiedAt: string };

function challengeKey(secretKey: Buffer): Buffer {
  return Buffer.from(
    hkdfSync('sha256', secretKey, Buffer.alloc(0), 'skillmark did challenge v1', 32),
  );
}

function mac(ctx: ServiceContext, accountId: string, nonce: string, expires: string): string {
  return createHmac('sha256', challengeKey(ctx.secretKey))
    .update(`${accountId}|${nonce}|${expires}`)
    .digest('base64url');
}

/** The domain holders sign for: our public host. */
export function didProofDomain(ctx: ServiceContext): string {
  return new URL(ctx.publicUrl).host;
}

/**
 * A challenge bound to this account and valid ten minutes. It is stateless (an HMAC under a key
 * derived from SKILLMARK_SECRET_KEY), so any app server can check it; replaying a proof within
 * the ten minutes can only prove the same DID for the same account again, which changes nothing.
 */
export function createDidChallenge(
  ctx: ServiceContext,
  actor: Actor,
): { challenge: string; domain: string; expiresAt: string } {
  const accountId = walletOwnerOf(actor);
  const nonce = randomBytes(16).toString('base64url');
  const expiresAt = new Date(ctx.now().getTime() + DID_CHALLENGE_TTL_MS);
  const expires = String(expiresAt.getTime());
  return {
    challenge: `${nonce}.${expires}.${mac(ctx, accountId, nonce, expires)}`,
    domain: didProofDomain(ctx),
    expiresAt: expiresAt.toISOString(),
  };
}

function challengeIsOurs(ctx: ServiceContext, accountId: string, challenge: string): boolean {
  const [nonce, expires, given, ...rest] = challenge.split('.');
  if (!nonce || !expires || !given || rest.length > 0) return false;
  if (!/^\d+$/.test(expires) || Number(expires) < ctx.now().getTime()) return false;
  const expected = Buffer.from(mac(ctx, accountId, nonce, expires));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function refused(message: string, detail?: string): ValidationError {
  return new ValidationError(message, [
    { field: 'presentation', message: detail ?? 'does not prove control of the DID' },
  ]);
}

export async function listDids(ctx: ServiceContext, actor: Actor): Promise<DidView[]> {
  const rows = await listAccountDids(ctx.db, walletOwnerOf(actor));
  return rows.map((r) => ({ did: r.did, verifiedAt: r.verifiedAt.toISOString() }));
}

/**
 * Records the presentation's holder DID for the account once the presentation verifies with the
 * challenge we gave this account, then claims credentials issued to that DID.
 */
export async function addDid(
  ctx: ServiceContext,
  actor: Actor,
  input: { challenge: string; presentation: unknown },
  verifyPresentation: VerifyPresentation,
): Promise<DidView & { claimed: number }> {
  const accountId = walletOwnerOf(actor);
  if (!challengeIsOurs(ctx, accountId, input.challenge))
    throw new ValidationError(
      'This challenge was not issued to you or has expired; ask for a new one.',
      [{ field: 'challenge', message: 'is not a current challenge of this account' }],
    );
  const result = await verifyPresentation(input.presentation, {
    challenge: input.challenge,
    domain: didProofDomain(ctx),
  });
  const did = result.presentation.holder;
  if (!did?.startsWith('did:'))
    throw refused('The presentation must name the DID as its holder.', 'has no DID holder');
  const failed = result.presentation.checks.find((c) => c.outcome !== 'passed');
  if (failed)
    throw refused(
      `The presentation does not prove control of ${did}: ${failed.message}`,
      failed.detail ?? failed.message,
    );
  const existing = await findAccountDid(ctx.db, did);
  if (existing && existing.accountId !== accountId)
    throw new ConflictError('This DID is already linked to another account.');
  const now = ctx.now();
  const claimed = await ctx.db.transaction(async (tx) => {
    await insertAccountDid(tx, { did, accountId, verifiedAt: now });
    const count = await claimIssuedCredentials({ ...ctx, db: tx }, accountId, { dids: [did] });
    await recordAudit(tx, actor, 'account.did-added', {
      target: accountId,
      detail: { claimed: count },
    });
    return count;
  });
  return { did, verifiedAt: (existing?.verifiedAt ?? now).toISOString(), claimed };
}

/** Unlinks a DID; credentials already in the wallet stay. */
export async function removeDid(ctx: ServiceContext, actor: Actor, did: string): Promise<void> {
  const accountId = walletOwnerOf(actor);
  if (!(await deleteAccountDid(ctx.db, accountId, did)))
    throw new NotFoundError('This DID is not linked to your account.');
}
