/** Opt-in, revocable public links to one wallet credential: the token is the capability. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { VerificationResult } from '../../credentials/index.ts';
import { findIssuedCredential } from '../../db/repositories/issued-credentials.ts';
import {
  countShareLinkView,
  insertShareLink,
  listShareLinks,
  openShareLink,
  revokeShareLink,
  type ShareLinkRow,
} from '../../db/repositories/share-links.ts';
import type { WalletCredentialRow } from '../../db/repositories/wallet-credentials.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policy.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { recordCredentialEvent } from '../credential-events/record.ts';
import type { CredentialFacts } from './credential-facts.ts';
import { factsOf, type OwnedCredential, requireOwnedCredential } from './owned-credential.ts';

/** Sharing pages verify live, with the platform's one verifier. */
export type SharingContext = ServiceContext & {
  verifyCredential: (input: unknown) => Promise<VerificationResult>;
};

export type ShareLinkView = {
  id: string;
  url: string;
  createdAt: string;
  revokedAt: string | null;
  views: number;
};

export function shareUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/s/${token}`;
}

function viewOf(publicUrl: string, row: ShareLinkRow): ShareLinkView {
  return {
    id: row.id,
    url: shareUrl(publicUrl, row.token),
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    views: row.views,
  };
}

async function insertLink(ctx: ServiceContext, actor: Actor, owned: WalletCredentialRow) {
  // 192 random bits: a link cannot be guessed, only handed on.
  const token = randomBytes(24).toString('base64url');
  return ctx.db.transaction(async (tx) => {
    const row = await insertShareLink(tx, {
      id: randomUUID(),
      walletCredentialId: owned.id,
      token,
      createdAt: ctx.now(),
    });
    if (owned.issuedCredentialId) {
      await recordCredentialEvent(tx, {
        type: 'shared',
        issuedCredentialId: owned.issuedCredentialId,
        occurredAt: row.createdAt,
        accountId: owned.accountId,
        detail: { via: 'share-link' },
      });
    }
    await recordAudit(tx, actor, 'share-link.created', { target: owned.id });
    return row;
  });
}

/** Makes a new public link to one of the actor's credentials. */
export async function createShareLink(
  ctx: ServiceContext,
  actor: Actor,
  walletCredentialId: string,
): Promise<ShareLinkView> {
  const { row } = await requireOwnedCredential(ctx, actor, walletCredentialId);
  return viewOf(ctx.publicUrl, await insertLink(ctx, actor, row));
}

/** The links of one of the actor's credentials, newest first, revoked ones included. */
export async function listShareLinksOf(
  ctx: ServiceContext,
  actor: Actor,
  walletCredentialId: string,
): Promise<ShareLinkView[]> {
  const { row } = await requireOwnedCredential(ctx, actor, walletCredentialId);
  return (await listShareLinks(ctx.db, row.id)).map((link) => viewOf(ctx.publicUrl, link));
}

/** Revokes a link for good: from then on it is a 404 like any unknown link. */
export async function revokeShareLinkOf(
  ctx: ServiceContext,
  actor: Actor,
  walletCredentialId: string,
  linkId: string,
): Promise<void> {
  const { row } = await requireOwnedCredential(ctx, actor, walletCredentialId);
  const revoked = /^[0-9a-f-]{36}$/i.test(linkId)
    ? await ctx.db.transaction(async (tx) => {
        const done = await revokeShareLink(tx, row.id, linkId, ctx.now());
        if (done) await recordAudit(tx, actor, 'share-link.revoked', { target: row.id });
        return done;
      })
    : false;
  if (!revoked) throw new NotFoundError('This credential has no active share link with this id.');
}

/**
 * The public page URL of a credential, if it has one: its own page when it was issued here,
 * else its newest active share link.
 */
export async function publicPageOf(
  ctx: ServiceContext,
  row: WalletCredentialRow,
): Promise<string | undefined> {
  if (row.issuedCredentialId) return `${ctx.publicUrl}/credentials/${row.issuedCredentialId}`;
  const active = (await listShareLinks(ctx.db, row.id)).find((link) => link.revokedAt === null);
  return active ? shareUrl(ctx.publicUrl, active.token) : undefined;
}

/**
 * The page a printed certificate points to. A credential from elsewhere has no page of its
 * own, so printing it creates a share link (listed with the others, revocable).
 */
export async function ensurePublicPage(
  ctx: ServiceContext,
  actor: Actor,
  owned: OwnedCredential,
): Promise<string> {
  const existing = await publicPageOf(ctx, owned.row);
  if (existing) return existing;
  return shareUrl(ctx.publicUrl, (await insertLink(ctx, actor, owned.row)).token);
}

export type SharedCredential = {
  row: WalletCredentialRow;
  facts: CredentialFacts;
  verification: VerificationResult;
  revoked: boolean;
  suspended: boolean;
};

/** Verifies a stored credential now; the issuer's own record decides revoked/suspended here. */
export async function verifyStored(
  ctx: SharingContext,
  row: WalletCredentialRow,
): Promise<SharedCredential> {
  const facts = factsOf(row);
  const input = facts.encoding === 'jwt' ? row.content.trim() : safeJson(row.content);
  const verification = await ctx.verifyCredential(input);
  const issued = row.issuedCredentialId
    ? await findIssuedCredential(ctx.db, row.issuedCredentialId)
    : undefined;
  return {
    row,
    facts,
    verification,
    revoked: issued?.revokedAt != null,
    suspended: issued?.suspendedAt != null,
  };
}

function safeJson(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
}

/** What `/s/{token}` shows (counting the view): nothing at all for a revoked or unknown token. */
export async function openSharedCredential(
  ctx: SharingContext,
  token: string,
): Promise<SharedCredential & { link: ShareLinkRow }> {
  const found = /^[A-Za-z0-9_-]{16,64}$/.test(token)
    ? await openShareLink(ctx.db, token)
    : undefined;
  if (!found) throw new NotFoundError('There is nothing at this link.');
  await countShareLinkView(ctx.db, found.link.id);
  return { ...(await verifyStored(ctx, found.credential)), link: found.link };
}

/** The row behind an active link without counting a view or verifying (for its badge image). */
export async function sharedCredentialRow(
  ctx: ServiceContext,
  token: string,
): Promise<WalletCredentialRow> {
  const found = /^[A-Za-z0-9_-]{16,64}$/.test(token)
    ? await openShareLink(ctx.db, token)
    : undefined;
  if (!found) throw new NotFoundError('There is nothing at this link.');
  return found.credential;
}
