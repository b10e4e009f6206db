import type { SignatureFormat } from '../../credentials/index.ts';
import {
  type IssuedCredentialRow,
  listIssuedCredentials,
} from '../../db/repositories/issued-credentials.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { getOrganization } from '../organizations.ts';

export type IssuedCredentialStatus = 'active' | 'suspended' | 'revoked';

/** One issued credential as an issuer's list shows it. */
export type IssuedCredentialSummary = {
  id: string;
  achievementId: string | null;
  /** The name the credential certifies, as signed (later renames of the achievement do not change it). */
  achievementName: string | undefined;
  recipient: { email: string } | { did: string } | undefined;
  issuedAt: Date;
  validUntil: Date | null;
  format: SignatureFormat;
  status: IssuedCredentialStatus;
  /** Issued with a suspension status entry, so it can be suspended and reinstated. */
  suspendable: boolean;
};

/**
 * The latest credentials an organization issued (at most `limit`), for people who may issue
 * for it: recipients' emails are private to the issuer.
 */
export async function listIssuedCredentialsOf(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  limit = 100,
): Promise<IssuedCredentialSummary[]> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'credential:issue', organizationId: organization.id },
    'Only owners and issuers of this organization see the credentials it issued.',
  );
  const rows = await listIssuedCredentials(ctx.db, organization.id, limit);
  return rows.map(summaryOf);
}

function summaryOf(row: IssuedCredentialRow): IssuedCredentialSummary {
  return {
    id: row.id,
    achievementId: row.achievementId,
    achievementName: achievementNameOf(row),
    recipient: row.recipientEmail
      ? { email: row.recipientEmail }
      : row.recipientDid
        ? { did: row.recipientDid }
        : undefined,
    issuedAt: row.issuedAt,
    validUntil: row.validUntil,
    format: row.format as SignatureFormat,
    status: row.revokedAt ? 'revoked' : row.suspendedAt ? 'suspended' : 'active',
    suspendable: row.suspensionListId !== null,
  };
}

/**
 * Read from the signed text itself, so the list needs no query per row. A VC-JWT carries the
 * credential in its `vc` claim (OB 3.0 §8.2.4.2) or as the whole payload (VC-JOSE-COSE §3.1.1).
 */
function achievementNameOf(row: IssuedCredentialRow): string | undefined {
  try {
    const json =
      row.format === 'vc-jwt'
        ? Buffer.from(row.signed.split('.')[1] ?? '', 'base64url').toString('utf8')
        : row.signed;
    const parsed = JSON.parse(json);
    const name = (parsed?.vc ?? parsed)?.credentialSubject?.achievement?.name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}
