/**
 * Verifiable Presentations of chosen wallet credentials, signed by the learner's did:key
 * (VC-DATA-MODEL-2.0 §4.13) with the verifier's challenge and domain (VC-DATA-INTEGRITY §2.1),
 * so a verifier can tell the holder handed them over for this exchange.
 */
import { randomUUID } from 'node:crypto';
import {
  buildPresentation,
  type DataIntegrityCryptosuite,
  envelopeVcJwt,
  type Presentation,
  signPresentation,
} from '../../credentials/index.ts';
import type { JsonValue } from '../../credentials/types.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policy.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { ensureHolderKey } from './holder-key.ts';
import { holderOf, type OwnedCredential, requireOwnedCredential } from './owned-credential.ts';

export type PresentationRequest = {
  credentialIds: string[];
  /** The verifier's nonce; one is made up when the verifier gave none (the signature needs one). */
  challenge?: string;
  domain?: string;
};

function isVerifiableCredential(owned: OwnedCredential): boolean {
  if (owned.row.receivedAs === 'ob2') return false;
  if (owned.facts.encoding === 'jwt') return true;
  const types = owned.facts.credential.type;
  return (Array.isArray(types) ? types : [types]).includes('VerifiableCredential');
}

/** Embedded as signed: a JSON credential as is, a VC-JWT as an EnvelopedVerifiableCredential. */
function entryOf(owned: OwnedCredential): JsonValue {
  return owned.facts.encoding === 'jwt'
    ? envelopeVcJwt(owned.row.content.trim())
    : (JSON.parse(owned.row.content) as JsonValue);
}

/** Builds and signs a presentation of the actor's chosen credentials. */
export async function createPresentation(
  ctx: ServiceContext,
  actor: Actor,
  request: PresentationRequest,
): Promise<Presentation> {
  const accountId = holderOf(actor);
  const ids = [...new Set(request.credentialIds)];
  if (ids.length === 0)
    throw new ValidationError('Choose at least one credential to present.', [
      { field: 'credentialIds', message: 'must name at least one credential' },
    ]);
  const owned: OwnedCredential[] = [];
  for (const id of ids) owned.push(await requireOwnedCredential(ctx, actor, id));
  const unpresentable = owned.filter((entry) => !isVerifiableCredential(entry));
  if (unpresentable.length > 0)
    throw new ValidationError(
      'Open Badges 2.0 assertions are not verifiable credentials and cannot be put in a presentation.',
      [
        {
          field: 'credentialIds',
          message: `not presentable: ${unpresentable.map((entry) => entry.row.id).join(', ')}`,
        },
      ],
    );
  const key = await ensureHolderKey(ctx, accountId);
  const unsigned = buildPresentation({
    id: `urn:uuid:${randomUUID()}`,
    holder: key.controller,
    verifiableCredential: owned.map(entryOf),
  });
  const options = {
    key,
    challenge: request.challenge ?? randomUUID(),
    domain: request.domain,
    now: ctx.now(),
  };
  const signed = await signWithFallback(unsigned, options);
  await recordAudit(ctx.db, actor, 'presentation.created', {
    target: accountId,
    detail: { credentials: ids, domain: request.domain ?? null },
  });
  return signed;
}

/**
 * eddsa-rdfc-2022 first (the most widely verified); a credential from elsewhere whose JSON-LD
 * contexts we do not hold cannot be canonicalized, and then eddsa-jcs-2022 signs the JSON as is.
 */
async function signWithFallback(
  presentation: Presentation,
  options: Parameters<typeof signPresentation>[1],
): Promise<Presentation> {
  const suites: DataIntegrityCryptosuite[] = ['eddsa-rdfc-2022', 'eddsa-jcs-2022'];
  let lastError: unknown;
  for (const cryptosuite of suites) {
    try {
      return await signPresentation(presentation, { ...options, cryptosuite });
    } catch (error) {
      lastError = error;
    }
  }
  throw new ValidationError(
    `These credentials cannot be put in a signed presentation: ${(lastError as Error).message}`,
    [{ field: 'credentialIds', message: 'cannot be signed together' }],
  );
}
