/**
 * An SSRF-resistant fetch for issuer-controlled URLs (did:web documents, status
 * lists, issuer profiles). Every URL, including each redirect target, is checked
 * before any request: https only, host resolved first, and every resolved address
 * must be public. Body size and total time are capped.
 *
 * Known limit: the check resolves the name, then `fetchImpl` resolves it again to
 * connect, so a DNS-rebinding attacker with a very short TTL could still switch
 * addresses in between. Pin the connection with a dispatcher whose `connect.lookup`
 * re-applies `isPublicAddress` if that threat matters for a deployment.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { FetchFailedError, UnsafeUrlError } from './errors.ts';
import { isPublicAddress } from './ip-address.ts';

/** Resolves a host name to all its addresses (shape of `dns.promises.lookup(host, {all: true})`). */
export type LookupFunction = (
  hostname: string,
) => Promise<Array<{ address: string; family: number }>>;

/** Options of {@link createSafeFetch}. */
export interface SafeFetchOptions {
  /** DNS lookup; inject a fake in tests so they need no network. */
  lookup?: LookupFunction;
  /** The underlying fetch; defaults to the global one. */
  fetchImpl?: typeof fetch;
  /** Largest accepted body in bytes (default 1 MiB). */
  maxBytes?: number;
  /** Time limit for the whole exchange including redirects (default 5 s). */
  timeoutMs?: number;
  /** Redirects followed, each re-checked (default 3). */
  maxRedirects?: number;
  /** Allow plain http: only for tests against a local fake. */
  allowHttp?: boolean;
}

/** A fully read response. */
export interface SafeResponse {
  url: string;
  status: number;
  contentType: string | null;
  body: Uint8Array;
  text(): string;
  json(): unknown;
  /** A response header (lower-case name), for HTTP caching; absent on injected fakes. */
  header?(name: string): string | null;
}

/** Request options of a {@link SafeFetch}. */
export interface SafeFetchInit {
  accept?: string;
  /** Validators for a conditional request (RFC 9110 §13.1); a 304 is then a valid answer. */
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

/** A fetch that only reaches public https hosts. */
export type SafeFetch = (url: string, init?: SafeFetchInit) => Promise<SafeResponse>;

const defaultLookup: LookupFunction = (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true });

/**
 * Throws UnsafeUrlError unless `url` is https (or allowed http) and every address
 * of its host is public. Returns the parsed URL.
 */
export async function assertSafeUrl(
  url: string | URL,
  options: { lookup?: LookupFunction; allowHttp?: boolean } = {},
): Promise<URL> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UnsafeUrlError(String(url), 'it is not a valid URL');
  }
  const text = parsed.href;
  if (parsed.protocol !== 'https:' && !(options.allowHttp && parsed.protocol === 'http:')) {
    throw new UnsafeUrlError(text, `the ${parsed.protocol} scheme is not allowed (https only)`);
  }
  if (parsed.username || parsed.password) {
    throw new UnsafeUrlError(text, 'URLs with credentials are not allowed');
  }
  // WHATWG URL already normalises numeric forms like 2130706433 or 0x7f.1 to dotted IPv4.
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [host]
    : (
        await (options.lookup ?? defaultLookup)(host).catch((error: Error) => {
          throw new UnsafeUrlError(text, `its host could not be resolved (${error.message})`);
        })
      ).map((entry) => entry.address);
  if (addresses.length === 0) throw new UnsafeUrlError(text, 'its host has no address');
  const internal = addresses.find((address) => !isPublicAddress(address));
  if (internal)
    throw new UnsafeUrlError(text, `its host resolves to the non-public address ${internal}`);
  return parsed;
}

async function readLimited(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) throw new FetchFailedError(`${url} is larger than ${maxBytes} bytes.`);
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new FetchFailedError(`${url} is larger than ${maxBytes} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Creates a {@link SafeFetch} with the given limits and injected DNS/fetch. */
export function createSafeFetch(options: SafeFetchOptions = {}): SafeFetch {
  const fetchImpl = options.fetchImpl ?? fetch;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxRedirects = options.maxRedirects ?? 3;
  return async function safeFetch(url, init = {}) {
    const signal = AbortSignal.timeout(timeoutMs);
    let current = url;
    try {
      for (let redirects = 0; ; redirects++) {
        const checked = await assertSafeUrl(current, options);
        const response = await fetchImpl(checked.href, {
          redirect: 'manual',
          signal,
          headers: {
            accept: init.accept ?? 'application/json, application/ld+json',
            ...(init.ifNoneMatch ? { 'if-none-match': init.ifNoneMatch } : {}),
            ...(init.ifModifiedSince ? { 'if-modified-since': init.ifModifiedSince } : {}),
          },
        });
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location) {
          await response.body?.cancel();
          if (redirects >= maxRedirects)
            throw new FetchFailedError(`Too many redirects from ${url}.`);
          current = new URL(location, checked).href;
          continue;
        }
        const conditional = Boolean(init.ifNoneMatch || init.ifModifiedSince);
        if (!response.ok && !(conditional && response.status === 304)) {
          await response.body?.cancel();
          throw new FetchFailedError(`${checked.href} answered HTTP ${response.status}.`);
        }
        const body = await readLimited(response, maxBytes, checked.href);
        return {
          url: checked.href,
          status: response.status,
          contentType: response.headers.get('content-type'),
          body,
          text: () => new TextDecoder().decode(body),
          json: () => JSON.parse(new TextDecoder().decode(body)) as unknown,
          header: (name: string) => response.headers.get(name),
        };
      }
    } catch (error) {
      if (signal.aborted)
        throw new FetchFailedError(`${url} took longer than ${timeoutMs} ms.`, { cause: error });
      throw error;
    }
  };
}
