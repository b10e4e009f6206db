/**
 * The single source of the JSON-LD contexts Skillmark signs and verifies with.
 * W3C and W3C-CCG contexts come from installed npm packages (Digital Bazaar's, the
 * ones their suites are tested with); the 1EdTech contexts are vendored copies of the
 * published documents and the micro-credential context is our own (see SOURCES.md).
 * Pinning them matters: an RDFC-signed credential only verifies against the exact
 * context that was used to sign it (VC-DI-EDDSA §3.3, RDF canonicalization).
 */
import { contexts as w3cCredentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as didContexts } from 'did-context';
import { contexts as ed25519Signature2020Contexts } from 'ed25519-signature-2020-context';
import type { JsonObject } from '../types.ts';
import clrV2p0 from './clr-v2p0-2.0.1.json' with { type: 'json' };
import microCredentialV1 from './micro-credential-v1.json' with { type: 'json' };
import obV3p0 from './ob-v3p0-3.0.3.json' with { type: 'json' };
import obV3p0Extensions from './ob-v3p0-extensions.json' with { type: 'json' };

/**
 * Our context for the EU standard elements of a micro-credential (Council
 * Recommendation 2022/C 243/02, Annex I). Served by the platform at
 * `/contexts/micro-credential/v1`; the w3id.org redirect points there (SOURCES.md).
 */
export const MICRO_CREDENTIAL_CONTEXT_URL = 'https://w3id.org/skillmark/micro-credential/v1';

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
  microCredentialV1: MICRO_CREDENTIAL_CONTEXT_URL,
} as const;

/** Takes one document from a package's `contexts` map; fails at import if it is missing. */
function fromPackage(name: string, contexts: ReadonlyMap<string, unknown>, url: string) {
  const document = contexts.get(url);
  if (!document) throw new Error(`npm package ${name} lacks the context ${url}`);
  return [url, document as JsonObject] as [string, JsonObject];
}

/** Contexts taken from npm packages, keyed by URL. */
export const PACKAGED_CONTEXTS: ReadonlyMap<string, JsonObject> = new Map<string, JsonObject>([
  fromPackage(
    '@digitalbazaar/credentials-context',
    w3cCredentialsContexts,
    CONTEXT_URLS.credentialsV1,
  ),
  fromPackage(
    '@digitalbazaar/credentials-context',
    w3cCredentialsContexts,
    CONTEXT_URLS.credentialsV2,
  ),
  fromPackage(
    '@digitalbazaar/credentials-context',
    w3cCredentialsContexts,
    CONTEXT_URLS.credentialsUndefinedTermsV2,
  ),
  fromPackage(
    '@digitalbazaar/data-integrity-context',
    dataIntegrityContexts,
    CONTEXT_URLS.dataIntegrityV1,
  ),
  fromPackage(
    '@digitalbazaar/data-integrity-context',
    dataIntegrityContexts,
    CONTEXT_URLS.dataIntegrityV2,
  ),
  fromPackage('@digitalbazaar/multikey-context', multikeyContexts, CONTEXT_URLS.multikeyV1),
  fromPackage('did-context', didContexts, CONTEXT_URLS.didV1),
  fromPackage(
    'ed25519-signature-2020-context',
    ed25519Signature2020Contexts,
    CONTEXT_URLS.ed25519Signature2020V1,
  ),
]);

/** Vendored 1EdTech documents, keyed by URL (the drift test compares these to ../shared/data). */
export const VENDORED_CONTEXTS: ReadonlyMap<string, JsonObject> = new Map<string, JsonObject>([
  [CONTEXT_URLS.obV3p0, obV3p0],
  [CONTEXT_URLS.obV3p0Extensions, obV3p0Extensions],
  [CONTEXT_URLS.clrV2p0, clrV2p0],
]);

/** Our own context document (read-only); the platform serves it as-is. */
export const MICRO_CREDENTIAL_CONTEXT: JsonObject = microCredentialV1;

/** The terms our micro-credential context defines (what the builder looks for). */
export const MICRO_CREDENTIAL_TERMS: ReadonlySet<string> = new Set(
  Object.keys(MICRO_CREDENTIAL_CONTEXT['@context'] as JsonObject).filter((k) => !k.startsWith('@')),
);

/** Every bundled context document, keyed by its URL. Treat as read-only. */
export const BUNDLED_CONTEXTS: ReadonlyMap<string, JsonObject> = new Map<string, JsonObject>([
  ...PACKAGED_CONTEXTS,
  ...VENDORED_CONTEXTS,
  [MICRO_CREDENTIAL_CONTEXT_URL, MICRO_CREDENTIAL_CONTEXT],
]);
