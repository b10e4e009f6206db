/**
 * Issue 9 targets, measured side by side in one run: eddsa-rdfc-2022 through the
 * reference stack (vc.issue / vc.verifyCredential with the published cryptosuite) and
 * through Skillmark's compiled path, on one thread and on a 2-thread pool; eddsa-jcs-2022
 * and VC-JWT against raw Ed25519; then the 10,000-case differential check
 * (DIFF_CASES=n to change the count).
 */
import { createHash, sign, verify } from 'node:crypto';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as referenceSuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import fc from 'fast-check';
import { Piscina } from 'piscina';
import {
  ed25519PrivateKeyObject,
  ed25519PublicKeyObject,
} from '../src/credentials/ed25519-key-objects.ts';
import { fastRdfcCryptosuite } from '../src/credentials/fast-rdfc/cryptosuite.ts';
import {
  type Credential,
  defaultDocumentLoader,
  generateEd25519KeyPair,
  type DataIntegrityProof as Proof,
  type ResolvedVerificationMethod,
  signCredential,
} from '../src/credentials/index.ts';
import { createSigningPool, type SigningPool } from '../src/credentials/signing-pool.ts';
import { createDifferentialChecker } from '../src/credentials/testing/differential.ts';
import { arbitraryCredential } from '../src/credentials/testing/random-credential.ts';
import { verifyDataIntegrityProof } from '../src/credentials/verify-data-integrity.ts';
import { verifyJwtSignature } from '../src/credentials/verify-jwt.ts';
import type { BenchCase, Measurement } from './measure.ts';
import { referenceSign } from './reference-sign-worker.ts';
import { sampleOpenBadgeCredential } from './sample-credential.ts';

const key = await generateEd25519KeyPair({ seed: new Uint8Array(32).fill(11) });
const resolved: ResolvedVerificationMethod = {
  verificationMethod: {
    id: key.id,
    type: 'Multikey',
    controller: key.controller,
    publicKeyMultibase: key.publicKeyMultibase,
  },
};
const now = new Date('2026-06-01T08:00:00Z');
const documentLoader = defaultDocumentLoader();
const THREADS = 2;
const BATCH = 100;

// A cohort: one achievement, a different learner per credential (id, hashed e-mail, salt).
const cohort: Credential[] = Array.from({ length: 1000 }, (_, i) => {
  const base = sampleOpenBadgeCredential(key.controller);
  const subject = base.credentialSubject as { identifier: Array<Record<string, unknown>> };
  const salt = `salt-${i}`;
  const identityHash = `sha256$${createHash('sha256').update(`learner${i}@example.org${salt}`).digest('hex')}`;
  return {
    ...base,
    id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    credentialSubject: {
      ...subject,
      identifier: [{ ...subject.identifier[0], identityHash, salt }],
    },
  };
});
let next = 0;
const nextCredential = () => cohort[next++ % cohort.length] as Credential;
const batch = () => Array.from({ length: BATCH }, nextCredential);

let fastPool: SigningPool | undefined;
let referencePool: Piscina | undefined;
let rdfcSigned: Credential | undefined;
let jcsSigned: Credential | undefined;
let jwt: string | undefined;
const privateKey = ed25519PrivateKeyObject(key);
const publicKey = ed25519PublicKeyObject(key.publicKeyMultibase);
const message = new Uint8Array(64).fill(42);
const rawSignature = sign(null, message, privateKey);

function verifyWith(cryptosuite: object, credential: Credential) {
  return vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader,
    now,
  });
}

async function mustVerify(cryptosuite: object, credential: Credential) {
  const result = await verifyWith(cryptosuite, credential);
  if (!result.verified) throw new Error(`sample does not verify: ${JSON.stringify(result.error)}`);
}

const NAMES = {
  refSign: 'signing rdfc sign   reference, 1 thread',
  fastSign: 'signing rdfc sign   fast, 1 thread',
  refPool: `signing rdfc sign   reference, ${THREADS} threads (batch of ${BATCH})`,
  fastPool: `signing rdfc sign   fast, ${THREADS} threads (batch of ${BATCH})`,
  refVerify: 'signing rdfc verify reference (DataIntegrityProof.verifyProof)',
  fastVerify: 'signing rdfc verify fast (verifyDataIntegrityProof)',
  jcsSign: 'signing jcs sign',
  jcsVerify: 'signing jcs verify (proof only)',
  jwtSign: 'signing vc-jwt sign',
  jwtVerify: 'signing vc-jwt verify (JWS only)',
  rawSign: 'signing raw Ed25519 sign (64 B, cached KeyObject)',
  rawVerify: 'signing raw Ed25519 verify (64 B, cached KeyObject)',
};

/** The cases of this module, in print order. */
export const cases: BenchCase[] = [
  { name: NAMES.refSign, run: () => referenceSign(nextCredential(), key, now) },
  { name: NAMES.fastSign, run: () => signCredential(nextCredential(), { key, now }) },
  {
    name: NAMES.refPool,
    async setup() {
      referencePool = new Piscina({
        filename: new URL('./reference-sign-worker.ts', import.meta.url).href,
        minThreads: THREADS,
        maxThreads: THREADS,
      });
      // Start the workers and let jsonld.js cache the contexts before measuring.
      await Promise.all(batch().map((credential) => referencePool?.run({ credential, key, now })));
    },
    run: () =>
      Promise.all(batch().map((credential) => referencePool?.run({ credential, key, now }))),
  },
  {
    name: NAMES.fastPool,
    async setup() {
      fastPool = createSigningPool({ threads: THREADS });
      // Start the workers and compile the cohort's shape in each before measuring.
      for (let round = 0; round < 5; round++) {
        await Promise.all(
          batch().map((credential) =>
            fastPool?.sign(credential, { format: 'eddsa-rdfc-2022', key, now }),
          ),
        );
      }
    },
    run: () =>
      Promise.all(
        batch().map((credential) =>
          fastPool?.sign(credential, { format: 'eddsa-rdfc-2022', key, now }),
        ),
      ),
  },
  {
    name: NAMES.refVerify,
    async setup() {
      rdfcSigned = await signCredential(cohort[0] as Credential, { key, now });
      await mustVerify(referenceSuite, rdfcSigned);
    },
    run: async () => {
      const { proof, ...document } = rdfcSigned as Credential;
      const result = await new DataIntegrityProof({ cryptosuite: referenceSuite }).verifyProof({
        proof: (proof as Proof[])[0] as Proof,
        document,
        documentLoader,
      });
      if (!result.verified) throw new Error('reference verification failed');
    },
  },
  {
    name: NAMES.fastVerify,
    async setup() {
      rdfcSigned = await signCredential(cohort[0] as Credential, { key, now });
      await mustVerify(fastRdfcCryptosuite, rdfcSigned);
    },
    run: async () => {
      const signed = rdfcSigned as Credential;
      const result = await verifyDataIntegrityProof(
        signed,
        (signed.proof as Proof[])[0] as Proof,
        resolved,
        documentLoader,
      );
      if (!result.verified) throw new Error('fast verification failed');
    },
  },
  {
    name: NAMES.jcsSign,
    run: () => signCredential(nextCredential(), { key, now, format: 'eddsa-jcs-2022' }),
  },
  {
    name: NAMES.jcsVerify,
    async setup() {
      jcsSigned = await signCredential(cohort[0] as Credential, {
        key,
        now,
        format: 'eddsa-jcs-2022',
      });
      const check = await verifyDataIntegrityProof(
        jcsSigned,
        (jcsSigned.proof as Proof[])[0] as Proof,
        resolved,
        documentLoader,
      );
      if (!check.verified) throw new Error(`jcs sample does not verify: ${check.error}`);
    },
    run: () =>
      verifyDataIntegrityProof(
        jcsSigned as Credential,
        ((jcsSigned as Credential).proof as Proof[])[0] as Proof,
        resolved,
        documentLoader,
      ),
  },
  {
    name: NAMES.jwtSign,
    run: () => signCredential(nextCredential(), { key, now, format: 'vc-jwt' }),
  },
  {
    name: NAMES.jwtVerify,
    async setup() {
      jwt = await signCredential(cohort[0] as Credential, { key, now, format: 'vc-jwt' });
      const error = await verifyJwtSignature(jwt, 'EdDSA', resolved);
      if (error) throw new Error(`jwt sample does not verify: ${error}`);
    },
    run: () => verifyJwtSignature(jwt as string, 'EdDSA', resolved),
  },
  { name: NAMES.rawSign, run: () => sign(null, message, privateKey) },
  { name: NAMES.rawVerify, run: () => verify(null, message, publicKey, rawSignature) },
];

/** Credentials per second of a case (a pooled op signs a whole batch). */
function rate(results: Measurement[], name: string): number | undefined {
  const found = results.find((r) => r.name === name);
  if (!found) return undefined;
  return name.includes('(batch of') ? found.opsPerSecond * BATCH : found.opsPerSecond;
}

function line(
  label: string,
  numerator: number | undefined,
  denominator: number | undefined,
  target: string,
) {
  if (numerator === undefined || denominator === undefined)
    return `  ${label}: not measured in this run`;
  return `  ${label}: ${(numerator / denominator).toFixed(2)}× (${numerator.toFixed(0)} vs ${denominator.toFixed(0)} per s; target ${target})`;
}

async function differential(count: number): Promise<string> {
  const check = await createDifferentialChecker(key);
  const paths = { compiled: 0, reference: 0, refused: 0 };
  const started = performance.now();
  const result = await fc.check(
    fc.asyncProperty(arbitraryCredential(key.controller), async (credential) => {
      const outcome = await check(credential, now);
      paths[outcome.path ?? 'refused']++;
      return outcome.problem === undefined;
    }),
    { numRuns: count },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const verdict = result.failed
    ? `FAILED after ${result.numRuns} cases (seed ${result.seed}): ${JSON.stringify(result.counterexample)}`
    : `${result.numRuns} random credentials: canonical N-Quads and proofs byte-identical, all verified by vc.verifyCredential`;
  return `Differential check (fast vs reference eddsa-rdfc-2022), ${seconds} s:\n  ${verdict}\n  paths: ${paths.compiled} compiled, ${paths.reference} reference fallback, ${paths.refused} refused by both`;
}

/** Ratios against the issue 9 targets, then the differential check. */
export async function summary(results: Measurement[]): Promise<string> {
  await fastPool?.close();
  await referencePool?.close();
  const r = (name: string) => rate(results, name);
  const lines = [
    'Issue 9 ratios (same run):',
    line('rdfc sign, fast vs reference, 1 thread', r(NAMES.fastSign), r(NAMES.refSign), '≥ 20×'),
    line(
      `rdfc sign, fast vs reference, ${THREADS} threads`,
      r(NAMES.fastPool),
      r(NAMES.refPool),
      '≥ 20×',
    ),
    line(
      `rdfc sign, fast ${THREADS} threads vs reference 1 thread`,
      r(NAMES.fastPool),
      r(NAMES.refSign),
      'informative',
    ),
    line('rdfc verify, fast vs reference', r(NAMES.fastVerify), r(NAMES.refVerify), '≥ 20×'),
    line('raw Ed25519 sign vs jcs sign', r(NAMES.rawSign), r(NAMES.jcsSign), '≤ 2×'),
    line('raw Ed25519 verify vs jcs verify', r(NAMES.rawVerify), r(NAMES.jcsVerify), '≤ 2×'),
    line('raw Ed25519 sign vs vc-jwt sign', r(NAMES.rawSign), r(NAMES.jwtSign), '≤ 2×'),
    line('raw Ed25519 verify vs vc-jwt verify', r(NAMES.rawVerify), r(NAMES.jwtVerify), '≤ 2×'),
  ];
  const count = Number(process.env.DIFF_CASES ?? 10_000);
  return `${lines.join('\n')}\n\n${await differential(count)}`;
}
