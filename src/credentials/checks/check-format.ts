/**
 * Stage 1: read the input (object, JSON text or compact JWT) and check the
 * credential's basic shape (VC-DATA-MODEL-2.0 §4; OB 3.0 §8.2 for VC-JWT).
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { CONTEXT_URLS } from '../contexts/index.ts';
import { asArray, describeError, idOf, isObject } from '../json-helpers.ts';
import { jsonTextTooDeep, VERIFICATION_LIMITS, valueTooDeep } from '../limits.ts';
import type { Credential, DataIntegrityProof, JsonObject } from '../types.ts';
import type { CheckResult, Securing } from '../verification-types.ts';

/** The credential read from the input, or why it could not be read. */
export type FormatOutcome =
  | { ok: true; credential: Credential; issuerId: string; securing: Securing; result: CheckResult }
  | { ok: false; credential?: Credential; result: CheckResult };

// The signature part may be empty so that an unsecured JWT (alg "none") is named as such.
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function fail(message: string, detail: string, credential?: Credential): FormatOutcome {
  return { ok: false, credential, result: { check: 'format', outcome: 'failed', message, detail } };
}

function readJwt(jwt: string): { credential: unknown; securing: Securing } | string {
  try {
    const header = decodeProtectedHeader(jwt) as JsonObject;
    const payload = decodeJwt(jwt) as JsonObject;
    // OB 3.0 §8.2.4.2 puts the credential in the `vc` claim; VC-JOSE-COSE §3.1.1 makes it the payload.
    const credential = isObject(payload.vc) ? payload.vc : payload;
    return { credential, securing: { kind: 'vc-jwt', jwt, header, payload } };
  } catch (error) {
    return describeError(error);
  }
}

const { maxCredentialBytes, maxDepth, maxProofs } = VERIFICATION_LIMITS;

function readInput(input: unknown): { credential: unknown; securing?: Securing } | string {
  if (typeof input === 'string') {
    const text = input.trim();
    // Hostile input is refused before it is parsed, canonicalized or sent to a key resolver.
    if (text.length > maxCredentialBytes)
      return `the credential is larger than ${maxCredentialBytes} bytes`;
    if (COMPACT_JWS.test(text)) return readJwt(text);
    if (jsonTextTooDeep(text)) return `the JSON nests deeper than ${maxDepth} levels`;
    try {
      return { credential: JSON.parse(text) as unknown };
    } catch (error) {
      return `not JSON and not a compact JWT: ${describeError(error)}`;
    }
  }
  return { credential: input };
}

/** Why the input is refused before any further work ([plain, technical]), if it is. */
function hostileShape(credential: JsonObject, securing?: Securing): [string, string] | undefined {
  if (valueTooDeep(credential))
    return [
      'This credential is nested too deeply to be a real credential.',
      `the JSON nests deeper than ${maxDepth} levels`,
    ];
  const alg = securing?.kind === 'vc-jwt' ? securing.header.alg : undefined;
  if (typeof alg === 'string' && alg.toLowerCase() === 'none')
    // RFC 8725 §2.1: an unsecured JWS proves nothing about who made it.
    return [
      'This credential is not signed: its JWT declares the algorithm "none".',
      'JWS alg "none" (unsecured JWT) is never accepted',
    ];
  const proofs = asArray(credential.proof).length;
  if (proofs > maxProofs)
    return [
      `This credential carries ${proofs} signatures; at most ${maxProofs} are checked, so it is refused.`,
      `proof set of ${proofs} proofs exceeds the limit of ${maxProofs}`,
    ];
  return undefined;
}

/** Reads and shape-checks a credential. Never throws. */
export function checkFormat(input: unknown): FormatOutcome {
  const read = readInput(input);
  if (typeof read === 'string') return fail('This is not a readable digital credential.', read);
  if (!isObject(read.credential)) {
    return fail(
      'This is not a readable digital credential.',
      'the credential is not a JSON object',
    );
  }
  const refusal = hostileShape(read.credential, read.securing);
  if (refusal) return fail(refusal[0], refusal[1]);
  const credential = structuredClone(read.credential) as Credential;
  const contexts = asArray(credential['@context']);
  const types = asArray(credential.type);
  const issuerId = idOf(credential.issuer);
  const problems: string[] = [];
  if (contexts[0] !== CONTEXT_URLS.credentialsV2 && contexts[0] !== CONTEXT_URLS.credentialsV1) {
    problems.push('the first @context is not a W3C Verifiable Credentials context');
  }
  if (!types.includes('VerifiableCredential')) problems.push('type lacks VerifiableCredential');
  if (!issuerId) problems.push('issuer (or issuer.id) is missing');
  if (!credential.credentialSubject) problems.push('credentialSubject is missing');
  let securing = read.securing;
  if (securing?.kind === 'vc-jwt') {
    const iss = securing.payload.iss;
    // VC-JWT: registered claims must agree with the credential they mirror.
    if (iss !== undefined && iss !== issuerId)
      problems.push(`JWT iss "${String(iss)}" is not the issuer`);
  } else {
    const proofs = asArray(credential.proof).filter(isObject) as DataIntegrityProof[];
    if (proofs.length === 0) problems.push('there is no proof (the credential is not signed)');
    securing = { kind: 'data-integrity', proofs };
  }
  if (problems.length > 0 || !issuerId) {
    return fail(
      'This does not have the structure of a signed digital credential.',
      problems.join('; '),
      credential,
    );
  }
  const legacy = contexts[0] === CONTEXT_URLS.credentialsV1;
  return {
    ok: true,
    credential,
    issuerId,
    securing,
    result: legacy
      ? {
          check: 'format',
          outcome: 'warning',
          message: 'This credential uses an older format (Verifiable Credentials 1.1).',
          detail: `@context ${CONTEXT_URLS.credentialsV1}; ${securing.kind}`,
        }
      : {
          check: 'format',
          outcome: 'passed',
          message: 'The credential is well formed.',
          detail: `Verifiable Credentials 2.0; ${securing.kind}`,
        },
  };
}
