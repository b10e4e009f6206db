/** Everything the owner's "Share and export" page shows about one credential. */
import { listShareLinks } from '../../db/repositories/share-links.ts';
import type { Actor } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import type { CredentialFacts } from './credential-facts.ts';
import { type ExportFormat, exportFormatsOf } from './export-credential.ts';
import { embedSnippet, type LinkedInShare, linkedInAddToProfile } from './linkedin.ts';
import { requireOwnedCredential } from './owned-credential.ts';
import { publicPageOf, type ShareLinkView, shareUrl } from './share-links.ts';

export type SharingOverview = {
  id: string;
  facts: CredentialFacts;
  status: string;
  formats: ExportFormat[];
  shareLinks: ShareLinkView[];
  /** Where a verifier can check it publicly, if anywhere yet. */
  publicPage: string | undefined;
  linkedIn: LinkedInShare | undefined;
  snippet: string | undefined;
};

export async function getSharingOverview(
  ctx: ServiceContext,
  actor: Actor,
  walletCredentialId: string,
): Promise<SharingOverview> {
  const owned = await requireOwnedCredential(ctx, actor, walletCredentialId);
  const links = await listShareLinks(ctx.db, owned.row.id);
  const active = links.find((link) => link.revokedAt === null);
  const publicPage = await publicPageOf(ctx, owned.row);
  return {
    id: owned.row.id,
    facts: owned.facts,
    status: owned.row.status,
    formats: exportFormatsOf(owned),
    shareLinks: links.map((link) => ({
      id: link.id,
      url: shareUrl(ctx.publicUrl, link.token),
      createdAt: link.createdAt.toISOString(),
      revokedAt: link.revokedAt?.toISOString() ?? null,
      views: link.views,
    })),
    publicPage,
    linkedIn: publicPage ? linkedInAddToProfile(owned.facts, publicPage) : undefined,
    snippet: active
      ? embedSnippet({
          pageUrl: shareUrl(ctx.publicUrl, active.token),
          imageUrl: `${shareUrl(ctx.publicUrl, active.token)}/badge.svg`,
          achievementName: owned.facts.achievementName,
          issuerName: owned.facts.issuerName,
        })
      : undefined,
  };
}
