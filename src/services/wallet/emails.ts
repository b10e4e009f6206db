/**
 * A learner's email addresses over a lifetime. An address is proven by a single-use link (random
 * token, stored only as its SHA-256, valid 24 hours) sent through the notification outbox; once
 * proven, credentials issued here to it are claimed into the wallet. Wallet entries belong to
 * the account, so removing or changing an address never loses a credential.
 */
import { createHash, randomBytes } from 'node:crypto';
import { emailIsTaken, listAccountEmails } from '../../db/repositories/accounts.ts';
import {
  consumeEmailVerification,
  deleteAccountEmail,
  findAccountEmail,
  findPendingEmailVerification,
  insertAccountEmail,
  insertEmailVerification,
  markAccountEmailVerified,
  setPrimaryAccountEmail,
} from '../../db/repositories/email-verifications.ts';
import { normalizeEmail } from '../../domain/accounts.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policy.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { enqueueNotification } from '../notifications/outbox.ts';
import { consumeRateLimit } from '../rate-limit.ts';
import { claimIssuedCredentials } from './deposit.ts';
import { walletOwnerOf } from './wallet.ts';

export const EMAIL_VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;
const verificationMailLimit = { name: 'email-verification', limit: 10, windowSeconds: 3600 };

export type EmailView = { email: string; primary: boolean; verified: boolean };

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export async function listEmails(ctx: ServiceContext, actor: Actor): Promise<EmailView[]> {
  const rows = await listAccountEmails(ctx.db, walletOwnerOf(actor));
  return rows.map((r) => ({
    email: r.email,
    primary: r.isPrimary,
    verified: r.verifiedAt !== null,
  }));
}

async function ownEmail(ctx: ServiceContext, accountId: string, email: string) {
  const row = await findAccountEmail(ctx.db, normalizeEmail(email));
  if (!row || row.accountId !== accountId)
    throw new NotFoundError('This address is not one of your account’s addresses.');
  return row;
}

/** Stores a fresh token and queues the mail with its link, in the caller's transaction. */
async function queueVerificationMail(ctx: ServiceContext, accountId: string, email: string) {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  await insertEmailVerification(ctx.db, {
    tokenHash: hashToken(token),
    accountId,
    email,
    createdAt: now,
    expiresAt: new Date(now.getTime() + EMAIL_VERIFICATION_TTL_MS),
  });
  await enqueueNotification(ctx.db, now, {
    accountId,
    email,
    kind: 'email.verify',
    subject: 'Confirm your email address for Skillmark',
    body: `Someone (hopefully you) added ${email} to a Skillmark account. Open the link within 24 hours to confirm it; credentials issued to this address will then appear in the wallet. If this was not you, ignore this message.`,
    link: `${ctx.publicUrl}/verify-email?token=${token}`,
  });
}

/** Adds an unverified address to the account and sends it a verification link. */
export async function addEmail(
  ctx: ServiceContext,
  actor: Actor,
  rawEmail: string,
): Promise<EmailView> {
  const accountId = walletOwnerOf(actor);
  const email = normalizeEmail(rawEmail);
  await consumeRateLimit(ctx, verificationMailLimit, accountId);
  await ctx.db.transaction(async (tx) => {
    if (await emailIsTaken(tx, email))
      throw new ConflictError('This address already belongs to an account.');
    await insertAccountEmail(tx, { email, accountId, createdAt: ctx.now() });
    await queueVerificationMail({ ...ctx, db: tx }, accountId, email);
    await recordAudit(tx, actor, 'account.email-added', { target: accountId });
  });
  return { email, primary: false, verified: false };
}

/** Sends a new link to an unverified address of the account (the sign-up address too). */
export async function resendEmailVerification(
  ctx: ServiceContext,
  actor: Actor,
  rawEmail: string,
): Promise<void> {
  const accountId = walletOwnerOf(actor);
  const row = await ownEmail(ctx, accountId, rawEmail);
  if (row.verifiedAt) throw new ConflictError('This address is already verified.');
  await consumeRateLimit(ctx, verificationMailLimit, accountId);
  await ctx.db.transaction((tx) => queueVerificationMail({ ...ctx, db: tx }, accountId, row.email));
}

/** What a pending link would verify, for the confirmation page (nothing changes on GET). */
export async function describeEmailVerification(
  ctx: ServiceContext,
  actor: Actor,
  token: string,
): Promise<{ email: string }> {
  const accountId = walletOwnerOf(actor);
  const row = await findPendingEmailVerification(ctx.db, hashToken(token), ctx.now());
  if (!row || row.accountId !== accountId) throw invalidLink();
  return { email: row.email };
}

function invalidLink() {
  return new NotFoundError(
    'This verification link is not valid: it was already used, it expired (links last 24 hours), or it belongs to another account. Send a new one from your account page.',
  );
}

/**
 * Uses a verification token: the address becomes verified and every credential issued here to
 * it joins the wallet. The token must belong to the signed-in account and works once.
 */
export async function verifyEmail(
  ctx: ServiceContext,
  actor: Actor,
  token: string,
): Promise<{ email: string; claimed: number }> {
  const accountId = walletOwnerOf(actor);
  if (!token || token.length > 200) throw invalidLink();
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const pending = await findPendingEmailVerification(tx, hashToken(token), ctx.now());
    if (!pending || pending.accountId !== accountId) throw invalidLink();
    const used = await consumeEmailVerification(tx, hashToken(token), ctx.now());
    if (!used) throw invalidLink();
    if (!(await markAccountEmailVerified(tx, accountId, used.email, ctx.now())))
      throw new NotFoundError(
        'This address was removed from your account after the link was sent.',
      );
    const claimed = await claimIssuedCredentials(txCtx, accountId, { emails: [used.email] });
    await recordAudit(tx, actor, 'account.email-verified', {
      target: accountId,
      detail: { claimed },
    });
    return { email: used.email, claimed };
  });
}

/** Makes a verified address the one mail goes to. */
export async function setPrimaryEmail(
  ctx: ServiceContext,
  actor: Actor,
  rawEmail: string,
): Promise<void> {
  const accountId = walletOwnerOf(actor);
  const row = await ownEmail(ctx, accountId, rawEmail);
  if (!row.verifiedAt)
    throw new ValidationError('Verify this address before making it your primary one.', [
      { field: 'email', message: 'is not verified yet' },
    ]);
  await ctx.db.transaction((tx) => setPrimaryAccountEmail(tx, accountId, row.email));
}

/** Removes a non-primary address; credentials already in the wallet stay there. */
export async function removeEmail(
  ctx: ServiceContext,
  actor: Actor,
  rawEmail: string,
): Promise<void> {
  const accountId = walletOwnerOf(actor);
  const row = await ownEmail(ctx, accountId, rawEmail);
  if (row.isPrimary)
    throw new ConflictError(
      'This is your primary address. Make another verified address primary first.',
    );
  await ctx.db.transaction(async (tx) => {
    await deleteAccountEmail(tx, accountId, row.email);
    await recordAudit(tx, actor, 'account.email-removed', { target: accountId });
  });
}
