/**
 * Stage 1 of "verify anything": turn what a verifier gave (a JSON document, pasted text, a file,
 * a URL) into the credential or presentation text exactly as found, refusing hostile input
 * before it is parsed further: size first, then nesting depth, then what it is.
 */
import {
  BakedImageError,
  createSafeFetch,
  FetchFailedError,
  isPng,
  jsonTextTooDeep,
  type SafeFetch,
  UnsafeUrlError,
  VERIFICATION_LIMITS,
  valueTooDeep,
} from '../../credentials/index.ts';
import { findIssuedCredential } from '../../db/repositories/issued-credentials.ts';
import { NotFoundError, PayloadTooLargeError, ValidationError } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { sharedCredentialRow } from '../sharing/share-links.ts';
import type { ReceivedAs } from '../wallet/add-to-wallet.ts';
import { type Detection, detectBytes, detectText, ImportRefusal } from '../wallet/import-detect.ts';

/** What a verifier gives: exactly one of these. */
export type VerifySource =
  | { document: unknown }
  | { text: string }
  | { file: Uint8Array }
  | { url: string };

export type ReadInput = {
  kind: 'credential' | 'presentation';
  receivedAs: ReceivedAs | 'presentation';
  /** The text as found: what is verified, and what a report export verifies again. */
  content: string;
};

const { maxCredentialBytes, maxFileBytes, maxDepth, fetchTimeoutMs } = VERIFICATION_LIMITS;
// An unsecured JWT (empty signature) is read too, so the verifier can name it as unsigned.
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const ACCEPT =
  'application/vc+ld+json, application/ld+json, application/json, application/vc+jwt, application/jwt, image/png, image/svg+xml, text/plain;q=0.5';

/** The SSRF-safe fetch used by the public verifier: https, public addresses, 5 MiB, 10 s. */
export function createVerifyFetch(): SafeFetch {
  return createSafeFetch({ maxBytes: maxFileBytes, timeoutMs: fetchTimeoutMs, maxRedirects: 3 });
}

function fieldOf(source: VerifySource): string {
  return Object.keys(source)[0] ?? 'document';
}

function refuse(field: string, message: string): never {
  throw new ValidationError(message, [{ field, message }]);
}

function tooLarge(what: string, limit: number): never {
  throw new PayloadTooLargeError(
    `The ${what} is larger than ${Math.round(limit / 1024)} KiB, the most this verifier reads; real credentials are far smaller.`,
  );
}

function isPresentationJson(text: string): boolean {
  if (!text.startsWith('{')) return false;
  try {
    const value = JSON.parse(text) as { type?: unknown };
    const types = Array.isArray(value.type) ? value.type : [value.type];
    return types.includes('VerifiablePresentation');
  } catch {
    return false;
  }
}

function fromText(raw: string, field: string): ReadInput {
  const text = raw.replace(/^\uFEFF/, '').trim();
  if (text.length > maxCredentialBytes) tooLarge('credential', maxCredentialBytes);
  if (!text) refuse(field, 'There is nothing to verify: the input is empty.');
  if (JWT.test(text)) return { kind: 'credential', receivedAs: 'jwt', content: text };
  if ((text.startsWith('{') || text.startsWith('[')) && jsonTextTooDeep(text))
    refuse(
      field,
      `This JSON nests deeper than ${maxDepth} levels; no credential does, so it was not read.`,
    );
  if (isPresentationJson(text))
    return { kind: 'presentation', receivedAs: 'presentation', content: text };
  return fromDetection(detectText(text));
}

/** What the wallet's sniffing found (baked images opened), checked against the same limits. */
function fromDetection(detection: Detection): ReadInput {
  if ('ob2AssertionUrl' in detection)
    throw new ImportRefusal(
      'This Open Badges 2.0 image only points to its assertion; verify the assertion by its URL instead.',
    );
  if (detection.content.length > maxCredentialBytes) tooLarge('credential', maxCredentialBytes);
  if (jsonTextTooDeep(detection.content))
    throw new ImportRefusal(
      `The credential nests deeper than ${maxDepth} levels; no credential does.`,
    );
  return { kind: 'credential', receivedAs: detection.receivedAs, content: detection.content };
}

function fromBytes(bytes: Uint8Array, field: string): ReadInput {
  if (bytes.length > maxFileBytes) tooLarge('file', maxFileBytes);
  if (bytes.length === 0) refuse(field, 'There is nothing to verify: the file is empty.');
  if (isPng(bytes)) return fromDetection(detectBytes(bytes));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not text: the wallet's sniffing names what it is (a JPEG, a binary file) and refuses it.
    return fromDetection(detectBytes(bytes));
  }
  return fromText(text, field);
}

/** Our own credential pages and share links are read from the database, not fetched. */
async function fromOwnUrl(ctx: ServiceContext, url: URL): Promise<ReadInput> {
  const path = url.pathname.slice(new URL(ctx.publicUrl).pathname.replace(/\/$/, '').length);
  const issued = /^\/credentials\/([0-9a-f-]{36})$/i.exec(path);
  if (issued) {
    const row = await findIssuedCredential(ctx.db, issued[1]!);
    if (!row) refuse('url', 'No credential was issued at this address.');
    return {
      kind: 'credential',
      receivedAs: row.format === 'vc-jwt' ? 'jwt' : 'json',
      content: row.signed,
    };
  }
  const shared = /^\/s\/([A-Za-z0-9_-]+)$/.exec(path);
  if (shared) {
    const row = await sharedCredentialRow(ctx, shared[1]!).catch((error: unknown) => {
      if (error instanceof NotFoundError)
        refuse('url', 'This share link does not exist or was withdrawn by its owner.');
      throw error;
    });
    return fromText(row.content, 'url');
  }
  return refuse(
    'url',
    'This address on our platform is not a credential: give a credential page (/credentials/…) or a share link (/s/…).',
  );
}

async function fromUrl(ctx: ServiceContext, raw: string, safeFetch: SafeFetch): Promise<ReadInput> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return refuse('url', 'This is not a web address: give one that starts with https://.');
  }
  const ours = new URL(ctx.publicUrl);
  if (url.origin === ours.origin) return fromOwnUrl(ctx, url);
  let body: Uint8Array;
  try {
    body = (await safeFetch(url.href, { accept: ACCEPT })).body;
  } catch (error) {
    if (error instanceof UnsafeUrlError) throw error;
    if (error instanceof FetchFailedError && /larger than/.test(error.message))
      tooLarge('download', maxFileBytes);
    if (error instanceof FetchFailedError) throw error;
    throw new FetchFailedError(`${url.href} could not be fetched (${(error as Error).message}).`, {
      cause: error,
    });
  }
  return fromBytes(body, 'url');
}

function fromDocument(document: unknown): ReadInput {
  if (typeof document === 'string') return fromText(document, 'document');
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    refuse(
      'document',
      'The document must be a credential or presentation (a JSON object) or a JWT.',
    );
  if (valueTooDeep(document))
    refuse(
      'document',
      `This JSON nests deeper than ${maxDepth} levels; no credential does, so it was not read.`,
    );
  return fromText(JSON.stringify(document), 'document');
}

/**
 * Reads a source into the text to verify. Refuses with a 400 (naming the field) what is no
 * credential, an unsafe or unreachable URL and crafted images; with a 413 what is too large.
 */
export async function readVerifySource(
  ctx: ServiceContext,
  source: VerifySource,
  safeFetch: SafeFetch = createVerifyFetch(),
): Promise<ReadInput> {
  const field = fieldOf(source);
  try {
    if ('document' in source) return fromDocument(source.document);
    if ('text' in source) return fromText(source.text, 'text');
    if ('file' in source) return fromBytes(source.file, 'file');
    return await fromUrl(ctx, source.url, safeFetch);
  } catch (error) {
    if (
      error instanceof ImportRefusal ||
      error instanceof BakedImageError ||
      error instanceof UnsafeUrlError ||
      error instanceof FetchFailedError
    ) {
      if (error instanceof BakedImageError && error.problem === 'too_large')
        throw new PayloadTooLargeError(error.message);
      refuse(field, error.message);
    }
    throw error;
  }
}
