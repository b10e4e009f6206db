import type { OrganizationRow } from '../../db/repositories/organizations.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import { describeActor } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { getOrganization } from '../organizations.ts';
import { consumeRateLimit, type RateLimitRule } from '../rate-limit.ts';

/** Per person (or token) and organization: enough for a recruiter, too few for a scraper. */
export const talentSearchRateLimit: RateLimitRule = {
  name: 'talent-search',
  limit: 30,
  windowSeconds: 60,
};

/** Per organization and day, so many tokens of one organization cannot scrape together. */
export const talentSearchDailyLimit: RateLimitRule = {
  name: 'talent-search-org',
  limit: 2000,
  windowSeconds: 86_400,
};

/** Authorizes a talent search or profile view for the organization and counts it against the limits. */
export async function openTalentAccess(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
): Promise<OrganizationRow> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'talent:search', organizationId: organization.id },
    'Only owners, issuers and viewers of the organization can search talent.',
  );
  await consumeRateLimit(ctx, talentSearchRateLimit, `${organization.id}:${describeActor(actor)}`);
  await consumeRateLimit(ctx, talentSearchDailyLimit, organization.id);
  return organization;
}
