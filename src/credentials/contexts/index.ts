/**
 * The single source of the JSON-LD contexts Skillmark signs and verifies with.
 * W3C credentials contexts come from the installed `@digitalbazaar/credentials-context`
 * package; the rest are vendored copies of the published documents (see SOURCES.md).
 * Pinning them matters: an RDFC-signed credential only verifies against the exact
 * context that was used to sign it (VC-DI-EDDSA §3.3, RDF canonicalization).
 */
import { contexts as w3cCredentialsContexts } from '@digitalbazaar/credentials-context';
import type { JsonObject } from '../types.ts';
import clrV2p0 from './clr-v2p0-2.0.1.json' with { type: 'json' };
import dataIntegrityV1 from './data-integrity-v1.json' with { type: 'json' };
import dataIntegrityV2 from './data-integrity-v2.json' with { type: 'json' };
import didV1 from './did-v1.json' with { type: 'json' };
import ed25519Signature2020V1 from './ed25519-signature-2020-v1.json' with { type: 'json' };
import multikeyV1 from './multikey-v1.json' with { type: 'json' };
import obV3p0 from './ob-v3p0-3.0.3.json' with { type: 'json' };
import obV3p0Extensions from './ob-v3p0-extensions.json' with { type: 'json' };

/** Context URLs as constants, so callers never mistype a URL that must match byte for byte. */
export const CONTEXT_URLS = {
  credentialsV1: 'https://www.w3.org/2018/credentials/v1',
  credentialsV2: 'https://www.w3.org/ns/credentials/v2',
  credentialsUndefinedTermsV2: 'https://www.w3.org/ns/credentials/undefined-terms/v2',
  dataIntegrityV1: 'https://w3id.org/security/data-integrity/v1',
  dataIntegrityV2: 'https://w3id.org/security/data-integrity/v2',
  multikeyV1: 'https://w3id.org/security/multikey/v1',
  didV1: 'https://www.w3.org/ns/did/v1',
  ed25519Signature2020V1: 'https://w3id.org/security/suites/ed25519-2020/v1',
  obV3p0: 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  obV3p0Extensions: 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
  clrV2p0: 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
} as const;

function w3c(url: string): JsonObject {
  const document = w3cCredentialsContexts.get(url);
  if (!document) throw new Error(`@digitalbazaar/credentials-context lacks ${url}`);
  return document as JsonObject;
}

/** Vendored documents, keyed by URL (the drift test compares these to ../shared/data). */
export const VENDORED_CONTEXTS: ReadonlyMap<string, JsonObject> = new Map<string, JsonObject>([
  [CONTEXT_URLS.dataIntegrityV1, dataIntegrityV1],
  [CONTEXT_URLS.dataIntegrityV2, dataIntegrityV2],
  [CONTEXT_URLS.multikeyV1, multikeyV1],
  [CONTEXT_URLS.didV1, didV1],
  [CONTEXT_URLS.ed25519Signature2020V1, ed25519Signature2020V1],
  [CONTEXT_URLS.obV3p0, obV3p0],
  [CONTEXT_URLS.obV3p0Extensions, obV3p0Extensions],
  [CONTEXT_URLS.clrV2p0, clrV2p0],
]);

/** Every bundled context document, keyed by its URL. Treat as read-only. */
export const BUNDLED_CONTEXTS: ReadonlyMap<string, JsonObject> = new Map<string, JsonObject>([
  [CONTEXT_URLS.credentialsV1, w3c(CONTEXT_URLS.credentialsV1)],
  [CONTEXT_URLS.credentialsV2, w3c(CONTEXT_URLS.credentialsV2)],
  [CONTEXT_URLS.credentialsUndefinedTermsV2, w3c(CONTEXT_URLS.credentialsUndefinedTermsV2)],
  ...VENDORED_CONTEXTS,
]);
