import { createSafeFetch, type SafeFetch } from '../../credentials/index.ts';
import type { ServiceContext } from '../context.ts';
import { getClient } from './clients.ts';

/** A logo larger than this is not a logo. */
const MAX_LOGO_BYTES = 256 * 1024;

/** Raster formats only, recognised by their bytes: an SVG could carry script. */
const signatures: Array<[string, (bytes: Uint8Array) => boolean]> = [
  ['image/png', (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38],
  [
    'image/webp',
    (b) =>
      Buffer.from(b.subarray(0, 4)).toString('latin1') === 'RIFF' &&
      Buffer.from(b.subarray(8, 12)).toString('latin1') === 'WEBP',
  ],
];

export function imageTypeOf(bytes: Uint8Array): string | undefined {
  return signatures.find(([, matches]) => matches(bytes))?.[0];
}

/**
 * The client's logo_uri, fetched by the server so the consent page can show it under our
 * Content-Security-Policy (images from our own origin only) and without telling a stranger's
 * server which learner looked at it. The fetch is SSRF-safe (public https hosts only); anything
 * that is not a small raster image is treated as no logo.
 */
export async function fetchClientLogo(
  ctx: ServiceContext,
  clientId: string,
  safeFetch: SafeFetch = createSafeFetch({ maxBytes: MAX_LOGO_BYTES, timeoutMs: 5000 }),
): Promise<{ bytes: Uint8Array; contentType: string } | undefined> {
  const client = await getClient(ctx, clientId);
  if (!client?.logoUri) return undefined;
  try {
    const response = await safeFetch(client.logoUri, {
      accept: 'image/png, image/jpeg, image/gif, image/webp',
    });
    if (response.status !== 200) return undefined;
    const contentType = imageTypeOf(response.body);
    return contentType ? { bytes: response.body, contentType } : undefined;
  } catch (error) {
    ctx.logger.warn({ clientId, err: (error as Error).message }, 'client logo not fetched');
    return undefined;
  }
}
