import { didKeyFromPublicKeyMultibase } from '../../credentials/index.ts';
import { findKeyOwnerByMultibase } from '../../db/repositories/issuer-keys.ts';
import {
  findOrganizationById,
  findOrganizationBySlug,
  type OrganizationRow,
} from '../../db/repositories/organizations.ts';
import type { ServiceContext } from '../context.ts';
import { didWebOf } from './issuer-keys.ts';

/**
 * Which of our organizations an issuer identifier belongs to, if any: a did:web under our
 * public URL names the slug; a did:key names one of our keys (current or retired).
 */
export async function organizationOfIssuerId(
  ctx: Pick<ServiceContext, 'db' | 'publicUrl'>,
  issuerId: string,
): Promise<OrganizationRow | undefined> {
  const platformDid = didWebOf(ctx.publicUrl, null);
  if (platformDid && issuerId.startsWith(`${platformDid}:issuers:`)) {
    const slug = issuerId.slice(`${platformDid}:issuers:`.length);
    return findOrganizationBySlug(ctx.db, slug);
  }
  const didKey = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)$/.exec(issuerId);
  if (didKey) {
    const owner = await findKeyOwnerByMultibase(ctx.db, didKey[1]!);
    if (owner?.organizationId && didKeyFromPublicKeyMultibase(didKey[1]!) === issuerId) {
      return findOrganizationById(ctx.db, owner.organizationId);
    }
  }
  return undefined;
}
