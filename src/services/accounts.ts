import { randomUUID } from 'node:crypto';
import { deleteAccountRow, listUploadKeysOfLearner } from '../db/repositories/account-data.ts';
import {
  emailIsTaken,
  findAccountById,
  insertAccount,
  listAccountEmails,
} from '../db/repositories/accounts.ts';
import { countOwners, listMembershipsOfAccount } from '../db/repositories/organizations.ts';
import { normalizeEmail } from '../domain/accounts.ts';
import {
  ConflictError,
  NotAuthenticatedError,
  NotFoundError,
  ValidationError,
} from '../domain/errors.ts';
import { type Actor, can } from '../domain/policy.ts';
import { recordAudit } from './audit.ts';
import type { ServiceContext } from './context.ts';
import type { FileStorage } from './storage/storage.ts';

export type SignUpInput = { email: string; password: string; displayName: string };

export type AccountView = {
  id: string;
  displayName: string;
  isAdmin: boolean;
  emails: Array<{ email: string; primary: boolean; verified: boolean }>;
  organizations: Array<{ slug: string; name: string; role: string }>;
  createdAt: string;
};

/** Creates a learner account; organization roles come later, by invitation or by founding one. */
export async function signUp(
  ctx: ServiceContext,
  input: SignUpInput,
): Promise<{ accountId: string }> {
  const email = normalizeEmail(input.email);
  const passwordHash = await ctx.passwords.hash(input.password);
  const accountId = randomUUID();
  await ctx.db.transaction(async (tx) => {
    if (await emailIsTaken(tx, email)) {
      throw new ConflictError('An account with this email already exists. Sign in instead.');
    }
    await insertAccount(tx, {
      id: accountId,
      displayName: input.displayName.trim(),
      passwordHash,
      email,
    });
    await recordAudit(tx, `account:${accountId}`, 'account.created', { target: accountId });
  });
  return { accountId };
}

/**
 * Another person's account is reported as not found rather than forbidden, so the API does not
 * reveal which account ids exist.
 */
export async function getAccount(
  ctx: ServiceContext,
  actor: Actor,
  accountId: string,
): Promise<AccountView> {
  if (!can(actor, { action: 'account:read', accountId }))
    throw new NotFoundError('No such account.');
  const account = await findAccountById(ctx.db, accountId);
  if (!account) throw new NotFoundError('No such account.');
  const [emails, organizations] = await Promise.all([
    listAccountEmails(ctx.db, accountId),
    listMembershipsOfAccount(ctx.db, accountId),
  ]);
  return {
    id: account.id,
    displayName: account.displayName,
    isAdmin: account.isAdmin,
    emails: emails.map((row) => ({
      email: row.email,
      primary: row.isPrimary,
      verified: row.verifiedAt !== null,
    })),
    organizations: organizations.map(({ slug, name, role }) => ({ slug, name, role })),
    createdAt: account.createdAt.toISOString(),
  };
}

/**
 * Deletes the signed-in account and the personal data kept for it: wallet, addresses, DIDs,
 * sessions, memberships, submissions with their uploaded files, quiz attempts, notifications
 * (all by cascade). What issuers must keep stays: the issued credentials (their signed records,
 * needed for revocation and status lists) and the audit log, which records the deletion by
 * account id only. The last owner of an organization must hand it over first.
 */
export async function deleteAccount(
  ctx: ServiceContext,
  actor: Actor,
  password: string,
  storage?: FileStorage,
): Promise<void> {
  if (actor.kind !== 'account') throw new NotAuthenticatedError('Sign in to delete your account.');
  const accountId = actor.accountId;
  const account = await findAccountById(ctx.db, accountId);
  if (!account) throw new NotFoundError('No such account.');
  if (!(await ctx.passwords.verify(password, account.passwordHash)))
    throw new ValidationError('The password is not correct.', [
      { field: 'password', message: 'is not correct' },
    ]);
  const uploads = await ctx.db.transaction(async (tx) => {
    const memberships = await listMembershipsOfAccount(tx, accountId);
    const soleOwned: string[] = [];
    for (const m of memberships)
      if (m.role === 'owner' && (await countOwners(tx, m.organizationId)) <= 1)
        soleOwned.push(m.name);
    if (soleOwned.length > 0)
      throw new ConflictError(
        `You are the last owner of ${soleOwned.join(', ')}. Make another member an owner (or hand the organization over) before deleting your account.`,
      );
    const keys = await listUploadKeysOfLearner(tx, accountId);
    await deleteAccountRow(tx, accountId);
    await recordAudit(tx, `account:${accountId}`, 'account.deleted', { target: accountId });
    return keys;
  });
  // Files go after the commit: a failed delete leaves an orphan file, never a half-deleted account.
  for (const key of storage ? uploads : []) {
    try {
      await storage!.delete(key);
    } catch (error) {
      ctx.logger.warn({ err: error }, 'could not erase an uploaded file of a deleted account');
    }
  }
}
