/**
 * What an imported file, text or download is: pure sniffing, no I/O. Images are recognized by
 * their content (PNG signature, SVG root), never by a file name or a declared type; the baked
 * credential is taken out of them here (src/credentials/baking checks the image itself).
 *
 * How it arrived (`receivedAs`) follows what is inside: a CLR 2.0 credential is `clr` and an
 * Open Badges 2.0 assertion is `ob2` wherever they came from (each has its own verification);
 * otherwise the container names it: `png`, `svg`, `jwt` or `json`.
 */

import {
  extractBakedPng,
  extractBakedSvg,
  isPng,
  looksLikeOb2Assertion,
  looksLikeSvg,
} from '../../credentials/index.ts';
import { isObject } from '../../credentials/json-helpers.ts';
import type { ReceivedAs } from './add-to-wallet.ts';

/** A credential ready to verify and store: its text exactly as found. */
export type DetectedCredential = { content: string; receivedAs: ReceivedAs };

/** What sniffing found: a credential, or (OB 2.0 hosted badges) the URL of the assertion. */
export type Detection = DetectedCredential | { ob2AssertionUrl: string };

/** The input is not something we can import; the message says why, for the learner. */
export class ImportRefusal extends Error {}

const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const UNKNOWN =
  'This is not a credential we can read: expected an Open Badges 3.0 credential (JSON or VC-JWT), a CLR 2.0 credential, an Open Badges 2.0 assertion, or a baked PNG or SVG badge.';

function typesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
}

/** Classifies a parsed JSON credential-like object. */
function kindOfDocument(document: unknown, container: ReceivedAs): ReceivedAs {
  if (looksLikeOb2Assertion(document)) return 'ob2';
  if (!isObject(document))
    throw new ImportRefusal('This JSON is not a credential (it is not an object).');
  const types = typesOf(document.type);
  if (types.includes('VerifiablePresentation'))
    throw new ImportRefusal(
      'This is a presentation, not a credential: import the credentials inside it one by one.',
    );
  if (types.includes('ClrCredential')) return 'clr';
  if (types.includes('VerifiableCredential') || '@context' in document) return container;
  throw new ImportRefusal(
    'This JSON is not a credential: it has no "type" of "VerifiableCredential" and no "@context".',
  );
}

function fromJson(text: string, container: ReceivedAs): DetectedCredential {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ImportRefusal(`This is not valid JSON (${(error as Error).message}).`);
  }
  return { content: text, receivedAs: kindOfDocument(document, container) };
}

function fromJwt(jwt: string, container: ReceivedAs): DetectedCredential {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    throw new ImportRefusal('This looks like a JWT, but its payload is not JSON.');
  }
  // VC-JWT (VC 1.1 style) carries the credential in `vc`; VC-JOSE-COSE is the credential itself.
  const inner = isObject(payload) && isObject(payload.vc) ? payload.vc : payload;
  if (looksLikeOb2Assertion(payload)) return { content: jwt, receivedAs: 'ob2' };
  return { content: jwt, receivedAs: kindOfDocument(inner, container) };
}

/** JSON, a compact JWT/JWS, or an OB 2.0 assertion URL, as baked into an image. */
function fromBaked(text: string, standard: 'ob3' | 'ob2', container: 'png' | 'svg'): Detection {
  if (standard === 'ob2' && /^https:\/\/\S+$/.test(text)) return { ob2AssertionUrl: text };
  const detected = COMPACT_JWT.test(text) ? fromJwt(text, container) : fromJson(text, container);
  if (standard === 'ob2' && detected.receivedAs !== 'ob2')
    throw new ImportRefusal('The Open Badges 2.0 badge image does not hold an assertion.');
  return detected;
}

/** Sniffs pasted or downloaded text. Throws ImportRefusal with a plain reason. */
export function detectText(input: string): Detection {
  const text = input.replace(/^\uFEFF/, '').trim();
  if (!text) throw new ImportRefusal('There is nothing to import: the input is empty.');
  if (looksLikeSvg(text)) {
    const baked = extractBakedSvg(text);
    return fromBaked(baked.text, baked.standard, 'svg');
  }
  if (text.startsWith('{') || text.startsWith('[')) return fromJson(text, 'json');
  if (COMPACT_JWT.test(text)) return fromJwt(text, 'jwt');
  if (/^https?:\/\/\S+$/.test(text))
    throw new ImportRefusal('This is a web address: import it by URL instead of pasting it.');
  if (text.startsWith('<'))
    throw new ImportRefusal('This is HTML or XML, but not an SVG badge image.');
  throw new ImportRefusal(UNKNOWN);
}

/** Sniffs a file or a download by its bytes (never by its name or declared type). */
export function detectBytes(bytes: Uint8Array): Detection {
  if (bytes.length === 0) throw new ImportRefusal('There is nothing to import: the file is empty.');
  if (isPng(bytes)) {
    const baked = extractBakedPng(bytes);
    return fromBaked(baked.text, baked.standard, 'png');
  }
  if (
    /^(?:\xFF\xD8\xFF|GIF8|RIFF....WEBP)/s.test(
      Buffer.from(bytes.subarray(0, 12)).toString('latin1'),
    )
  )
    throw new ImportRefusal(
      'Only PNG and SVG badge images can carry a credential; this image cannot.',
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportRefusal(`This file is neither text nor a PNG or SVG image. ${UNKNOWN}`);
  }
  return detectText(text);
}
