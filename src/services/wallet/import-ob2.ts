/**
 * The wallet's verifier for Open Badges 2.0 assertions: the engine's OB 2.0 verification, with
 * every issuer URL fetched through the SSRF-safe fetch and the platform's issuer directory for
 * trust. Plug it into `WalletVerifiers.ob2` so re-verification works for imported OB 2.0 badges.
 */
import {
  createSafeFetch,
  type SafeFetch,
  type VerificationResult,
  verifyOb2Assertion,
} from '../../credentials/index.ts';
import type { ServiceContext } from '../context.ts';
import { trustRegistryLookup } from '../trust-registry/lookup.ts';

/** Largest document fetched while verifying or importing (assertions, keys, images). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The SSRF-safe fetch used for imports: https only, public addresses, 10 s, 5 MiB, 3 redirects. */
export function createImportFetch(): SafeFetch {
  return createSafeFetch({ maxBytes: MAX_IMPORT_BYTES, timeoutMs: 10_000, maxRedirects: 3 });
}

/** Verifies an OB 2.0 assertion (JSON or JWS); never throws on bad input. */
export function createOb2Verifier(
  ctx: ServiceContext,
  options: { safeFetch?: SafeFetch } = {},
): (input: unknown) => Promise<VerificationResult> {
  const safeFetch = options.safeFetch ?? createImportFetch();
  return (input) =>
    verifyOb2Assertion(input, {
      fetchJson: async (url) =>
        (await safeFetch(url, { accept: 'application/ld+json, application/json' })).json(),
      now: ctx.now,
      issuerTrust: trustRegistryLookup(ctx),
    });
}
