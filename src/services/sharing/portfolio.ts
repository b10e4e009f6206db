/**
 * A learner's public e-portfolio: the credentials they chose, grouped by skill, each verified
 * now. Nothing is public unless chosen, and nothing at all until the portfolio is published.
 */
import { randomBytes } from 'node:crypto';
import { findAccountById } from '../../db/repositories/accounts.ts';
import {
  findPortfolio,
  findPortfolioBySlug,
  listPortfolioCredentials,
  type PortfolioRow,
  setPortfolioSelection,
  slugIsTakenByOther,
  upsertPortfolio,
} from '../../db/repositories/portfolios.ts';
import {
  listWalletCredentials,
  type WalletCredentialRow,
} from '../../db/repositories/wallet-credentials.ts';
import { slugPattern } from '../../domain/accounts.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policy.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { type WalletStatus, walletStatusOf } from '../wallet/add-to-wallet.ts';
import { holderOf } from './owned-credential.ts';
import { type SharedCredential, type SharingContext, verifyStored } from './share-links.ts';

export type PortfolioSettings = {
  slug: string;
  headline: string | null;
  published: boolean;
  /** Whether the learner has saved settings yet (the slug is a suggestion until then). */
  saved: boolean;
  url: string;
  credentials: Array<{
    id: string;
    achievementName: string | null;
    issuerName: string | null;
    issuedOn: string | null;
    status: string;
    inPortfolio: boolean;
  }>;
};

export type PortfolioInput = {
  slug: string;
  headline?: string | null;
  published: boolean;
  /** Wallet credential ids to show; every other credential is hidden. */
  credentialIds: string[];
};

function suggestedSlug(displayName: string): string {
  const base = displayName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'portfolio'}-${randomBytes(2).toString('hex')}`;
}

export function portfolioUrl(publicUrl: string, slug: string): string {
  return `${publicUrl}/p/${slug}`;
}

function settingsOf(
  ctx: ServiceContext,
  portfolio: PortfolioRow | undefined,
  slug: string,
  credentials: WalletCredentialRow[],
): PortfolioSettings {
  return {
    slug: portfolio?.slug ?? slug,
    headline: portfolio?.headline ?? null,
    published: portfolio?.published ?? false,
    saved: portfolio !== undefined,
    url: portfolioUrl(ctx.publicUrl, portfolio?.slug ?? slug),
    credentials: credentials.map((row) => ({
      id: row.id,
      achievementName: row.achievementName,
      issuerName: row.issuerName,
      issuedOn: row.issuedOn?.toISOString() ?? null,
      status: row.status,
      inPortfolio: row.inPortfolio,
    })),
  };
}

/** The actor's portfolio settings and every credential they could show. */
export async function getPortfolioSettings(
  ctx: ServiceContext,
  actor: Actor,
): Promise<PortfolioSettings> {
  const accountId = holderOf(actor);
  const portfolio = await findPortfolio(ctx.db, accountId);
  const slug =
    portfolio?.slug ?? suggestedSlug((await findAccountById(ctx.db, accountId))?.displayName ?? '');
  return settingsOf(ctx, portfolio, slug, await listWalletCredentials(ctx.db, accountId));
}

/** Saves the portfolio's address, headline, publication and the chosen credentials at once. */
export async function savePortfolio(
  ctx: ServiceContext,
  actor: Actor,
  input: PortfolioInput,
): Promise<PortfolioSettings> {
  const accountId = holderOf(actor);
  if (!slugPattern.test(input.slug))
    throw new ValidationError('Choose another address for your portfolio.', [
      {
        field: 'slug',
        message:
          'must be 1-63 lowercase letters, digits or hyphens, not starting or ending with a hyphen',
      },
    ]);
  if (await slugIsTakenByOther(ctx.db, input.slug, accountId))
    throw new ConflictError(`The address /p/${input.slug} is taken; choose another.`);
  const owned = new Set((await listWalletCredentials(ctx.db, accountId)).map((row) => row.id));
  const unknown = input.credentialIds.filter((id) => !owned.has(id));
  if (unknown.length > 0)
    throw new ValidationError('Only credentials in your wallet can be shown.', [
      { field: 'credentialIds', message: `not in your wallet: ${unknown.join(', ')}` },
    ]);
  await ctx.db.transaction(async (tx) => {
    await upsertPortfolio(tx, {
      accountId,
      slug: input.slug,
      headline: input.headline?.trim() || null,
      published: input.published,
      updatedAt: ctx.now(),
    });
    await setPortfolioSelection(tx, accountId, [...new Set(input.credentialIds)]);
    await recordAudit(tx, actor, 'portfolio.saved', {
      target: accountId,
      detail: { published: input.published, credentials: input.credentialIds.length },
    });
  });
  return getPortfolioSettings(ctx, actor);
}

export type PortfolioEntry = {
  id: string;
  achievementName: string;
  issuerName: string;
  issuedOn: Date | undefined;
  status: WalletStatus;
  verified: boolean;
  url: string;
};

export type PublicPortfolio = {
  slug: string;
  ownerName: string;
  headline: string | null;
  url: string;
  /** By skill (alignment name), alphabetically; credentials without one come last. */
  groups: Array<{ skill: string; url?: string; entries: PortfolioEntry[] }>;
  count: number;
};

async function publishedPortfolio(ctx: ServiceContext, slug: string): Promise<PortfolioRow> {
  const portfolio = slugPattern.test(slug) ? await findPortfolioBySlug(ctx.db, slug) : undefined;
  if (!portfolio?.published) throw new NotFoundError('There is no published portfolio here.');
  return portfolio;
}

/** At most `limit` verifications at a time, so a large portfolio does not flood the network. */
async function mapLimited<T, R>(items: T[], limit: number, map: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]!);
    }
  });
  await Promise.all(workers);
  return results;
}

/** The public page's content: chosen credentials of a published portfolio, verified now. */
export async function getPublicPortfolio(
  ctx: SharingContext,
  slug: string,
): Promise<PublicPortfolio> {
  const portfolio = await publishedPortfolio(ctx, slug);
  const owner = await findAccountById(ctx.db, portfolio.accountId);
  const rows = await listPortfolioCredentials(ctx.db, portfolio.accountId);
  const verified = await mapLimited(rows, 4, (row) => verifyStored(ctx, row));
  const base = portfolioUrl(ctx.publicUrl, portfolio.slug);
  const groups = new Map<string, { skill: string; url?: string; entries: PortfolioEntry[] }>();
  const other: PortfolioEntry[] = [];
  for (const shared of verified) {
    const entry: PortfolioEntry = {
      id: shared.row.id,
      achievementName: shared.facts.achievementName,
      issuerName: shared.facts.issuerName,
      issuedOn: shared.facts.issuedOn,
      status: statusOf(shared),
      verified: statusOf(shared) === 'valid',
      url: `${base}/credentials/${shared.row.id}`,
    };
    if (shared.row.skills.length === 0) other.push(entry);
    for (const skill of shared.row.skills) {
      const key = skill.name.toLowerCase();
      const group = groups.get(key) ?? { skill: skill.name, url: skill.url, entries: [] };
      group.entries.push(entry);
      groups.set(key, group);
    }
  }
  const sorted = [...groups.values()].sort((a, b) => a.skill.localeCompare(b.skill));
  if (other.length > 0) sorted.push({ skill: 'Other credentials', entries: other });
  return {
    slug: portfolio.slug,
    ownerName: owner?.displayName ?? '',
    headline: portfolio.headline,
    url: base,
    groups: sorted,
    count: rows.length,
  };
}

function statusOf(shared: SharedCredential): WalletStatus {
  if (shared.revoked) return 'revoked';
  if (shared.suspended) return 'suspended';
  return walletStatusOf(shared.verification);
}

/** One chosen credential of a published portfolio, verified now; anything else is a 404. */
export async function getPortfolioCredential(
  ctx: SharingContext,
  slug: string,
  walletCredentialId: string,
): Promise<SharedCredential & { portfolioUrl: string; ownerName: string }> {
  const portfolio = await publishedPortfolio(ctx, slug);
  const row = (await listPortfolioCredentials(ctx.db, portfolio.accountId)).find(
    (candidate) => candidate.id === walletCredentialId,
  );
  if (!row) throw new NotFoundError('There is no such credential in this portfolio.');
  const owner = await findAccountById(ctx.db, portfolio.accountId);
  return {
    ...(await verifyStored(ctx, row)),
    portfolioUrl: portfolioUrl(ctx.publicUrl, portfolio.slug),
    ownerName: owner?.displayName ?? '',
  };
}
