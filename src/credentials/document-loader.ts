/**
 * Offline JSON-LD document loader. Serves the bundled contexts, caller-supplied
 * documents and DID documents; anything else is refused with UnknownDocumentError.
 * It never makes a network call: remote contexts are an injection risk and a
 * signature only verifies against the exact context it was made with.
 */
import { BUNDLED_CONTEXTS } from './contexts/index.ts';
import { resolveDidKey } from './did-key.ts';
import { UnknownDocumentError } from './errors.ts';
import type { DidResolver, DocumentLoader, JsonObject, RemoteDocument } from './types.ts';

/** Options of {@link createDocumentLoader}. */
export interface DocumentLoaderOptions {
  /** Extra documents by URL (e.g. a test-only examples context); they win over bundled ones. */
  documents?: Iterable<[string, JsonObject]> | Record<string, JsonObject>;
  /** Resolver for non-did:key DIDs (did:web). did:key is always resolved locally. */
  resolveDid?: DidResolver;
}

function toMap(documents: DocumentLoaderOptions['documents']): Map<string, JsonObject> {
  if (!documents) return new Map();
  if (Symbol.iterator in documents) return new Map(documents as Iterable<[string, JsonObject]>);
  return new Map(Object.entries(documents));
}

function remote(url: string, document: JsonObject): RemoteDocument {
  return { contextUrl: null, documentUrl: url, document };
}

/** Finds `didUrl` (with fragment) among the verification methods of a DID document. */
function dereferenceFragment(didDocument: JsonObject, didUrl: string): JsonObject | undefined {
  const methods = didDocument.verificationMethod;
  if (!Array.isArray(methods)) return undefined;
  const fragment = didUrl.slice(didUrl.indexOf('#'));
  const method = methods.find(
    (m) =>
      typeof m === 'object' &&
      m !== null &&
      !Array.isArray(m) &&
      (m.id === didUrl || m.id === fragment),
  );
  if (!method || typeof method !== 'object' || Array.isArray(method)) return undefined;
  return { '@context': didDocument['@context'] ?? null, ...method, id: didUrl };
}

/**
 * Creates a document loader for jsonld.js and the Data Integrity suites. Bundled
 * contexts are parsed once at import and served from memory; jsonld.js then caches
 * the processed contexts, so reusing one loader across calls is cheap.
 */
export function createDocumentLoader(options: DocumentLoaderOptions = {}): DocumentLoader {
  const documents = toMap(options.documents);
  const { resolveDid } = options;
  return async function documentLoader(url: string): Promise<RemoteDocument> {
    const known = documents.get(url) ?? BUNDLED_CONTEXTS.get(url);
    if (known) return remote(url, known);
    if (url.startsWith('did:')) {
      const did = url.split('#')[0] ?? url;
      const didDocument = did.startsWith('did:key:')
        ? resolveDidKey(did)
        : resolveDid
          ? await resolveDid(did)
          : undefined;
      if (!didDocument) throw new UnknownDocumentError(url);
      if (!url.includes('#')) return remote(url, didDocument);
      const method = dereferenceFragment(didDocument, url);
      if (!method) throw new UnknownDocumentError(url);
      return remote(url, method);
    }
    throw new UnknownDocumentError(url);
  };
}

let defaultLoader: DocumentLoader | undefined;

/** A shared loader with only the bundled contexts and did:key; created on first use. */
export function defaultDocumentLoader(): DocumentLoader {
  defaultLoader ??= createDocumentLoader();
  return defaultLoader;
}
