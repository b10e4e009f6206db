import type { Hono } from 'hono';
import { ValidationError } from '../../../domain/errors.ts';
import {
  getCredentials,
  MAX_PAGE_SIZE,
  upsertCredential,
} from '../../../services/ob3-api/credentials.ts';
import type { Ob3Env } from './env.ts';
import { statusInfoResponse } from './status-info.ts';

/** OB 3.0 getCredentials and upsertCredential, for the learner behind the access token. */
export function mountOb3Credentials(api: Hono<Ob3Env>) {
  api.get('/credentials', async (c) => {
    const page = readPage(c.req.query());
    if (typeof page === 'string')
      return statusInfoResponse(c, 400, page, 'invalid_query_parameter');
    const result = await getCredentials(c.get('ctx'), c.get('principal'), page);
    c.header('X-Total-Count', String(result.total));
    // From the public URL: behind a proxy the request's own URL is the internal one.
    const self = new URL(c.req.url);
    const link = linkHeader(
      new URL(`${self.pathname}${self.search}`, c.get('ctx').publicUrl),
      result,
    );
    if (link) c.header('Link', link);
    c.header('Cache-Control', 'no-store');
    return c.json(result.body, 200);
  });

  api.post('/credentials', async (c) => {
    const ctx = c.get('ctx');
    const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    const text = await c.req.text();
    if (mediaType !== 'application/json' && mediaType !== 'text/plain')
      return statusInfoResponse(
        c,
        415,
        'Send the credential as application/json, or as a compact JWS with text/plain.',
      );
    if (!text.trim()) throw new ValidationError('The body is empty: send one credential.');
    const input = mediaType === 'application/json' ? { json: text } : { compactJws: text };
    const { created } = await upsertCredential(
      ctx,
      ctx.verifyCredential,
      c.get('principal'),
      input,
    );
    const status = created ? 201 : 200;
    c.header('Cache-Control', 'no-store');
    // The spec: the response body MUST be the credential in the request.
    if ('json' in input) return c.json(JSON.parse(text), status);
    return c.text(text.trim(), status);
  });
}

/** limit (≥ 1, at most MAX_PAGE_SIZE), offset (≥ 0) and since (a date-time), or why not. */
function readPage(query: Record<string, string>) {
  const integer = (name: string, min: number, fallback: number) => {
    const value = query[name];
    if (value === undefined) return fallback;
    return /^\d+$/.test(value) && Number(value) >= min ? Number(value) : undefined;
  };
  const limit = integer('limit', 1, MAX_PAGE_SIZE);
  if (limit === undefined) return 'limit must be a whole number of at least 1.';
  const offset = integer('offset', 0, 0);
  if (offset === undefined) return 'offset must be a whole number of at least 0.';
  let since: Date | undefined;
  if (query.since !== undefined) {
    since = new Date(query.since);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(query.since) || Number.isNaN(since.getTime()))
      return 'since must be an ISO 8601 date-time such as 2026-01-31T12:00:00Z.';
  }
  return { limit: Math.min(limit, MAX_PAGE_SIZE), offset, since };
}

/** RFC 8288 links to the first, previous, next and last pages (OB 3.0 §"Paging"). */
function linkHeader(url: URL, page: { total: number; limit: number; offset: number }) {
  const at = (offset: number, rel: string) => {
    const target = new URL(url);
    target.searchParams.set('limit', String(page.limit));
    target.searchParams.set('offset', String(offset));
    return `<${target.toString()}>; rel="${rel}"`;
  };
  const lastOffset = Math.max(0, Math.floor((page.total - 1) / page.limit) * page.limit);
  const links: string[] = [];
  if (page.offset + page.limit < page.total) links.push(at(page.offset + page.limit, 'next'));
  links.push(at(lastOffset, 'last'), at(0, 'first'));
  if (page.offset > 0) links.push(at(Math.max(0, page.offset - page.limit), 'prev'));
  return links.join(', ');
}
