import { findAccountByEmail } from '../../db/repositories/accounts.ts';
import { deleteSession, insertSession } from '../../db/repositories/sessions.ts';
import { normalizeEmail } from '../../domain/accounts.ts';
import { NotAuthenticatedError } from '../../domain/errors.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { hashSecret, newSecret } from './secrets.ts';

export const sessionLifetimeMs = 30 * 24 * 60 * 60 * 1000;

/** Hashed once at load, so an unknown email costs as much as a wrong password. */
const timingDecoy =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export async function signIn(
  ctx: ServiceContext,
  credentials: { email: string; password: string },
): Promise<{ sessionToken: string; accountId: string; expiresAt: Date }> {
  const account = await findAccountByEmail(ctx.db, normalizeEmail(credentials.email));
  const valid = await ctx.passwords.verify(
    credentials.password,
    account?.passwordHash ?? timingDecoy,
  );
  if (!account || !valid) throw new NotAuthenticatedError('The email or password is not right.');
  const { secret, hash } = newSecret('sess');
  const expiresAt = new Date(ctx.now().getTime() + sessionLifetimeMs);
  await insertSession(ctx.db, { tokenHash: hash, accountId: account.id, expiresAt });
  await recordAudit(ctx.db, `account:${account.id}`, 'session.created');
  return { sessionToken: secret, accountId: account.id, expiresAt };
}

export async function signOut(ctx: ServiceContext, sessionToken: string): Promise<void> {
  await deleteSession(ctx.db, hashSecret(sessionToken));
}
