/**
 * A private HTTP cache (RFC 9111) in front of a {@link SafeFetch}, for what verifiers fetch
 * again and again: issuer DID documents, controller documents and status lists. Fresh
 * entries are served without a request; stale ones are revalidated with If-None-Match /
 * If-Modified-Since, and a 304 keeps the stored body. Bounded (least recently used goes
 * first), with the clock injected. Concurrent requests for one URL share one fetch.
 */
import { BoundedCache } from './bounded-cache.ts';
import type { SafeFetch, SafeFetchInit, SafeResponse } from './ssrf-safe-fetch.ts';

/** Options of {@link createHttpCache}. */
export interface HttpCacheOptions {
  /** Most stored responses (default 1000). */
  maxEntries?: number;
  /** Freshness when the response has no Cache-Control max-age (default 60 s; 0: revalidate). */
  defaultTtlMs?: number;
  /** Upper bound on any freshness lifetime (default 1 hour), so revocations propagate. */
  maxTtlMs?: number;
  /** Milliseconds since the epoch; inject for tests. */
  now?: () => number;
}

interface Entry {
  response: SafeResponse;
  freshUntil: number;
  etag?: string;
  lastModified?: string;
}

/** Directives of a Cache-Control header that matter to a private cache. */
function cacheControl(value: string | null | undefined) {
  const directives = new Map<string, string | undefined>();
  for (const part of (value ?? '').split(',')) {
    const [name, arg] = part.trim().split('=', 2);
    if (name) directives.set(name.toLowerCase(), arg?.replace(/^"|"$/g, ''));
  }
  const maxAge = Number(directives.get('max-age'));
  return {
    noStore: directives.has('no-store'),
    noCache: directives.has('no-cache'),
    maxAgeMs: Number.isFinite(maxAge) && maxAge >= 0 ? maxAge * 1000 : undefined,
  };
}

/** A {@link SafeFetch} with a cache, plus a way to see and clear what it holds. */
export interface CachingFetch extends SafeFetch {
  readonly size: number;
  clear(): void;
}

/** Wraps `safeFetch` in a bounded private HTTP cache. */
export function createHttpCache(
  safeFetch: SafeFetch,
  options: HttpCacheOptions = {},
): CachingFetch {
  const entries = new BoundedCache<string, Entry>(options.maxEntries ?? 1000);
  const inFlight = new Map<string, Promise<SafeResponse>>();
  const defaultTtlMs = options.defaultTtlMs ?? 60_000;
  const maxTtlMs = options.maxTtlMs ?? 60 * 60_000;
  const now = options.now ?? Date.now;

  const store = (key: string, response: SafeResponse, previous?: Entry): void => {
    const control = cacheControl(response.header?.('cache-control'));
    if (control.noStore) {
      entries.delete(key);
      return;
    }
    const ttl = control.noCache ? 0 : Math.min(control.maxAgeMs ?? defaultTtlMs, maxTtlMs);
    const etag = response.header?.('etag') ?? previous?.etag;
    const lastModified = response.header?.('last-modified') ?? previous?.lastModified;
    if (ttl === 0 && !etag && !lastModified) {
      entries.delete(key);
      return;
    }
    entries.set(key, {
      response: previous && response.status === 304 ? previous.response : response,
      freshUntil: now() + ttl,
      etag: etag ?? undefined,
      lastModified: lastModified ?? undefined,
    });
  };

  const load = async (url: string, init: SafeFetchInit, key: string): Promise<SafeResponse> => {
    const stale = entries.get(key);
    const response = await safeFetch(url, {
      ...init,
      ...(stale?.etag ? { ifNoneMatch: stale.etag } : {}),
      ...(stale?.lastModified ? { ifModifiedSince: stale.lastModified } : {}),
    });
    if (response.status === 304 && stale) {
      store(key, response, stale);
      return stale.response;
    }
    store(key, response);
    return response;
  };

  const cachingFetch = (async (url: string, init: SafeFetchInit = {}) => {
    const key = `${init.accept ?? ''} ${url}`;
    const entry = entries.get(key);
    if (entry && entry.freshUntil > now()) return entry.response;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = load(url, init, key).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  }) as CachingFetch;
  Object.defineProperty(cachingFetch, 'size', { get: () => entries.size });
  cachingFetch.clear = () => {
    for (const key of [...inFlight.keys()]) inFlight.delete(key);
    entries.clear();
  };
  return cachingFetch;
}
