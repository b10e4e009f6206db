import { randomUUID } from 'node:crypto';
import {
  emailIsTaken,
  findAccountById,
  insertAccount,
  listAccountEmails,
} from '../db/repositories/accounts.ts';
import { listMembershipsOfAccount } from '../db/repositories/organizations.ts';
import { normalizeEmail } from '../domain/accounts.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { type Actor, can } from '../domain/policy.ts';
import { recordAudit } from './audit.ts';
import type { ServiceContext } from './context.ts';

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
