/**
 * Presentation verification (W3C VC API `POST /presentations/verify`) as a pipeline of
 * small stages: format → holder proof → each credential through {@link verifyCredential}.
 * The loader, key resolver and clock are injected; bad input never throws.
 */
import { DataIntegrityProof as DataIntegrityProofSuite } from '@digitalbazaar/data-integrity';
import { createVerifyCryptosuite as createJcsVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { cryptosuite as rdfcCryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { CONTEXT_URLS } from './contexts/index.ts';
import { defaultDocumentLoader } from './document-loader.ts';
import { UnknownDocumentError } from './errors.ts';
import { asArray, describeError, hasCause, idOf, isObject } from './json-helpers.ts';
import type {
  DataIntegrityProof,
  DocumentLoader,
  JsonObject,
  JsonValue,
  ResolvedVerificationMethod,
  VerificationMethodResolver,
} from './types.ts';
import { createVerificationMethodResolver } from './verification-method-resolver.ts';
import type { CheckResult, VerificationResult, VerifyDeps } from './verification-types.ts';
import { verifyCredential } from './verify.ts';
import { SUPPORTED_CRYPTOSUITES } from './verify-data-integrity.ts';

/** A Verifiable Presentation (VC-DATA-MODEL-2.0 §4.13) as JSON. */
export interface Presentation extends JsonObject {
  '@context': JsonValue[];
  type: string[] | string;
  holder?: string | JsonObject;
  verifiableCredential?: JsonValue;
}

/** The presentation-level checks, in the order they run. */
export type PresentationCheckName = 'format' | 'holder-proof';

/** What one presentation-level check found (same shape as a credential's checks). */
export interface PresentationCheckResult extends Omit<CheckResult, 'check'> {
  check: PresentationCheckName;
}

/** What the verifier asked the holder to sign (VC-DATA-INTEGRITY §2.1 `challenge`, `domain`). */
export interface PresentationVerifyOptions {
  /** When given, the holder's proof must carry exactly this challenge. */
  challenge?: string;
  /** When given, the holder's proof must name this domain. */
  domain?: string;
}

/** The verdict: true iff no presentation check failed and every credential verified. */
export interface PresentationVerificationResult {
  verified: boolean;
  presentation: { holder?: string; checks: PresentationCheckResult[] };
  /** One result per entry of `verifiableCredential`, in order. */
  credentials: VerificationResult[];
}

type ReadPresentation =
  | {
      ok: true;
      presentation: Presentation;
      holderId?: string;
      proofs: DataIntegrityProof[];
      entries: JsonValue[];
      result: PresentationCheckResult;
    }
  | { ok: false; result: PresentationCheckResult };

const UNREADABLE = 'This is not a readable presentation of digital credentials.';

function formatFailure(message: string, detail: string): ReadPresentation {
  return { ok: false, result: { check: 'format', outcome: 'failed', message, detail } };
}

/** Stage 1: read the input (object or JSON text) and check its shape (VC-DATA-MODEL-2.0 §4.13). */
function readPresentation(input: unknown): ReadPresentation {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return formatFailure(UNREADABLE, `not JSON: ${describeError(error)}`);
    }
  }
  if (!isObject(value)) return formatFailure(UNREADABLE, 'the presentation is not a JSON object');
  const presentation = structuredClone(value) as Presentation;
  const context = asArray(presentation['@context'])[0];
  const problems: string[] = [];
  if (context !== CONTEXT_URLS.credentialsV2 && context !== CONTEXT_URLS.credentialsV1) {
    problems.push('the first @context is not a W3C Verifiable Credentials context');
  }
  if (!asArray(presentation.type).includes('VerifiablePresentation')) {
    problems.push('type lacks VerifiablePresentation');
  }
  const holderId = idOf(presentation.holder);
  if (presentation.holder !== undefined && !holderId) problems.push('holder has no id');
  const proofs = asArray(presentation.proof);
  if (!proofs.every(isObject)) problems.push('proof is not an object');
  const entries = asArray(presentation.verifiableCredential);
  if (!entries.every((e) => isObject(e) || typeof e === 'string')) {
    problems.push('verifiableCredential holds something that is not a credential');
  }
  if (problems.length > 0) {
    return formatFailure(
      'This does not have the structure of a presentation of digital credentials.',
      problems.join('; '),
    );
  }
  const legacy = context === CONTEXT_URLS.credentialsV1;
  const count = `${entries.length} credential${entries.length === 1 ? '' : 's'}`;
  return {
    ok: true,
    presentation,
    holderId,
    proofs: proofs as DataIntegrityProof[],
    entries,
    result: legacy
      ? {
          check: 'format',
          outcome: 'warning',
          message: 'This presentation uses an older format (Verifiable Credentials 1.1).',
          detail: `@context ${CONTEXT_URLS.credentialsV1}; ${count}`,
        }
      : {
          check: 'format',
          outcome: 'passed',
          message: 'The presentation is well formed.',
          detail: `Verifiable Credentials 2.0; ${count}`,
        },
  };
}

/** Why a holder proof was not accepted, from the most to the least specific. */
type ProofProblem =
  | 'unsupported'
  | 'purpose'
  | 'challenge'
  | 'domain'
  | 'expired'
  | 'key-unavailable'
  | 'not-holder'
  | 'not-authentication'
  | 'unknown-context'
  | 'signature';

const PROBLEM_MESSAGES: Record<ProofProblem, string> = {
  unsupported: 'The presentation is signed in a way this verifier does not support.',
  purpose:
    'The presentation’s signature was not made to prove who is presenting it (its purpose is not authentication).',
  challenge:
    'The presentation was not made in answer to this request (the challenge does not match), so it may be a copy of an earlier one.',
  domain:
    'The presentation was made for a different website or service (the domain does not match).',
  expired: 'The holder’s signature on the presentation has expired.',
  'key-unavailable':
    'The holder’s public key could not be found, so their signature cannot be checked.',
  'not-holder': 'The presentation was signed by someone other than the holder it names.',
  'not-authentication': 'The holder’s key used to sign is not one they use to prove who they are.',
  'unknown-context':
    'The presentation uses a vocabulary (JSON-LD context) this verifier does not have, so its signature cannot be checked.',
  signature:
    'The holder’s signature does not match: the presentation was changed after it was signed, or it was not signed by the key it names.',
};

interface HolderProofVerdict {
  proof: DataIntegrityProof;
  problem?: ProofProblem;
  detail: string;
}

interface HolderProofContext {
  holderId?: string;
  options: PresentationVerifyOptions;
  now: Date;
  resolve: VerificationMethodResolver;
  documentLoader: DocumentLoader;
}

function suiteFor(cryptosuite: unknown): DataIntegrityProofSuite | undefined {
  if (cryptosuite === 'eddsa-rdfc-2022')
    return new DataIntegrityProofSuite({ cryptosuite: rdfcCryptosuite });
  if (cryptosuite === 'eddsa-jcs-2022')
    return new DataIntegrityProofSuite({ cryptosuite: createJcsVerifyCryptosuite() });
  return undefined;
}

/** CID 1.0 §3.3 step 4 with the `authentication` relationship; unknown documents pass. */
function listsUnderAuthentication(resolved: ResolvedVerificationMethod): boolean {
  const document = resolved.controllerDocument;
  if (!document) return true;
  const id = resolved.verificationMethod.id;
  return (document.authentication ?? []).some((entry) => {
    const entryId = typeof entry === 'string' ? entry : entry.id;
    return entryId === id || `${document.id}${entryId}` === id;
  });
}

/** VC-DATA-INTEGRITY §2.1: `domain` is a string or a list of strings. */
function namesDomain(proofDomain: unknown, domain: string): boolean {
  return proofDomain === domain || (Array.isArray(proofDomain) && proofDomain.includes(domain));
}

/** Checks the proof's purpose, challenge, domain and expiry: the cheap checks, before any crypto. */
function proofOptionsProblem(
  proof: DataIntegrityProof,
  context: HolderProofContext,
): [ProofProblem, string] | undefined {
  const { challenge, domain } = context.options;
  if (proof.proofPurpose !== 'authentication') {
    return ['purpose', `proofPurpose is ${String(proof.proofPurpose)}, not authentication`];
  }
  if (challenge !== undefined && proof.challenge !== challenge) {
    return [
      'challenge',
      `challenge ${JSON.stringify(proof.challenge)}, expected ${JSON.stringify(challenge)}`,
    ];
  }
  if (domain !== undefined && !namesDomain(proof.domain, domain)) {
    return ['domain', `domain ${JSON.stringify(proof.domain)}, expected ${JSON.stringify(domain)}`];
  }
  if (typeof proof.expires === 'string' && Date.parse(proof.expires) <= context.now.getTime()) {
    return ['expired', `proof expired at ${proof.expires}`];
  }
  return undefined;
}

/** Verifies one holder proof (VC-DATA-INTEGRITY §4.4 with the authentication purpose). */
async function verifyHolderProof(
  presentation: Presentation,
  proof: DataIntegrityProof,
  context: HolderProofContext,
): Promise<HolderProofVerdict> {
  const verdict = (problem: ProofProblem | undefined, detail: string) => ({
    proof,
    problem,
    detail,
  });
  const suite = proof.type === 'DataIntegrityProof' ? suiteFor(proof.cryptosuite) : undefined;
  if (!suite)
    return verdict(
      'unsupported',
      `${proof.type} ${proof.cryptosuite ?? ''} is not supported (DataIntegrityProof with ${SUPPORTED_CRYPTOSUITES.join(' or ')})`,
    );
  const optionsProblem = proofOptionsProblem(proof, context);
  if (optionsProblem) return verdict(...optionsProblem);
  let key: ResolvedVerificationMethod;
  try {
    key = await context.resolve(proof.verificationMethod);
  } catch (error) {
    return verdict('key-unavailable', `${proof.verificationMethod}: ${describeError(error)}`);
  }
  const controller = key.verificationMethod.controller;
  if (context.holderId && controller !== context.holderId) {
    return verdict(
      'not-holder',
      `${proof.verificationMethod} is controlled by ${controller}, not by the holder ${context.holderId}`,
    );
  }
  if (!listsUnderAuthentication(key)) {
    return verdict(
      'not-authentication',
      `${key.controllerDocument?.id} does not list ${proof.verificationMethod} under authentication`,
    );
  }
  const { proof: _proofs, ...document } = presentation;
  const method = {
    '@context': CONTEXT_URLS.multikeyV1,
    ...key.verificationMethod,
    id: proof.verificationMethod,
  };
  // The suite dereferences the verification method through the loader: serve the resolved key.
  const documentLoader = async (url: string) =>
    url === proof.verificationMethod
      ? { contextUrl: null, documentUrl: url, document: method }
      : context.documentLoader(url);
  const result = await suite.verifyProof({
    proof: structuredClone(proof),
    document,
    documentLoader,
  });
  if (result.verified)
    return verdict(undefined, `${proof.cryptosuite} by ${proof.verificationMethod}`);
  const unknownContext = hasCause(result.error, (cause) => cause instanceof UnknownDocumentError);
  return verdict(unknownContext ? 'unknown-context' : 'signature', describeError(result.error));
}

/** Stage 2: did the holder sign this presentation, for this request? */
async function checkHolderProof(
  presentation: Presentation,
  proofs: DataIntegrityProof[],
  context: HolderProofContext,
): Promise<PresentationCheckResult> {
  const { challenge, domain } = context.options;
  if (proofs.length === 0) {
    // A requested challenge or domain can only be met by a signature: unsigned is then a failure.
    const requested = challenge !== undefined || domain !== undefined;
    return {
      check: 'holder-proof',
      outcome: requested ? 'failed' : 'warning',
      message: requested
        ? 'The presentation is not signed by the holder, but this request asked for a signed answer to its challenge.'
        : 'The presentation is not signed by the holder, so we cannot tell who is presenting these credentials. Each credential is still checked on its own.',
      detail: 'the presentation has no proof',
    };
  }
  const verdicts = await Promise.all(
    proofs.map((proof) => verifyHolderProof(presentation, proof, context)),
  );
  const detail = verdicts
    .map((v, i) => `proof ${i + 1}: ${v.problem ? `${v.problem}: ` : 'valid, '}${v.detail}`)
    .join('; ');
  const bad = verdicts.find((v) => v.problem);
  if (bad?.problem) {
    return {
      check: 'holder-proof',
      outcome: 'failed',
      message: PROBLEM_MESSAGES[bad.problem],
      detail,
    };
  }
  const answered = challenge !== undefined ? ', in answer to this request' : '';
  return {
    check: 'holder-proof',
    outcome: 'passed',
    message: `The holder signed this presentation${answered}: it comes from them and was not changed.`,
    detail,
  };
}

/** Media types of a VC-JWT in an EnvelopedVerifiableCredential (VC-JOSE-COSE §3.1.2; older drafts). */
const JWT_MEDIA_TYPES = ['application/vc+jwt', 'application/vc-ld+jwt'];

function unreadableCredential(message: string, detail: string): VerificationResult {
  return { verified: false, checks: [{ check: 'format', outcome: 'failed', message, detail }] };
}

/** Stage 3: one entry of `verifiableCredential`, embedded, enveloped or a bare VC-JWT. */
function verifyEntry(entry: JsonValue, deps: VerifyDeps): Promise<VerificationResult> {
  if (isObject(entry) && asArray(entry.type).includes('EnvelopedVerifiableCredential')) {
    const id = typeof entry.id === 'string' ? entry.id : '';
    const comma = id.indexOf(',');
    const mediaType = id.startsWith('data:') && comma > 0 ? id.slice(5, comma) : undefined;
    if (!mediaType || !JWT_MEDIA_TYPES.includes(mediaType)) {
      return Promise.resolve(
        unreadableCredential(
          'This credential is in an envelope this verifier cannot open.',
          `EnvelopedVerifiableCredential id must be data:application/vc+jwt,<jwt>; got ${mediaType ? `media type ${mediaType}` : 'no data: URL'}`,
        ),
      );
    }
    return verifyCredential(id.slice(comma + 1), deps);
  }
  return verifyCredential(entry, deps);
}

/**
 * Verifies a Verifiable Presentation: its shape, the holder's Data Integrity proof
 * (authentication purpose, `challenge` and `domain` when asked for) and every credential
 * in it. An unsigned presentation is a warning unless a challenge or domain was asked for.
 * Never throws.
 */
export async function verifyPresentation(
  input: unknown,
  deps: VerifyDeps = {},
  options: PresentationVerifyOptions = {},
): Promise<PresentationVerificationResult> {
  try {
    const read = readPresentation(input);
    if (!read.ok) {
      const skipped: PresentationCheckResult = {
        check: 'holder-proof',
        outcome: 'skipped',
        message: 'Not checked because the presentation could not be read.',
      };
      return { verified: false, presentation: { checks: [read.result, skipped] }, credentials: [] };
    }
    const context: HolderProofContext = {
      holderId: read.holderId,
      options,
      now: (deps.now ?? (() => new Date()))(),
      resolve: deps.resolveVerificationMethod ?? createVerificationMethodResolver(),
      documentLoader: deps.documentLoader ?? defaultDocumentLoader(),
    };
    const [holderProof, credentials] = await Promise.all([
      checkHolderProof(read.presentation, read.proofs, context),
      Promise.all(read.entries.map((entry) => verifyEntry(entry, deps))),
    ]);
    const checks = [read.result, holderProof];
    return {
      verified: checks.every((c) => c.outcome !== 'failed') && credentials.every((c) => c.verified),
      presentation: { holder: read.holderId, checks },
      credentials,
    };
  } catch (error) {
    return {
      verified: false,
      presentation: {
        checks: [
          {
            check: 'format',
            outcome: 'failed',
            message: 'The presentation could not be verified.',
            detail: describeError(error),
          },
        ],
      },
      credentials: [],
    };
  }
}
