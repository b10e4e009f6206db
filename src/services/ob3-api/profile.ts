import { findAccountById, listAccountEmails } from '../../db/repositories/accounts.ts';
import { updateAccountDisplayName } from '../../db/repositories/oauth-profile.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { ob3Scopes } from '../../domain/oauth/scopes.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { type OAuthPrincipal, requireScope } from '../oauth/bearer.ts';

/** The learner as an OB 3.0 Profile (OB 3.0 §B.1.13), the shape GET and PUT /profile exchange. */
export type Ob3Profile = { id: string; type: ['Profile']; name: string; email?: string };

/** A stable identifier that reveals nothing but the account: the account id as a UUID URN. */
export function profileIdOf(accountId: string): string {
  return `urn:uuid:${accountId}`;
}

export async function getProfile(
  ctx: ServiceContext,
  principal: OAuthPrincipal,
): Promise<Ob3Profile> {
  requireScope(principal, ob3Scopes.profileRead);
  return loadProfile(ctx, principal.accountId);
}

async function loadProfile(ctx: ServiceContext, accountId: string): Promise<Ob3Profile> {
  const [account, emails] = await Promise.all([
    findAccountById(ctx.db, accountId),
    listAccountEmails(ctx.db, accountId),
  ]);
  if (!account) throw new NotFoundError('The account behind this token no longer exists.');
  // Only a verified address is asserted to another system; the primary one when it is verified.
  const verified = emails.filter((e) => e.verifiedAt !== null);
  const email = (verified.find((e) => e.isPrimary) ?? verified[0])?.email;
  return {
    id: profileIdOf(accountId),
    type: ['Profile'],
    name: account.displayName,
    ...(email ? { email } : {}),
  };
}

/** What PUT may carry: the profile as GET gave it, with a new name. */
const editable = new Set(['@context', 'id', 'type', 'name', 'email']);

/**
 * Updates the learner's profile. Skillmark keeps a name for a learner, so that is what changes;
 * the id and email must stay as they are (an address changes only through verification on the
 * account page), and any other Profile property is refused rather than silently dropped.
 */
export async function putProfile(
  ctx: ServiceContext,
  principal: OAuthPrincipal,
  body: unknown,
): Promise<Ob3Profile> {
  requireScope(principal, ob3Scopes.profileUpdate);
  const current = await loadProfile(ctx, principal.accountId);
  const profile = asObject(body);
  const fields: Array<{ field: string; message: string }> = [];
  const types = Array.isArray(profile.type) ? profile.type : [profile.type];
  if (profile.id !== current.id) fields.push({ field: 'id', message: `must be ${current.id}` });
  if (!types.includes('Profile')) fields.push({ field: 'type', message: 'must include "Profile"' });
  if (typeof profile.name !== 'string' || !profile.name.trim() || profile.name.length > 200)
    fields.push({ field: 'name', message: 'must be a name of 1 to 200 characters' });
  if (profile.email !== undefined && profile.email !== current.email)
    fields.push({
      field: 'email',
      message: 'cannot change here; add and verify an address on your Skillmark account page',
    });
  for (const key of Object.keys(profile))
    if (!editable.has(key))
      fields.push({ field: key, message: 'is not kept by Skillmark; leave it out' });
  if (fields.length > 0)
    throw new ValidationError(
      `The profile cannot be saved: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}.`,
      fields,
    );
  const name = (profile.name as string).trim();
  await ctx.db.transaction(async (tx) => {
    await updateAccountDisplayName(tx, principal.accountId, name);
    await recordAudit(tx, `account:${principal.accountId}`, 'account.profile-updated', {
      target: principal.accountId,
      detail: { via: `oauth-client:${principal.clientId}` },
    });
  });
  return { ...current, name };
}

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ValidationError('The body must be an OB 3.0 Profile object.');
  return body as Record<string, unknown>;
}
