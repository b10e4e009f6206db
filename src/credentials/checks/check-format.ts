/**
 * Stage 1: read the input (object, JSON text or compact JWT) and check the
 * credential's basic shape (VC-DATA-MODEL-2.0 §4; OB 3.0 §8.2 for VC-JWT).
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { CONTEXT_URLS } from '../contexts/index.ts';
import { asArray, describeError, idOf, isObject } from '../json-helpers.ts';
import type { Credential, DataIntegrityProof, JsonObject } from '../types.ts';
import type { CheckResult, Securing } from '../verification-types.ts';

/** The credential read from the input, or why it could not be read. */
export type FormatOutcome =
  | { ok: true; credential: Credential; issuerId: string; securing: Securing; result: CheckResult }
  | { ok: false; credential?: Credential; result: CheckResult };

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

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

function readInput(input: unknown): { credential: unknown; securing?: Securing } | string {
  if (typeof input === 'string') {
    const text = input.trim();
    if (COMPACT_JWS.test(text)) return readJwt(text);
    try {
      return { credential: JSON.parse(text) as unknown };
    } catch (error) {
      return `not JSON and not a compact JWT: ${describeError(error)}`;
    }
  }
  return { credential: input };
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
