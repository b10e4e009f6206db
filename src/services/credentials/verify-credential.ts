import {
  createDidWebResolver,
  createDocumentLoader,
  createHttpCache,
  createSafeFetch,
  createVerificationMethodResolver,
  type HttpCacheOptions,
  type PresentationVerificationResult,
  type PresentationVerifyOptions,
  ResolutionError,
  type SafeFetch,
  type VerificationResult,
  type VerifyDeps,
  verifyCredential,
  verifyPresentation,
} from '../../credentials/index.ts';
import type { ControllerDocument, DidResolver } from '../../credentials/types.ts';
import type { ServiceContext } from '../context.ts';
import { organizationOfIssuerId } from '../issuers/issuer-directory.ts';
import { didWebDocumentOf, didWebOf } from '../issuers/issuer-keys.ts';
import { transparencyLookup } from '../transparency/proofs.ts';
import { trustRegistryLookup } from '../trust-registry/lookup.ts';
import { publishStatusList } from './status-lists.ts';

export type VerifierOptions = {
  /** Replaces the network for tests; production uses the SSRF-safe fetch over the real network. */
  safeFetch?: SafeFetch;
  /** Bounds and lifetimes of the HTTP cache of remote DID documents and status lists. */
  httpCache?: Omit<HttpCacheOptions, 'now'>;
};

/**
 * The one verifier behind the API, the pages and the CLI. Our own issuers' DID documents and
 * status lists are read from the database (no request to ourselves); anything else goes through
 * the SSRF-safe fetch, which refuses private, loopback and link-local addresses, behind one
 * bounded HTTP cache (max-age, ETag revalidation) shared by every verification, so checking
 * many credentials of one issuer fetches its DID document and status list once.
 */
export function createVerifier(ctx: ServiceContext, options: VerifierOptions = {}) {
  const safeFetch = createHttpCache(
    options.safeFetch ?? createSafeFetch({ timeoutMs: 5000, maxBytes: 2_000_000 }),
    { ...options.httpCache, now: () => ctx.now().getTime() },
  );
  // The HTTP cache decides freshness from the issuer's own headers; no second TTL on top.
  const remoteDidWeb = createDidWebResolver({ safeFetch, ttlMs: 0 });
  const ourDidWeb = didWebOf(ctx.publicUrl, null);

  const resolveDid: DidResolver = async (did) => {
    if (!ourDidWeb || (did !== ourDidWeb && !did.startsWith(`${ourDidWeb}:issuers:`)))
      return remoteDidWeb(did);
    // Ours: read from the database rather than asking ourselves over the network.
    if (did === ourDidWeb) return (await didWebDocumentOf(ctx, null)) as ControllerDocument;
    const organization = await organizationOfIssuerId(ctx, did);
    if (!organization) throw new ResolutionError(`${did} names no organization on this platform.`);
    return (await didWebDocumentOf(ctx, {
      organizationId: organization.id,
      slug: organization.slug,
    })) as ControllerDocument;
  };
  const fetchJson = async (url: string) =>
    JSON.parse(
      new TextDecoder().decode((await safeFetch(url, { accept: 'application/json' })).body),
    );
  const statusPrefix = `${ctx.publicUrl}/status-lists/`;

  // Built once: a loader per call would defeat jsonld.js's and the fast path's caches.
  const deps: VerifyDeps = {
    documentLoader: createDocumentLoader({ resolveDid }),
    resolveVerificationMethod: createVerificationMethodResolver({
      resolveDid,
      fetchControllerDocument: fetchJson,
    }),
    fetchStatusList: async (url) =>
      url.startsWith(statusPrefix)
        ? (await publishStatusList(ctx, url.slice(statusPrefix.length))).credential
        : fetchJson(url),
    now: () => ctx.now(),
    // Issue 8: the trust registry names the entry that vouches; our organizations without one are named, as a warning.
    issuerTrust: trustRegistryLookup(ctx),
    // Issue 10: our own credentials are checked against our issuance log; others are skipped.
    transparency: transparencyLookup(ctx),
  };
  return {
    verifyCredential: (input: unknown): Promise<VerificationResult> =>
      verifyCredential(input, deps),
    verifyPresentation: (
      input: unknown,
      options: PresentationVerifyOptions = {},
    ): Promise<PresentationVerificationResult> => verifyPresentation(input, deps, options),
  };
}
