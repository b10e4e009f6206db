import { describe, expect, it } from 'vitest';
import { createHttpCache } from './http-cache.ts';
import type { SafeFetch, SafeFetchInit, SafeResponse } from './ssrf-safe-fetch.ts';

type Served = { status?: number; body?: string; headers?: Record<string, string> };

/** A scripted origin that records every request it gets. */
function origin(answer: (url: string, init: SafeFetchInit) => Served) {
  const requests: Array<{ url: string; init: SafeFetchInit }> = [];
  const fetch: SafeFetch = async (url, init = {}) => {
    requests.push({ url, init });
    const { status = 200, body = '', headers = {} } = answer(url, init);
    const bytes = new TextEncoder().encode(body);
    const response: SafeResponse = {
      url,
      status,
      contentType: 'application/json',
      body: bytes,
      text: () => body,
      json: () => JSON.parse(body),
      header: (name) => headers[name] ?? null,
    };
    return response;
  };
  return { fetch, requests };
}

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('HTTP cache for verification', () => {
  it('serves a fresh response without a second request', async () => {
    const server = origin(() => ({ body: '{"v":1}', headers: { 'cache-control': 'max-age=300' } }));
    const time = clock();
    const cached = createHttpCache(server.fetch, { now: time.now });
    await cached('https://issuer.example/did.json');
    time.advance(299_000);
    const again = await cached('https://issuer.example/did.json');
    expect(again.json()).toEqual({ v: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('revalidates with If-None-Match after max-age and keeps the body on 304', async () => {
    const server = origin((_url, init) =>
      init.ifNoneMatch === '"v1"'
        ? { status: 304, headers: { 'cache-control': 'max-age=60', etag: '"v1"' } }
        : { body: '{"v":1}', headers: { 'cache-control': 'max-age=60', etag: '"v1"' } },
    );
    const time = clock();
    const cached = createHttpCache(server.fetch, { now: time.now });
    await cached('https://issuer.example/status/1');
    time.advance(61_000);
    const revalidated = await cached('https://issuer.example/status/1');
    expect(revalidated.status).toBe(200);
    expect(revalidated.json()).toEqual({ v: 1 });
    expect(server.requests.map((r) => r.init.ifNoneMatch)).toEqual([undefined, '"v1"']);
    // The 304 renewed freshness: no request within the next max-age.
    time.advance(30_000);
    await cached('https://issuer.example/status/1');
    expect(server.requests).toHaveLength(2);
  });

  it('replaces the stored body when revalidation returns a new version', async () => {
    let version = 1;
    const server = origin((_url, init) =>
      init.ifNoneMatch === `"v${version}"`
        ? { status: 304, headers: { etag: `"v${version}"`, 'cache-control': 'max-age=10' } }
        : {
            body: `{"v":${version}}`,
            headers: { etag: `"v${version}"`, 'cache-control': 'max-age=10' },
          },
    );
    const time = clock();
    const cached = createHttpCache(server.fetch, { now: time.now });
    await cached('https://issuer.example/status/1');
    version = 2;
    time.advance(11_000);
    expect((await cached('https://issuer.example/status/1')).json()).toEqual({ v: 2 });
  });

  it('uses If-Modified-Since when there is only Last-Modified', async () => {
    const modified = 'Wed, 21 Oct 2026 07:28:00 GMT';
    const server = origin((_url, init) =>
      init.ifModifiedSince === modified
        ? { status: 304 }
        : { body: '{}', headers: { 'last-modified': modified, 'cache-control': 'no-cache' } },
    );
    const cached = createHttpCache(server.fetch, { now: clock().now });
    await cached('https://issuer.example/a');
    await cached('https://issuer.example/a');
    expect(server.requests.map((r) => r.init.ifModifiedSince)).toEqual([undefined, modified]);
  });

  it('never stores a no-store response', async () => {
    const server = origin(() => ({ body: '{}', headers: { 'cache-control': 'no-store' } }));
    const cached = createHttpCache(server.fetch, { now: clock().now });
    await cached('https://issuer.example/a');
    await cached('https://issuer.example/a');
    expect(server.requests).toHaveLength(2);
    expect(cached.size).toBe(0);
  });

  it('caps freshness at maxTtlMs and applies defaultTtlMs without Cache-Control', async () => {
    const server = origin((url) =>
      url.endsWith('/long')
        ? { body: '{}', headers: { 'cache-control': 'max-age=86400' } }
        : { body: '{}' },
    );
    const time = clock();
    const cached = createHttpCache(server.fetch, {
      now: time.now,
      defaultTtlMs: 5_000,
      maxTtlMs: 60_000,
    });
    await cached('https://issuer.example/long');
    await cached('https://issuer.example/plain');
    time.advance(6_000);
    await cached('https://issuer.example/plain');
    await cached('https://issuer.example/long');
    time.advance(60_000);
    await cached('https://issuer.example/long');
    expect(server.requests.map((r) => r.url.split('/').pop())).toEqual([
      'long',
      'plain',
      'plain',
      'long',
    ]);
  });

  it('holds at most maxEntries, evicting the least recently used', async () => {
    const server = origin(() => ({ body: '{}', headers: { 'cache-control': 'max-age=600' } }));
    const cached = createHttpCache(server.fetch, { now: clock().now, maxEntries: 2 });
    await cached('https://a.example/1');
    await cached('https://a.example/2');
    await cached('https://a.example/1');
    await cached('https://a.example/3');
    expect(cached.size).toBe(2);
    await cached('https://a.example/1');
    await cached('https://a.example/2');
    expect(server.requests.map((r) => r.url)).toEqual([
      'https://a.example/1',
      'https://a.example/2',
      'https://a.example/3',
      'https://a.example/2',
    ]);
  });

  it('shares one request among concurrent callers and does not keep failures', async () => {
    let fail = true;
    const server = origin(() => {
      if (fail) throw new Error('offline');
      return { body: '{}', headers: { 'cache-control': 'max-age=600' } };
    });
    const cached = createHttpCache(server.fetch, { now: clock().now });
    const results = await Promise.allSettled([
      cached('https://a.example/x'),
      cached('https://a.example/x'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(server.requests).toHaveLength(1);
    fail = false;
    await Promise.all([cached('https://a.example/x'), cached('https://a.example/x')]);
    expect(server.requests).toHaveLength(2);
  });
});
