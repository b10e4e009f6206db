import type { JsonObject } from '../../credentials/types.ts';
import type { Actor } from '../../domain/policy.ts';
import { authorize } from '../../domain/policy.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { issuerProfileOf } from '../credentials/issue-credential.ts';
import { getOrganization } from '../organizations.ts';
import { didWebDocumentOf, rotateKeys } from './issuer-keys.ts';

/** The organization's OB3 issuer Profile (public: verifiers need it). */
export async function getIssuerProfile(ctx: ServiceContext, slug: string): Promise<JsonObject> {
  return issuerProfileOf(ctx, await getOrganization(ctx, slug));
}

/** The did:web document of an organization (or of the platform with `slug` null). */
export async function getDidDocument(ctx: ServiceContext, slug: string | null) {
  const owner = slug
    ? await getOrganization(ctx, slug).then((o) => ({ organizationId: o.id, slug: o.slug }))
    : null;
  return didWebDocumentOf(ctx, owner);
}

/** A new key signs from now on; old ones stay resolvable. Owners only. */
export async function rotateIssuerKeys(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
): Promise<JsonObject> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'organization:update', organizationId: organization.id },
    'Only owners can rotate signing keys.',
  );
  const key = await rotateKeys(ctx, { organizationId: organization.id, slug });
  await recordAudit(ctx.db, actor, 'issuer-key.rotated', {
    organizationId: organization.id,
    target: key.id,
  });
  return issuerProfileOf(ctx, organization);
}
