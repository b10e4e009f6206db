import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signCredential } from '../sign.ts';
import {
  createDifferentialChecker,
  createJcsDifferentialChecker,
} from '../testing/differential.ts';
import { issuerKey } from '../testing/fixtures.ts';
import { arbitraryCredential } from '../testing/random-credential.ts';
import type { Credential } from '../types.ts';

// The CI sample; `npm run bench -- --only differential` runs 10,000.
const CASES = Number(process.env.DIFF_CASES ?? 1000);

describe('fast eddsa-rdfc-2022 against the reference stack', () => {
  it(`gives byte-identical canonical N-Quads and proofs, verified by vc.verifyCredential, on ${CASES} random credentials`, async () => {
    const key = await issuerKey(9);
    const check = await createDifferentialChecker(key);
    const paths = { compiled: 0, reference: 0 };
    await fc.assert(
      fc.asyncProperty(arbitraryCredential(key.controller), async (credential) => {
        const outcome = await check(credential, new Date('2026-05-01T12:00:00Z'));
        if (outcome.path) paths[outcome.path]++;
        expect(outcome.problem).toBeUndefined();
      }),
      { numRuns: CASES },
    );
    // The sample must exercise the compiled path, not only the fallback.
    expect(paths.compiled).toBeGreaterThan(CASES * 0.9);
  }, 180_000);

  it('signs eddsa-jcs-2022 byte for byte as the reference stack does, on 300 random credentials', async () => {
    const key = await issuerKey(10);
    const check = await createJcsDifferentialChecker(key);
    await fc.assert(
      fc.asyncProperty(arbitraryCredential(key.controller), async (credential) => {
        expect((await check(credential, new Date('2026-05-01T12:00:00Z'))).problem).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('adds to an existing proof set without touching the input', async () => {
    const key = await issuerKey(12);
    const check = await createDifferentialChecker(key);
    const [credential] = fc.sample(arbitraryCredential(key.controller), { numRuns: 1, seed: 42 });
    const once = await signCredential(credential as Credential, {
      key,
      now: new Date('2026-01-01T00:00:00Z'),
    });
    const before = JSON.stringify(once);
    expect((await check(once, new Date('2026-01-02T00:00:00Z'))).problem).toBeUndefined();
    const twice = await signCredential(once, { key, format: 'eddsa-jcs-2022' });
    expect(JSON.stringify(once)).toBe(before);
    expect(twice.proof).toHaveLength(2);
  });
});
