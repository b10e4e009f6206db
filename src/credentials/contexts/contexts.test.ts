import { describe, expect, it } from 'vitest';
import { isObject } from '../json-helpers.ts';
import { readStandardJson, SHARED_DATA_EXISTS, SKIP_MESSAGE } from '../testing/shared-data.ts';
import type { JsonObject } from '../types.ts';
import {
  BUNDLED_CONTEXTS,
  CONTEXT_URLS,
  MICRO_CREDENTIAL_CONTEXT,
  MICRO_CREDENTIAL_TERMS,
  PACKAGED_CONTEXTS,
  VENDORED_CONTEXTS,
} from './index.ts';

/** Every term a context defines, including those of its type- and property-scoped contexts. */
function termsOf(context: JsonObject, into = new Set<string>()): Set<string> {
  for (const [term, definition] of Object.entries(context)) {
    if (term.startsWith('@')) continue;
    into.add(term);
    if (isObject(definition) && isObject(definition['@context']))
      termsOf(definition['@context'], into);
  }
  return into;
}

describe('bundled contexts', () => {
  it('bundles every context the engine signs or verifies with', () => {
    for (const url of Object.values(CONTEXT_URLS))
      expect(BUNDLED_CONTEXTS.has(url), url).toBe(true);
  });

  it('every vendored or packaged document is a JSON-LD context', () => {
    for (const [url, document] of [...VENDORED_CONTEXTS, ...PACKAGED_CONTEXTS])
      expect(document['@context'], url).toBeTypeOf('object');
  });
});

describe('the micro-credential context', () => {
  const context = MICRO_CREDENTIAL_CONTEXT['@context'] as JsonObject;

  it('is a protected JSON-LD 1.1 context', () => {
    expect(context['@protected']).toBe(true);
    expect(context['@version']).toBe(1.1);
  });

  it('defines every term in the Skillmark micro-credential vocabulary', () => {
    for (const term of MICRO_CREDENTIAL_TERMS)
      expect((context[term] as JsonObject)['@id']).toBe(
        `https://w3id.org/skillmark/micro-credential#${term}`,
      );
  });

  it('redefines no term of VC 2.0 or OB 3.0 (a protected term cannot be overridden)', () => {
    const taken = new Set<string>();
    for (const url of [
      CONTEXT_URLS.credentialsV2,
      CONTEXT_URLS.obV3p0,
      CONTEXT_URLS.obV3p0Extensions,
    ])
      termsOf(BUNDLED_CONTEXTS.get(url)?.['@context'] as JsonObject, taken);
    expect(taken.has('creditsAvailable')).toBe(true);
    expect([...MICRO_CREDENTIAL_TERMS].filter((term) => taken.has(term))).toEqual([]);
  });
});

describe.skipIf(!SHARED_DATA_EXISTS)(
  `bundled contexts match ../shared/data (${SKIP_MESSAGE})`,
  () => {
    it.each([
      [CONTEXT_URLS.credentialsV2, 'contexts/credentials-v2.jsonld'],
      [CONTEXT_URLS.dataIntegrityV1, 'contexts/data-integrity-v1.jsonld'],
      [CONTEXT_URLS.didV1, 'contexts/did-v1.jsonld'],
      [CONTEXT_URLS.obV3p0, 'contexts/ob-v3p0-3.0.3.json'],
      [CONTEXT_URLS.obV3p0Extensions, 'contexts/ob-v3p0-extensions.json'],
      [CONTEXT_URLS.clrV2p0, 'contexts/clr-v2p0-2.0.1.json'],
    ])('%s has not drifted from the published copy', (url, file) => {
      expect(BUNDLED_CONTEXTS.get(url)).toEqual(readStandardJson(file));
    });
  },
);
