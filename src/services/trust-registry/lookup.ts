/**
 * The verifier's view of the trust registry: which entry (if any) vouches for an issuer id now.
 */
import type { IssuerTrustVerdict } from '../../credentials/index.ts';
import { findTrustedIssuersMatching } from '../../db/repositories/trust-registry.ts';
import {
  accreditationWords,
  decideTrust,
  issuerDomainOf,
  type TrustedIssuerKind,
} from '../../domain/trust-registry/entry.ts';
import type { ServiceContext } from '../context.ts';
import { organizationOfIssuerId } from '../issuers/issuer-directory.ts';

/** Looks an issuer up: entries for its organization, its DID or its domain, else known/unknown. */
export function trustRegistryLookup(
  ctx: Pick<ServiceContext, 'db' | 'publicUrl' | 'now'>,
): (issuerId: string) => Promise<IssuerTrustVerdict> {
  return async (issuerId) => {
    const organization = await organizationOfIssuerId(ctx, issuerId);
    const rows = await findTrustedIssuersMatching(ctx.db, {
      organizationId: organization?.id,
      did: issuerId.startsWith('did:') ? issuerId : undefined,
      domain: issuerDomainOf(issuerId),
    });
    const decision = decideTrust(
      rows.map((row) => ({ ...row, kind: row.kind as TrustedIssuerKind })),
      organization !== undefined,
      ctx.now(),
    );
    if (!('entry' in decision)) return decision.trust;
    const { entry } = decision;
    const row = rows.find((candidate) => candidate.id === entry.id)!;
    return {
      trust: decision.trust,
      entry: {
        id: entry.id,
        name: entry.name,
        accreditation:
          [accreditationWords(entry), row.accreditationUrl].filter(Boolean).join(', ') || undefined,
        validUntil: entry.validUntil?.toISOString().slice(0, 10),
      },
    };
  };
}
