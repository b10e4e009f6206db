import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDifferentialChecker } from '../testing/differential.ts';
import { issuerKey } from '../testing/fixtures.ts';
import { arbitraryCredential } from '../testing/random-credential.ts';

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
});
