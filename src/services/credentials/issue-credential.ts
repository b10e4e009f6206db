import { randomUUID } from 'node:crypto';
import {
  buildIssuerProfile,
  CONTEXT_URLS,
  type SignatureFormat,
  SigningError,
  type StatusPurpose,
  signCredential,
} from '../../credentials/index.ts';
import type { Credential, JsonObject } from '../../credentials/types.ts';
import { findIssuedCredential } from '../../db/repositories/issued-credentials.ts';
import type { OrganizationRow } from '../../db/repositories/organizations.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { organizationOfIssuerId } from '../issuers/issuer-directory.ts';
import { ensureActiveKey, issuerIdFor, signingKeyOf } from '../issuers/issuer-keys.ts';
import { recordIssuances } from './record-issuance.ts';
import { allocateStatusSlot, statusEntry } from './status-lists.ts';

export type IssueOptions = {
  format?: SignatureFormat;
  /** VC-JWT only: EdDSA (default) or RS256 (1EdTech's minimum for VC-JWT). */
  jwtAlgorithm?: 'EdDSA' | 'RS256';
  /**
   * OB 3.0 allows one `credentialStatus` (the official schema refuses an array), so a credential
   * is either revocable (default) or suspendable; a suspendable one is revoked by suspending it
   * for good, which outside verifiers report as suspended.
   */
  statusPurpose?: StatusPurpose;
  /** The UUID of the credential's public URL, when the caller already built that URL into `id`. */
  credentialId?: string;
  /** Link the record to an achievement and recipient, for wallets and revocation pages. */
  achievementId?: string;
  recipient?: { email?: string; did?: string };
};

export type IssuedCredential = {
  id: string;
  format: SignatureFormat;
  signed: string;
  credential: Credential | string;
};

const ob3SchemaUrl =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
const ob3Types = new Set(['OpenBadgeCredential', 'AchievementCredential']);

/** The OB3 issuer Profile of an organization, whose `id` is what its credentials are signed under. */
export async function issuerProfileOf(
  ctx: ServiceContext,
  organization: OrganizationRow,
): Promise<JsonObject> {
  const owner = { organizationId: organization.id, slug: organization.slug };
  const key = await ensureActiveKey(ctx, owner, 'Ed25519');
  return buildIssuerProfile({
    id: issuerIdFor(ctx, owner, key),
    name: organization.name,
    url: organization.url,
    email: organization.email,
    description: organization.description,
    image: organization.imageUrl,
    country: organization.country,
    officialIdentifiers: organization.officialIdentifiers,
  });
}

function issuerIdOf(credential: JsonObject): string | undefined {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  if (
    issuer &&
    typeof issuer === 'object' &&
    !Array.isArray(issuer) &&
    typeof issuer.id === 'string'
  )
    return issuer.id;
  return undefined;
}

/**
 * Signs an unsigned credential for the organization named by its `issuer`, after checking the
 * actor may issue for that organization. Skillmark assigns what only it can: the id (when
 * absent), status entries for revocation and suspension, the OB3 schema reference, and the
 * issuer profile. The signed form is stored verbatim and returned as that same text.
 */
export async function issueCredential(
  ctx: ServiceContext,
  actor: Actor,
  unsigned: JsonObject,
  options: IssueOptions = {},
): Promise<IssuedCredential> {
  const issuerId = issuerIdOf(unsigned);
  if (!issuerId)
    throw new ValidationError('The credential needs an issuer with an id.', [
      { field: 'credential.issuer', message: 'is required' },
    ]);
  const organization = await organizationOfIssuerId(ctx, issuerId);
  if (!organization) {
    if (actor.kind === 'anonymous') authorize(actor, { action: 'platform:administer' }, '');
    throw new ForbiddenError(
      `${issuerId} is not an issuer identifier of any organization you can issue for.`,
    );
  }
  authorize(
    actor,
    { action: 'credential:issue', organizationId: organization.id },
    `You cannot sign as the issuer of ${organization.name}: your role or token does not belong to that organization, or does not allow issuing.`,
  );
  if (unsigned.proof !== undefined)
    throw new ValidationError('The credential is already signed; send it without `proof`.', [
      { field: 'credential.proof', message: 'must be absent' },
    ]);
  if (unsigned.credentialStatus !== undefined) {
    throw new ValidationError(
      'Skillmark assigns credentialStatus itself (revocation, or suspension on request); leave it out.',
      [{ field: 'credential.credentialStatus', message: 'must be absent' }],
    );
  }
  const owner = { organizationId: organization.id, slug: organization.slug };
  const format = options.format ?? 'eddsa-rdfc-2022';
  const algorithm = format === 'vc-jwt' && options.jwtAlgorithm === 'RS256' ? 'RSA' : 'Ed25519';
  const profile = await issuerProfileOf(ctx, organization);
  if (profile.id !== issuerId) {
    throw new ForbiddenError(
      `${issuerId} is a retired identifier of ${organization.name}; issue under ${String(profile.id)}.`,
    );
  }

  const credentialUuid = options.credentialId ?? randomUUID();
  const now = ctx.now();
  const signed = await ctx.db.transaction(async (tx) => {
    const keyRow = await ensureActiveKey({ ...ctx, db: tx }, owner, algorithm);
    const statusPurpose = options.statusPurpose ?? 'revocation';
    const slot = await allocateStatusSlot(tx, organization.id, statusPurpose, now);
    const credential = completeCredential(unsigned, {
      id: `${ctx.publicUrl}/credentials/${credentialUuid}`,
      profile,
      validFrom: now,
      status: statusEntry(ctx.publicUrl, slot, statusPurpose),
    });
    const key = signingKeyOf(ctx, owner, keyRow);
    let result: Credential | string;
    try {
      result = await signCredential(credential, { format, key, now });
    } catch (error) {
      if (
        error instanceof SigningError ||
        (error as { name?: string }).name === 'jsonld.ValidationError'
      ) {
        throw new ValidationError(`The credential cannot be signed: ${(error as Error).message}`, [
          {
            field: 'credential',
            message: 'is not valid JSON-LD for its contexts (check for undefined terms)',
          },
        ]);
      }
      throw error;
    }
    const text = typeof result === 'string' ? result : JSON.stringify(result);
    await recordIssuances(
      ctx,
      tx,
      actor,
      [
        {
          id: credentialUuid,
          organizationId: organization.id,
          achievementId: options.achievementId ?? null,
          format,
          signed: text,
          credential,
          recipientEmail: options.recipient?.email ?? null,
          recipientDid: options.recipient?.did ?? null,
          issuerId: String(profile.id),
          slot,
          statusPurpose,
        },
      ],
      now,
    );
    return { text, result };
  });
  return { id: credentialUuid, format, signed: signed.text, credential: signed.result };
}

export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Adds what Skillmark assigns: id, validFrom, issuer profile, status entry, OB3 schema. */
export function completeCredential(
  unsigned: JsonObject,
  assigned: { id: string; profile: JsonObject; validFrom: Date; status: JsonObject },
): Credential {
  const credential = structuredClone(unsigned) as Credential;
  credential.id ??= assigned.id;
  credential.validFrom ??= isoSeconds(assigned.validFrom);
  const givenIssuer =
    typeof credential.issuer === 'object' && credential.issuer !== null
      ? (credential.issuer as JsonObject)
      : {};
  credential.issuer = { ...assigned.profile, ...givenIssuer, id: assigned.profile.id as string };
  credential.credentialStatus = assigned.status;
  const types = Array.isArray(credential.type) ? credential.type : [credential.type];
  if (types.some((type) => ob3Types.has(String(type)))) {
    // OB 3.0 §8.1: the schema reference; its validator type is defined in the extensions context.
    credential.credentialSchema ??= [{ id: ob3SchemaUrl, type: '1EdTechJsonSchemaValidator2019' }];
    const contexts = credential['@context'];
    if (Array.isArray(contexts) && !contexts.includes(CONTEXT_URLS.obV3p0Extensions))
      contexts.push(CONTEXT_URLS.obV3p0Extensions);
  }
  return credential;
}

/** The stored record of a credential issued here, for its public page and status changes. */
export async function requireIssuedCredential(ctx: ServiceContext, id: string) {
  const row = /^[0-9a-f-]{36}$/.test(id) ? await findIssuedCredential(ctx.db, id) : undefined;
  if (!row) throw new NotFoundError('No credential with this id was issued here.');
  return row;
}
