import {
  createDidWebResolver,
  createDocumentLoader,
  createSafeFetch,
  createVerificationMethodResolver,
  type SafeFetch,
  type VerificationResult,
  verifyCredential,
} from '../../credentials/index.ts';
import type { ControllerDocument, DidResolver } from '../../credentials/types.ts';
import type { ServiceContext } from '../context.ts';
import { organizationOfIssuerId } from '../issuers/issuer-directory.ts';
import { didWebDocumentOf, didWebOf } from '../issuers/issuer-keys.ts';
import { publishStatusList } from './status-lists.ts';

export type VerifierOptions = {
  /** Replaces the network for tests; production uses the SSRF-safe fetch over the real network. */
  safeFetch?: SafeFetch;
};

/**
 * The one verifier behind the API, the pages and the CLI. Our own issuers' DID documents and
 * status lists are read from the database (no request to ourselves); anything else goes through
 * the SSRF-safe fetch, which refuses private, loopback and link-local addresses.
 */
export function createVerifier(ctx: ServiceContext, options: VerifierOptions = {}) {
  const safeFetch = options.safeFetch ?? createSafeFetch({ timeoutMs: 5000, maxBytes: 2_000_000 });
  const remoteDidWeb = createDidWebResolver({ safeFetch });
  const ourDidWeb = didWebOf(ctx.publicUrl, null);

  const resolveDid: DidResolver = async (did) => {
    if (ourDidWeb && (did === ourDidWeb || did.startsWith(`${ourDidWeb}:issuers:`))) {
      const slug = did === ourDidWeb ? null : did.slice(`${ourDidWeb}:issuers:`.length);
      const organization = slug ? await organizationOfIssuerId(ctx, did) : undefined;
      const document = await didWebDocumentOf(
        ctx,
        slug && organization ? { organizationId: organization.id, slug } : null,
      );
      if (document && (slug === null || organization)) return document as ControllerDocument;
    }
    return remoteDidWeb(did);
  };
  const fetchJson = async (url: string) =>
    JSON.parse(
      new TextDecoder().decode((await safeFetch(url, { accept: 'application/json' })).body),
    );
  const statusPrefix = `${ctx.publicUrl}/status-lists/`;

  return function verify(input: unknown): Promise<VerificationResult> {
    return verifyCredential(input, {
      documentLoader: createDocumentLoader({ resolveDid }),
      resolveVerificationMethod: createVerificationMethodResolver({
        resolveDid,
        fetchControllerDocument: fetchJson,
      }),
      fetchStatusList: async (url) =>
        url.startsWith(statusPrefix)
          ? (await publishStatusList(ctx, url.slice(statusPrefix.length))).credential
          : fetchJson(url),
      now: ctx.now,
      issuerTrust: async (issuerId) =>
        (await organizationOfIssuerId(ctx, issuerId)) ? 'known' : 'unknown',
    });
  };
}
