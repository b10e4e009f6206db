/**
 * Outbound HTTP to addresses an organization configured (webhook receivers, LMS token and JWKS
 * endpoints). Every request re-checks its URL at send time — a host that resolves to a private
 * address is refused even if it looked public at registration — and no redirect is followed, so
 * a receiver cannot bounce us into the internal network. Loopback is allowed only when Skillmark
 * itself runs on loopback (development and tests).
 */
import { assertSafeUrl, type LookupFunction } from '../credentials/index.ts';
import { isLoopbackHost } from '../domain/webhooks/endpoint-url.ts';

export type OutboundRequest = {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
};

export type OutboundResponse = { status: number; contentType: string | null; text: string };

/** Sends one request; throws on a refused URL, a network failure or a timeout, never on a status. */
export type OutboundHttp = (request: OutboundRequest) => Promise<OutboundResponse>;

export type OutboundHttpOptions = {
  fetchImpl?: typeof fetch;
  lookup?: LookupFunction;
  allowLoopback?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
};

export function createOutboundHttp(options: OutboundHttpOptions = {}): OutboundHttp {
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? 256 * 1024;
  return async (request) => {
    const url = new URL(request.url);
    if (!(options.allowLoopback && isLoopbackHost(url.hostname))) {
      await assertSafeUrl(url, { lookup: options.lookup });
    }
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetchImpl(url.href, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal,
      });
      const text = await readCapped(response, maxBytes);
      return { status: response.status, contentType: response.headers.get('content-type'), text };
    } catch (error) {
      if (signal.aborted) throw new Error(`${url.origin} took longer than ${timeoutMs} ms`);
      throw error;
    }
  };
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    // A receiver's reply is only logged or parsed as a small JSON document; cut, don't fail.
    if (size > maxBytes) break;
    chunks.push(chunk);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** The default for an app whose public URL is `publicUrl`. */
export function defaultOutboundHttp(publicUrl: string): OutboundHttp {
  return createOutboundHttp({ allowLoopback: isLoopbackHost(new URL(publicUrl).hostname) });
}
