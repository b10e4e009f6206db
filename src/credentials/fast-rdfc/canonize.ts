/**
 * RDFC-1.0 canonical N-Quads of a JSON-LD document, through a compiled template when the
 * document has a known shape and uses only the bundled contexts, otherwise through the
 * reference path (jsonld.js toRDF, as the eddsa-rdfc-2022 suite does). Both feed the same
 * rdf-canonize implementation, so the output is the same text either way.
 */
import { cryptosuite as referenceSuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { canonize as rdfCanonize } from 'rdf-canonize';
import { BoundedCache } from '../bounded-cache.ts';
import { BUNDLED_CONTEXTS, CONTEXT_URLS } from '../contexts/index.ts';
import { defaultDocumentLoader } from '../document-loader.ts';
import type { DocumentLoader, JsonObject } from '../types.ts';
import { type DocumentShape, shapeOf } from './shape.ts';
import { compileTemplate, fillTemplate, type RdfTemplate } from './template.ts';

/** Contexts the compiled path accepts; any other `@context` entry takes the reference path. */
const COMPILED_CONTEXTS: ReadonlySet<string> = new Set([
  CONTEXT_URLS.credentialsV2,
  CONTEXT_URLS.obV3p0,
  CONTEXT_URLS.obV3p0Extensions,
  CONTEXT_URLS.clrV2p0,
  CONTEXT_URLS.microCredentialV1,
  CONTEXT_URLS.dataIntegrityV2,
]);

/** Which path produced a canonical form. */
export type CanonicalizationPath = 'compiled' | 'reference';

const REFERENCE = 'reference' as const;
// Slots each structure needs verbatim, learnt while compiling; then templates per shape.
const exactSlots = new BoundedCache<string, Set<number>>(1024);
const templates = new BoundedCache<string, RdfTemplate | typeof REFERENCE>(2048);
// Loaders already seen serving the bundled context documents themselves.
const trustedLoaders = new WeakMap<DocumentLoader, Set<string>>();
// Compiling again after learning exact slots converges quickly; this only bounds it.
const MAX_COMPILE_ROUNDS = 4;

async function usesCompiledContexts(
  document: JsonObject,
  documentLoader: DocumentLoader,
): Promise<boolean> {
  const context = document['@context'];
  const urls = typeof context === 'string' ? [context] : context;
  if (!Array.isArray(urls) || urls.length === 0) return false;
  let trusted = trustedLoaders.get(documentLoader);
  for (const url of urls) {
    if (typeof url !== 'string' || !COMPILED_CONTEXTS.has(url)) return false;
    if (trusted?.has(url)) continue;
    // A caller's loader may serve its own document under a bundled URL; then the
    // templates (compiled against the bundled documents) do not apply.
    const served = await documentLoader(url).catch(() => undefined);
    if (served?.document !== BUNDLED_CONTEXTS.get(url)) return false;
    if (!trusted) {
      trusted = new Set();
      trustedLoaders.set(documentLoader, trusted);
    }
    trusted.add(url);
  }
  return true;
}

function keyOf(shape: DocumentShape, exact: ReadonlySet<number>): string {
  if (exact.size === 0) return shape.structure;
  const values = [...exact].sort((a, b) => a - b).map((slot) => [slot, shape.slots[slot]]);
  return `${shape.structure}\u0000${JSON.stringify(values)}`;
}

async function templateFor(document: JsonObject, shape: DocumentShape) {
  let exact = exactSlots.get(shape.structure) ?? new Set<number>();
  for (let round = 0; round < MAX_COMPILE_ROUNDS; round++) {
    const key = keyOf(shape, exact);
    const cached = templates.get(key);
    if (cached) return cached;
    const result = await compileTemplate(document, shape, exact, defaultDocumentLoader());
    if (result.kind === 'exact') {
      exact = new Set([...exact, ...result.slots]);
      exactSlots.set(shape.structure, exact);
      continue;
    }
    const compiled = result.kind === 'template' ? result.template : REFERENCE;
    templates.set(key, compiled);
    return compiled;
  }
  return REFERENCE;
}

/**
 * Canonical N-Quads of `document` and the path that produced them. `options` are those
 * the Data Integrity suite passes to a cryptosuite's canonize.
 */
export async function canonicalize(
  document: JsonObject,
  options: { documentLoader: DocumentLoader } & Record<string, unknown>,
): Promise<{ nquads: string; path: CanonicalizationPath }> {
  if (await usesCompiledContexts(document, options.documentLoader)) {
    const shape = shapeOf(document);
    const template = shape ? await templateFor(document, shape) : REFERENCE;
    if (shape && template !== REFERENCE) {
      const dataset = fillTemplate(template, shape.slots);
      const nquads = await rdfCanonize(dataset, {
        algorithm: 'RDFC-1.0',
        format: 'application/n-quads',
      });
      return { nquads, path: 'compiled' };
    }
  }
  return { nquads: await referenceSuite.canonize(document, options), path: 'reference' };
}
