/**
 * Reading Open Badges 2.0 assertions (OB 2.0 §Assertion, §Verification) before any check:
 * an assertion is JSON (hosted verification) or a compact JWS whose payload is the assertion
 * (signed verification). Open Badges 1.1 used `verify` where 2.0 uses `verification`; both
 * are read.
 */
import { decodeProtectedHeader } from 'jose';
import { isObject } from '../json-helpers.ts';
import type { JsonObject } from '../types.ts';

/** The OB 2.0 JSON-LD context URL. */
export const OB2_CONTEXT_URL = 'https://w3id.org/openbadges/v2';

/** An assertion as read, and how it was given. */
export interface ReadAssertion {
  assertion: JsonObject;
  /** 'hosted' or 'signed', from `verification.type` (2.0) or `verify.type` (1.1). */
  verificationType: 'hosted' | 'signed' | undefined;
  /** The compact JWS when the assertion was given signed. */
  jws?: string;
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function decodeJwsPayload(jws: string): unknown {
  try {
    decodeProtectedHeader(jws);
    const payload = jws.split('.')[1] ?? '';
    return parseJson(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function typesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
}

/** The `verification` (2.0) or `verify` (1.1) object of an assertion. */
export function verificationOf(assertion: JsonObject): JsonObject | undefined {
  const value = assertion.verification ?? assertion.verify;
  return isObject(value) ? value : undefined;
}

function verificationTypeOf(assertion: JsonObject): ReadAssertion['verificationType'] {
  const type = verificationOf(assertion)?.type;
  if (typeof type !== 'string') return undefined;
  // OB 2.0 §VerificationObject: "hosted"/"HostedBadge", "signed"/"SignedBadge".
  if (/^hosted(badge)?$/i.test(type)) return 'hosted';
  if (/^signed(badge)?$/i.test(type)) return 'signed';
  return undefined;
}

/** Whether a JSON value looks like an Open Badges 2.0 (or 1.1) assertion. */
export function looksLikeOb2Assertion(value: unknown): value is JsonObject {
  if (!isObject(value)) return false;
  const contexts = typesOf(value['@context']);
  if (contexts.some((c) => c.startsWith('https://w3id.org/openbadges'))) return true;
  if (typesOf(value.type).includes('Assertion')) return true;
  return 'badge' in value && 'recipient' in value && ('verification' in value || 'verify' in value);
}

/**
 * Reads an OB 2.0 assertion from a JSON object, JSON text or compact JWS. Returns undefined for
 * anything else. Nothing is verified here.
 */
export function readOb2Assertion(input: unknown): ReadAssertion | undefined {
  if (typeof input === 'string') {
    const text = input.trim();
    if (COMPACT_JWS.test(text)) {
      const payload = decodeJwsPayload(text);
      if (!looksLikeOb2Assertion(payload)) return undefined;
      return { assertion: payload, verificationType: verificationTypeOf(payload), jws: text };
    }
    return readOb2Assertion(parseJson(text));
  }
  if (!looksLikeOb2Assertion(input)) return undefined;
  return { assertion: input, verificationType: verificationTypeOf(input) };
}

/** Whether the input (object, JSON text or JWS) is an Open Badges 2.0 assertion. */
export function isOb2Assertion(input: unknown): boolean {
  return readOb2Assertion(input) !== undefined;
}
