import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDidDocument,
  buildStatusListCredential,
  buildStatusListEntry,
  createStatusList,
  generateEd25519KeyPair,
  type SafeFetch,
  type SafeFetchInit,
  signCredential,
} from '../../src/credentials/index.ts';
import { buildOpenBadgeCredential } from '../../src/credentials/testing/fixtures.ts';
import type { Credential } from '../../src/credentials/types.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

// A remote issuer on did:web with a remote status list, served by a fake network that
// counts requests and answers with Cache-Control max-age and an ETag.
const DID = 'did:web:issuer.example';
const DID_URL = 'https://issuer.example/.well-known/did.json';
const LIST_URL = 'https://issuer.example/status/1';
const MAX_AGE_S = 120;

let t: TestApp;
let time = new Date('2026-03-01T00:00:00Z').getTime();
const requests: Array<{ url: string; init: SafeFetchInit }> = [];
const credentials: Credential[] = [];

beforeAll(async () => {
  const key = await generateEd25519KeyPair({ id: `${DID}#key-1`, controller: DID });
  const didDocument = buildDidDocument(DID, [{ key }]);
  const statusList = await signCredential(
    buildStatusListCredential({
      id: LIST_URL,
      issuer: DID,
      statusPurpose: 'revocation',
      list: createStatusList(),
      validFrom: '2026-01-01T00:00:00Z',
    }),
    { key, now: '2026-01-01T00:00:00Z' },
  );
  const documents = new Map<string, unknown>([
    [DID_URL, didDocument],
    [LIST_URL, statusList],
  ]);
  const safeFetch: SafeFetch = async (url, init = {}) => {
    requests.push({ url, init });
    const document = documents.get(url);
    if (!document) throw new Error(`offline: ${url}`);
    const etag = `"${url.length}"`;
    const notModified = init.ifNoneMatch === etag;
    const text = notModified ? '' : JSON.stringify(document);
    const headers: Record<string, string> = { 'cache-control': `max-age=${MAX_AGE_S}`, etag };
    return {
      url,
      status: notModified ? 304 : 200,
      contentType: 'application/json',
      body: new TextEncoder().encode(text),
      text: () => text,
      json: () => JSON.parse(text),
      header: (name) => headers[name] ?? null,
    };
  };
  t = await createTestApp({ safeFetch, now: () => new Date(time) });
  for (const index of [3, 4, 5]) {
    const unsigned = buildOpenBadgeCredential(DID, {
      id: `urn:uuid:7c1f0a52-0000-4000-8000-00000000000${index}`,
      credentialStatus: buildStatusListEntry({
        statusListCredential: LIST_URL,
        statusListIndex: index,
        statusPurpose: 'revocation',
      }),
    });
    credentials.push(await signCredential(unsigned, { key, now: '2026-01-01T00:00:00Z' }));
  }
});
afterAll(() => t.close());

async function verify(credential: Credential) {
  const response = await t.request('POST', '/credentials/verify', {
    json: { verifiableCredential: credential },
  });
  expect(response.status, response.text).toBe(200);
  expect(response.json.verified, JSON.stringify(response.json.errors)).toBe(true);
  expect(response.json.checks).toEqual(expect.arrayContaining(['proof', 'status']));
}

describe('verifying many credentials of one remote issuer', () => {
  it('fetches the DID document and the status list once, then serves them from the cache', async () => {
    await verify(credentials[0] as Credential);
    const first = requests.length;
    expect(new Set(requests.map((r) => r.url))).toEqual(new Set([DID_URL, LIST_URL]));
    await verify(credentials[1] as Credential);
    await verify(credentials[2] as Credential);
    expect(requests).toHaveLength(first);
  });

  it('revalidates with If-None-Match once max-age has passed, and a 304 keeps the documents', async () => {
    const before = requests.length;
    time += (MAX_AGE_S + 1) * 1000;
    await verify(credentials[0] as Credential);
    const revalidations = requests.slice(before);
    expect(revalidations.length).toBeGreaterThan(0);
    for (const request of revalidations) expect(request.init.ifNoneMatch).toMatch(/^"\d+"$/);
    const after = requests.length;
    await verify(credentials[1] as Credential);
    expect(requests).toHaveLength(after);
  });
});
