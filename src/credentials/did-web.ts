/**
 * did:web resolution (DID-WEB §3.2 "Read (Resolve)") over an SSRF-safe fetch, with
 * a small in-memory TTL cache.
 */
import { ResolutionError } from './errors.ts';
import type { SafeFetch } from './ssrf-safe-fetch.ts';
import type { ControllerDocument, DidResolver } from './types.ts';

/**
 * The https URL of a did:web document: `did:web:example.com` →
 * `https://example.com/.well-known/did.json`; `did:web:example.com:issuers:acme` →
 * `https://example.com/issuers/acme/did.json`; `did:web:example.com%3A8443` keeps the port.
 */
export function didWebToUrl(did: string): string {
  const match = /^did:web:([^#?/]+)$/.exec(did);
  if (!match?.[1]) throw new ResolutionError(`"${did}" is not a valid did:web DID.`);
  const [host, ...path] = match[1].split(':');
  const hostname = decodeURIComponent(host ?? '');
  if (!hostname || /[/@\\]/.test(hostname))
    throw new ResolutionError(`"${did}" has an invalid host.`);
  const segments = path.map((segment) => {
    const decoded = decodeURIComponent(segment);
    if (!decoded || decoded === '.' || decoded === '..' || decoded.includes('/')) {
      throw new ResolutionError(`"${did}" has an invalid path segment.`);
    }
    return encodeURIComponent(decoded);
  });
  const url = new URL(`https://${hostname}`);
  url.pathname = segments.length ? `/${segments.join('/')}/did.json` : '/.well-known/did.json';
  return url.href;
}

/** Fetches and checks a did:web document (no cache). */
export async function resolveDidWeb(
  did: string,
  safeFetch: SafeFetch,
): Promise<ControllerDocument> {
  const url = didWebToUrl(did);
  const response = await safeFetch(url, { accept: 'application/did+json, application/json' });
  let document: unknown;
  try {
    document = response.json();
  } catch {
    throw new ResolutionError(`${url} is not JSON.`);
  }
  // DID-WEB §3.2: the document's id must be the DID that was resolved.
  if (
    typeof document !== 'object' ||
    document === null ||
    (document as ControllerDocument).id !== did
  ) {
    throw new ResolutionError(`${url} does not contain the DID document of ${did}.`);
  }
  return document as ControllerDocument;
}

/** Options of {@link createDidWebResolver}. */
export interface DidWebResolverOptions {
  safeFetch: SafeFetch;
  /** Cache lifetime in ms (default 5 minutes); 0 disables caching. */
  ttlMs?: number;
  /** Most cached documents (default 500; the oldest is evicted). */
  maxEntries?: number;
  now?: () => number;
}

/** A did:web resolver with an in-memory TTL cache (failures are not cached). */
export function createDidWebResolver(options: DidWebResolverOptions): DidResolver {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const maxEntries = options.maxEntries ?? 500;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { expires: number; document: Promise<ControllerDocument> }>();
  return async function resolve(did: string): Promise<ControllerDocument> {
    if (!did.startsWith('did:web:')) throw new ResolutionError(`${did} is not a did:web DID.`);
    const hit = cache.get(did);
    if (hit && hit.expires > now()) return hit.document;
    const document = resolveDidWeb(did, options.safeFetch);
    if (ttlMs > 0) {
      cache.delete(did);
      cache.set(did, { expires: now() + ttlMs, document });
      if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
      document.catch(() => {
        if (cache.get(did)?.document === document) cache.delete(did);
      });
    }
    return document;
  };
}
