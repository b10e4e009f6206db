import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTEXT_URLS } from './contexts/index.ts';
import { createDocumentLoader } from './document-loader.ts';
import { UnknownDocumentError } from './errors.ts';

describe('createDocumentLoader', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(Object.values(CONTEXT_URLS))('serves the bundled context %s from memory', async (url) => {
    const loaded = await createDocumentLoader()(url);
    expect(loaded).toMatchObject({ contextUrl: null, documentUrl: url });
    expect(loaded.document['@context']).toBeTypeOf('object');
  });

  it('serves caller-supplied documents', async () => {
    const loader = createDocumentLoader({
      documents: { 'https://example.org/ctx': { '@context': { a: 'https://a/' } } },
    });
    expect((await loader('https://example.org/ctx')).document).toEqual({
      '@context': { a: 'https://a/' },
    });
  });

  it('resolves did:key documents and verification methods locally', async () => {
    const mb = 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
    const loader = createDocumentLoader();
    expect((await loader(`did:key:${mb}`)).document).toMatchObject({
      id: `did:key:${mb}`,
      assertionMethod: [`did:key:${mb}#${mb}`],
    });
    expect((await loader(`did:key:${mb}#${mb}`)).document).toMatchObject({
      type: 'Multikey',
      publicKeyMultibase: mb,
      controller: `did:key:${mb}`,
    });
  });

  it('resolves other DIDs only through the injected resolver', async () => {
    const did = 'did:web:example.com';
    const resolveDid = vi.fn(async () => ({
      id: did,
      verificationMethod: [
        { id: `${did}#k1`, type: 'Multikey', controller: did, publicKeyMultibase: 'z6Mk' },
      ],
    }));
    const loader = createDocumentLoader({ resolveDid });
    expect((await loader(`${did}#k1`)).document).toMatchObject({
      id: `${did}#k1`,
      controller: did,
    });
    await expect(createDocumentLoader()(`${did}#k1`)).rejects.toBeInstanceOf(UnknownDocumentError);
  });

  it('refuses any other URL with UnknownDocumentError and never touches the network', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const loader = createDocumentLoader();
    for (const url of [
      'https://example.com/context.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
      'http://127.0.0.1/',
    ]) {
      await expect(loader(url)).rejects.toMatchObject({ code: 'unknown_document', url });
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
