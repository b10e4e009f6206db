import { describe, expect, it } from 'vitest';
import { readStandardJson, SHARED_DATA_EXISTS, SKIP_MESSAGE } from '../testing/shared-data.ts';
import { BUNDLED_CONTEXTS, CONTEXT_URLS, VENDORED_CONTEXTS } from './index.ts';

describe('bundled contexts', () => {
  it('bundles every context the engine signs or verifies with', () => {
    for (const url of Object.values(CONTEXT_URLS))
      expect(BUNDLED_CONTEXTS.has(url), url).toBe(true);
  });

  it('every vendored document is a JSON-LD context', () => {
    for (const [url, document] of VENDORED_CONTEXTS)
      expect(document['@context'], url).toBeTypeOf('object');
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
