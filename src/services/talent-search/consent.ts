/**
 * The learner's side of talent search: consent (off by default, withdrawable at any time), what
 * employers may see, and who looked. Only the learner reaches these (`account:*` rules).
 */
import { randomUUID } from 'node:crypto';
import { listAccountEmails } from '../../db/repositories/accounts.ts';
import {
  findTalentProfile,
  listProfileViews,
  type TalentProfileRow,
  upsertTalentProfile,
} from '../../db/repositories/talent-profiles.ts';
import { findWalletCredential } from '../../db/repositories/wallet-credentials.ts';
import { ValidationError } from '../../domain/errors.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';

export type TalentConsent = {
  optedIn: boolean;
  showName: boolean;
  headline: string | null;
  location: string | null;
  showHeadline: boolean;
  contactEmail: string | null;
  showEmail: boolean;
  hiddenIssuers: string[];
  hiddenCredentials: string[];
};

export type TalentProfileView = TalentConsent & {
  optedInAt: string | null;
  withdrawnAt: string | null;
  updatedAt: string | null;
};

/** What a learner who never opted in has: nothing visible. */
export const noConsent: TalentConsent = {
  optedIn: false,
  showName: false,
  headline: null,
  location: null,
  showHeadline: false,
  contactEmail: null,
  showEmail: false,
  hiddenIssuers: [],
  hiddenCredentials: [],
};

function presentProfile(row: TalentProfileRow | undefined): TalentProfileView {
  if (!row) return { ...noConsent, optedInAt: null, withdrawnAt: null, updatedAt: null };
  return {
    optedIn: row.optedIn,
    showName: row.showName,
    headline: row.headline,
    location: row.location,
    showHeadline: row.showHeadline,
    contactEmail: row.contactEmail,
    showEmail: row.showEmail,
    hiddenIssuers: row.hiddenIssuers,
    hiddenCredentials: row.hiddenCredentials,
    optedInAt: row.optedInAt?.toISOString() ?? null,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function authorizeSelf(actor: Actor, accountId: string, action: 'account:read' | 'account:update') {
  authorize(actor, { action, accountId }, 'Only the learner manages their talent profile.');
}

export async function getTalentProfile(
  ctx: ServiceContext,
  actor: Actor,
  accountId: string,
): Promise<TalentProfileView> {
  authorizeSelf(actor, accountId, 'account:read');
  return presentProfile(await findTalentProfile(ctx.db, accountId));
}

/**
 * Replaces the learner's choices. Opting in needs nothing else; every field defaults to hidden.
 * The contact address must be one of the account's own, and hidden credentials its own entries.
 */
export async function setTalentProfile(
  ctx: ServiceContext,
  actor: Actor,
  accountId: string,
  consent: TalentConsent,
): Promise<TalentProfileView> {
  authorizeSelf(actor, accountId, 'account:update');
  await checkOwnership(ctx, accountId, consent);
  return ctx.db.transaction(async (tx) => {
    const existing = await findTalentProfile(tx, accountId);
    const now = ctx.now();
    const turnedOn = consent.optedIn && !existing?.optedIn;
    const turnedOff = !consent.optedIn && existing?.optedIn === true;
    const row = await upsertTalentProfile(tx, accountId, existing?.id ?? randomUUID(), {
      ...consent,
      contactEmail: consent.contactEmail?.toLowerCase() ?? null,
      optedInAt: turnedOn ? now : (existing?.optedInAt ?? null),
      withdrawnAt: turnedOff ? now : turnedOn ? null : (existing?.withdrawnAt ?? null),
      updatedAt: now,
    });
    const action = turnedOn
      ? 'talent-profile.opt-in'
      : turnedOff
        ? 'talent-profile.withdraw'
        : 'talent-profile.update';
    await recordAudit(tx, actor, action, { target: `account:${accountId}` });
    return presentProfile(row);
  });
}

/** Withdraws consent at once; the choices are kept for a later opt-in but nothing is visible. */
export async function withdrawTalentConsent(
  ctx: ServiceContext,
  actor: Actor,
  accountId: string,
): Promise<TalentProfileView> {
  const current = await getTalentProfile(ctx, actor, accountId);
  return setTalentProfile(ctx, actor, accountId, { ...current, optedIn: false });
}

async function checkOwnership(ctx: ServiceContext, accountId: string, consent: TalentConsent) {
  const fields: Array<{ field: string; message: string }> = [];
  if (consent.contactEmail) {
    const own = await listAccountEmails(ctx.db, accountId);
    if (!own.some((e) => e.email === consent.contactEmail!.toLowerCase()))
      fields.push({
        field: 'contactEmail',
        message: 'must be one of the addresses of your account (add it under Account first)',
      });
  }
  if (consent.showEmail && !consent.contactEmail)
    fields.push({ field: 'contactEmail', message: 'choose the address employers may see' });
  for (const [index, id] of consent.hiddenCredentials.entries()) {
    if (!(await findWalletCredential(ctx.db, accountId, id)))
      fields.push({
        field: `hiddenCredentials.${index}`,
        message: 'is not a credential in your wallet',
      });
  }
  if (fields.length > 0)
    throw new ValidationError(
      'Some talent profile choices refer to things that are not yours.',
      fields,
    );
}

/** Organizations that saw the learner in search results or opened their profile, newest first. */
export async function listTalentProfileViews(ctx: ServiceContext, actor: Actor, accountId: string) {
  authorizeSelf(actor, accountId, 'account:read');
  const rows = await listProfileViews(ctx.db, accountId);
  return rows.map((row) => ({
    organization: { slug: row.organizationSlug, name: row.organizationName },
    kind: row.kind as 'search' | 'profile',
    viewedAt: row.viewedAt.toISOString(),
  }));
}

/** The account's addresses, the only ones a learner may show as contact. */
export async function contactAddressChoices(
  ctx: ServiceContext,
  actor: Actor,
  accountId: string,
): Promise<string[]> {
  authorizeSelf(actor, accountId, 'account:read');
  return (await listAccountEmails(ctx.db, accountId)).map((e) => e.email);
}
