import { randomUUID } from 'node:crypto';
import {
  deleteLtiPlatform,
  findLtiPlatform,
  findLtiPlatformsByIssuer,
  insertLtiPlatform,
  type LtiPlatformRow,
  listLtiPlatforms,
  listLtiResourceLinks,
} from '../../db/repositories/lti.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import { endpointUrlProblem, isLoopbackHost } from '../../domain/webhooks/endpoint-url.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { getOrganization } from '../organizations.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type LtiPlatformView = {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  deploymentIds: string[];
  authLoginUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  createdAt: string;
};

export type NewLtiPlatform = Omit<LtiPlatformView, 'id' | 'createdAt'>;

function present(row: LtiPlatformRow): LtiPlatformView {
  const { organizationId: _organization, createdAt, ...rest } = row;
  return { ...rest, createdAt: createdAt.toISOString() };
}

/** What a tool registration needs to tell the LMS (LTI Core §3.1 tool configuration). */
export function toolConfiguration(publicUrl: string) {
  return {
    loginInitiationUrl: `${publicUrl}/lti/login`,
    redirectUri: `${publicUrl}/lti/launch`,
    targetLinkUri: `${publicUrl}/lti/launch`,
    deepLinkingUrl: `${publicUrl}/lti/launch`,
    jwksUrl: `${publicUrl}/lti/jwks`,
  };
}

async function organizationFor(ctx: ServiceContext, actor: Actor, slug: string) {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'organization:manage-integrations', organizationId: organization.id },
    'Only owners of the organization can manage LMS platforms.',
  );
  return organization;
}

export async function registerLtiPlatform(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  input: NewLtiPlatform,
): Promise<LtiPlatformView> {
  const organization = await organizationFor(ctx, actor, slug);
  const allowLoopback = isLoopbackHost(new URL(ctx.publicUrl).hostname);
  const fields = (['issuer', 'authLoginUrl', 'tokenUrl', 'jwksUrl'] as const).flatMap((field) => {
    const problem = endpointUrlProblem(input[field], allowLoopback);
    return problem ? [{ field, message: problem }] : [];
  });
  if (fields.length > 0)
    throw new ValidationError(
      `Platform URLs must be public https addresses: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}.`,
      fields,
    );
  if ((await findLtiPlatformsByIssuer(ctx.db, input.issuer, input.clientId)).length > 0)
    throw new ConflictError(
      `A platform with issuer ${input.issuer} and client_id ${input.clientId} is already registered.`,
    );
  return ctx.db.transaction(async (tx) => {
    const row = await insertLtiPlatform(tx, {
      id: randomUUID(),
      organizationId: organization.id,
      ...input,
      deploymentIds: [...new Set(input.deploymentIds)],
    });
    await recordAudit(tx, actor, 'lti-platform.registered', {
      organizationId: organization.id,
      target: row.id,
      detail: { issuer: input.issuer, clientId: input.clientId },
    });
    return present(row);
  });
}

export async function getLtiPlatforms(ctx: ServiceContext, actor: Actor, slug: string) {
  const organization = await organizationFor(ctx, actor, slug);
  return (await listLtiPlatforms(ctx.db, organization.id)).map(present);
}

export async function removeLtiPlatform(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  platformId: string,
) {
  const organization = await organizationFor(ctx, actor, slug);
  if (
    !uuidPattern.test(platformId) ||
    !(await findLtiPlatform(ctx.db, organization.id, platformId))
  )
    throw new NotFoundError('No LMS platform with this id in this organization.');
  await ctx.db.transaction(async (tx) => {
    await deleteLtiPlatform(tx, platformId);
    await recordAudit(tx, actor, 'lti-platform.removed', {
      organizationId: organization.id,
      target: platformId,
    });
  });
}

export type LtiResourceLinkView = {
  id: string;
  resourceLinkId: string;
  achievementId: string;
  scoreThreshold: number;
  lineItemUrl: string | null;
  createdAt: string;
};

/** The course placements made through a platform (created at their first launch). */
export async function getLtiResourceLinks(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  platformId: string,
): Promise<LtiResourceLinkView[]> {
  const organization = await organizationFor(ctx, actor, slug);
  if (!(await findLtiPlatform(ctx.db, organization.id, platformId)))
    throw new NotFoundError('No LMS platform with this id in this organization.');
  return (await listLtiResourceLinks(ctx.db, platformId)).map((row) => ({
    id: row.id,
    resourceLinkId: row.resourceLinkId,
    achievementId: row.achievementId,
    scoreThreshold: Number(row.scoreThreshold),
    lineItemUrl: row.lineItemUrl,
    createdAt: row.createdAt.toISOString(),
  }));
}
