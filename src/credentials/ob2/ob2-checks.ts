/**
 * The stages of Open Badges 2.0 verification (OB 2.0 §Verification), one function per check,
 * each returning a CheckResult in the engine's words. The state is filled by `hydrate` in
 * verify-ob2.ts (hosted copy, badge class, issuer profile) before they run.
 */
import { compactVerify, importSPKI } from 'jose';
import { trustResult } from '../checks/check-trust.ts';
import { describeError, idOf, isObject } from '../json-helpers.ts';
import type { JsonObject, JsonValue } from '../types.ts';
import type { CheckResult, IssuerTrustLookup } from '../verification-types.ts';
import { type ReadAssertion, verificationOf } from './read-assertion.ts';
/** What OB 2.0 verification needs from outside. */
export interface Ob2VerifyDeps {
  /** Fetches and parses JSON from an issuer's URL; must be SSRF-safe. */
  fetchJson: (url: string) => Promise<unknown>;
  /** The clock; defaults to the system time. */
  now?: () => Date;
  /** Trust registry lookup; without it the trust check is skipped. */
  issuerTrust?: IssuerTrustLookup;
}

export interface Ob2State {
  read: ReadAssertion;
  /** The assertion checked: the issuer's hosted copy when there is one. */
  assertion: JsonObject;
  hosted?: { copy?: JsonObject; error?: string; gone?: boolean };
  badge?: JsonObject;
  issuer?: JsonObject;
  problems: string[];
  /** For signed badges: the public key at `verification.creator` could not be fetched. */
  keyUnresolved?: boolean;
}

const REQUIRED = ['recipient', 'badge', 'issuedOn'] as const;

export async function fetchObject(
  deps: Ob2VerifyDeps,
  url: string,
  what: string,
): Promise<JsonObject> {
  const value = await deps.fetchJson(url);
  if (!isObject(value)) throw new Error(`${what} at ${url} is not a JSON object`);
  return value;
}

export function isHttpUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\//i.test(value);
}

export function checkFormat(read: ReadAssertion | undefined): CheckResult {
  if (!read)
    return {
      check: 'format',
      outcome: 'failed',
      message: 'This is not an Open Badges 2.0 assertion.',
    };
  const missing = REQUIRED.filter((name) => read.assertion[name] === undefined);
  if (!read.verificationType) missing.push('verification' as never);
  if (missing.length > 0)
    return {
      check: 'format',
      outcome: 'failed',
      message: 'This Open Badges 2.0 assertion is incomplete.',
      detail: `missing or unknown: ${missing.join(', ')}`,
    };
  return {
    check: 'format',
    outcome: 'warning',
    message: 'This is an Open Badges 2.0 badge, an older format than Open Badges 3.0.',
    detail: `verification: ${read.verificationType}`,
  };
}

/** JSON with sorted keys, for comparing two copies of an assertion. */
function canonical(value: JsonValue | undefined): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .filter((key) => value[key] !== undefined && key !== 'revoked' && key !== 'revocationReason')
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

export async function checkProof(state: Ob2State, deps: Ob2VerifyDeps): Promise<CheckResult> {
  const fail = (message: string, detail?: string): CheckResult => ({
    check: 'proof',
    outcome: 'failed',
    message,
    detail,
  });
  if (state.read.verificationType === 'hosted') {
    if (state.read.jws) return fail('A hosted badge must not be given as a signature.');
    if (state.hosted?.gone)
      return {
        check: 'proof',
        outcome: 'warning',
        message: 'The issuer has withdrawn this badge (its address answers 410 Gone).',
        detail: state.hosted.error,
      };
    if (!state.hosted?.copy)
      return fail(
        'The issuer’s copy of this badge could not be fetched, so it cannot be confirmed.',
        state.hosted?.error,
      );
    if (canonical(state.hosted.copy) !== canonical(state.read.assertion))
      return fail(
        'This badge differs from the copy its issuer hosts: it was changed.',
        String(state.read.assertion.id),
      );
    return {
      check: 'proof',
      outcome: 'passed',
      message: 'The issuer hosts this exact badge at its address.',
      detail: String(state.read.assertion.id),
    };
  }
  if (!state.read.jws)
    return fail(
      'A signed badge must be given as its signature (JWS); this copy cannot be checked.',
    );
  const creator = verificationOf(state.assertion)?.creator;
  if (!isHttpUrl(creator)) return fail('The signed badge does not say where its public key is.');
  try {
    const key = await fetchObject(deps, creator, 'the public key');
    if (typeof key.publicKeyPem !== 'string') throw new Error(`${creator} has no publicKeyPem`);
    await compactVerify(state.read.jws, await importSPKI(key.publicKeyPem, 'RS256'), {
      algorithms: ['RS256'],
    });
    state.problems.push(...keyOwnershipProblems(key, creator, state.issuer));
    return {
      check: 'proof',
      outcome: 'passed',
      message: 'The signature is valid.',
      detail: creator,
    };
  } catch (error) {
    const detail = describeError(error);
    if (/signature verification failed/i.test(detail))
      return fail(
        'The signature does not match: the badge was changed or not signed with this key.',
        detail,
      );
    state.keyUnresolved = true;
    state.problems.push(`key ${creator}: ${detail}`);
    return fail('The signature could not be checked.', detail);
  }
}

/** OB 2.0 §CryptographicKey: the key's owner is the issuer, and the issuer lists the key. */
function keyOwnershipProblems(
  key: JsonObject,
  creator: string,
  issuer: JsonObject | undefined,
): string[] {
  if (!issuer) return [];
  const problems: string[] = [];
  if (key.owner !== issuer.id)
    problems.push(
      `${creator} is owned by ${String(key.owner)}, not by the issuer ${String(issuer.id)}`,
    );
  const listed = Array.isArray(issuer.publicKey)
    ? issuer.publicKey
    : issuer.publicKey === undefined
      ? undefined
      : [issuer.publicKey];
  if (listed && !listed.some((entry) => idOf(entry) === creator))
    problems.push(`the issuer ${String(issuer.id)} does not list ${creator} among its keys`);
  return problems;
}

/** OB 2.0 §VerificationObject: by default the hosted URL must be on the issuer's host. */
function hostedPolicyProblem(assertionId: string, issuer: JsonObject): string | undefined {
  const policy = isObject(issuer.verification) ? issuer.verification : {};
  const list = (value: unknown) =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);
  const host = new URL(assertionId).host;
  const startsWith = list(policy.startsWith);
  const allowedOrigins = list(policy.allowedOrigins);
  if (startsWith.length > 0 && !startsWith.some((prefix) => assertionId.startsWith(prefix)))
    return `${assertionId} does not start with any of ${startsWith.join(', ')}`;
  if (allowedOrigins.length > 0)
    return allowedOrigins.includes(host)
      ? undefined
      : `${host} is not among ${allowedOrigins.join(', ')}`;
  if (startsWith.length > 0) return undefined;
  const issuerHost = isHttpUrl(issuer.id) ? new URL(issuer.id).host : undefined;
  return issuerHost === host
    ? undefined
    : `${assertionId} is not hosted on the issuer's host ${issuerHost ?? '(none)'}`;
}

export function checkIssuer(state: Ob2State): CheckResult {
  const problems = [...state.problems];
  if (!state.issuer) problems.push('the issuer profile could not be read');
  else if (state.read.verificationType === 'hosted' && isHttpUrl(state.read.assertion.id)) {
    const problem = hostedPolicyProblem(state.read.assertion.id, state.issuer);
    if (problem) problems.push(problem);
  }
  if (problems.length === 0)
    return {
      check: 'issuer-key',
      outcome: 'passed',
      message: 'The badge was published by the issuer it names.',
      detail: String(state.issuer?.id),
    };
  return {
    check: 'issuer-key',
    outcome: 'failed',
    message:
      state.issuer && !state.keyUnresolved
        ? 'This badge was not published by the issuer it names.'
        : 'The issuer or its public key could not be found, so we cannot confirm who issued this badge.',
    detail: problems.join('; '),
  };
}

/** OB 2.0 §DateTime: ISO 8601 with a time zone, or (OB 1.x) a Unix timestamp in seconds. */
export function readDate(value: JsonValue | undefined): Date | undefined | 'invalid' {
  if (value === undefined || value === null) return undefined;
  const date =
    typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))
      ? new Date(Number(value) * 1000)
      : typeof value === 'string'
        ? new Date(value)
        : new Date(Number.NaN);
  return Number.isNaN(date.getTime()) ? 'invalid' : date;
}

export function checkValidity(state: Ob2State, now: Date): CheckResult {
  const from = readDate(state.assertion.issuedOn);
  const until = readDate(state.assertion.expires);
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const detail = `now ${now.toISOString()}; issuedOn ${String(state.assertion.issuedOn)}; expires ${String(state.assertion.expires ?? '-')}`;
  if (from === 'invalid' || until === 'invalid')
    return {
      check: 'validity',
      outcome: 'failed',
      message: 'The badge’s dates are malformed.',
      detail,
    };
  if (from && now < from)
    return {
      check: 'validity',
      outcome: 'failed',
      message: `This credential is not valid yet: it becomes valid on ${day(from)}.`,
      detail,
    };
  if (until && now > until)
    return {
      check: 'validity',
      outcome: 'failed',
      message: `This credential expired on ${day(until)}.`,
      detail,
    };
  const message = until
    ? `The credential is valid until ${day(until)}.`
    : 'The credential is currently valid and does not expire.';
  return { check: 'validity', outcome: 'passed', message, detail };
}

const REVOKED = 'This credential has been revoked by its issuer.';

export async function checkRevocation(state: Ob2State, deps: Ob2VerifyDeps): Promise<CheckResult> {
  const reason = (value: unknown) =>
    typeof value === 'string' && value ? `reason: ${value}` : undefined;
  if (state.hosted?.gone)
    return {
      check: 'status',
      outcome: 'failed',
      message: REVOKED,
      detail: 'the hosted assertion answers HTTP 410 Gone',
    };
  if (state.assertion.revoked === true)
    return {
      check: 'status',
      outcome: 'failed',
      message: REVOKED,
      detail: reason(state.assertion.revocationReason),
    };
  const listUrl = state.issuer?.revocationList;
  if (!isHttpUrl(listUrl)) {
    if (state.hosted?.copy)
      return {
        check: 'status',
        outcome: 'passed',
        message: 'The issuer has not revoked or suspended this credential.',
        detail: 'hosted copy not revoked',
      };
    return {
      check: 'status',
      outcome: 'skipped',
      message: 'This credential has no revocation status to check.',
    };
  }
  try {
    const list = await fetchObject(deps, listUrl, 'the revocation list');
    const entries = Array.isArray(list.revokedAssertions) ? list.revokedAssertions : [];
    const ids = [state.assertion.id, state.assertion.uid].filter((v) => typeof v === 'string');
    const hit = entries.find((entry) =>
      ids.includes(
        typeof entry === 'string'
          ? entry
          : (idOf(entry) ?? (isObject(entry) ? String(entry.uid) : '')),
      ),
    );
    if (hit !== undefined)
      return {
        check: 'status',
        outcome: 'failed',
        message: REVOKED,
        detail: isObject(hit) ? reason(hit.revocationReason) : listUrl,
      };
    return {
      check: 'status',
      outcome: 'passed',
      message: 'The issuer has not revoked or suspended this credential.',
      detail: listUrl,
    };
  } catch (error) {
    return {
      check: 'status',
      outcome: 'warning',
      message: 'Whether this credential was revoked could not be checked.',
      detail: describeError(error),
    };
  }
}

export async function checkTrust(
  state: Ob2State,
  lookup: IssuerTrustLookup | undefined,
): Promise<CheckResult> {
  const issuerId = typeof state.issuer?.id === 'string' ? state.issuer.id : undefined;
  if (!lookup || !issuerId)
    return {
      check: 'trust',
      outcome: 'skipped',
      message: 'No list of trusted issuers is configured.',
    };
  return trustResult(issuerId, await lookup(issuerId));
}

/** An OB 3.0-shaped view of the assertion, so wallets list it like any credential. */
