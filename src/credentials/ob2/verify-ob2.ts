/**
 * Verification of Open Badges 2.0 assertions (OB 2.0 §Verification), reported in the engine's
 * shape (a VerificationResult with one result per check, plain-language messages) so the wallet
 * shows an OB 2.0 badge the same way as an OB 3.0 credential. Never throws on bad input.
 *
 * - hosted: the assertion is fetched at its `id` and compared with the copy given; the issuer's
 *   verification policy (same host, `allowedOrigins`, `startsWith`) must cover that URL.
 * - signed: a compact JWS (RS256) checked with the public key at `verification.creator`, which
 *   the issuer must own (`owner`) and, where its profile lists keys, list.
 * - revocation: a hosted copy marked `revoked` (or HTTP 410), or the issuer's `revocationList`.
 *
 * Every URL (assertion, badge class, issuer, key, revocation list) is fetched through the
 * injected `fetchJson`, which must be SSRF-safe.
 */
import { describeError, idOf, isObject } from '../json-helpers.ts';
import type { Credential, JsonObject, JsonValue } from '../types.ts';
import type { CheckName, CheckResult, VerificationResult } from '../verification-types.ts';
import {
  checkFormat,
  checkIssuer,
  checkProof,
  checkRevocation,
  checkTrust,
  checkValidity,
  fetchObject,
  isHttpUrl,
  type Ob2State,
  type Ob2VerifyDeps,
  readDate,
} from './ob2-checks.ts';
import { OB2_CONTEXT_URL, readOb2Assertion } from './read-assertion.ts';

export type { Ob2VerifyDeps } from './ob2-checks.ts';

/** Loads the hosted copy, the badge class and the issuer profile, recording what failed. */
async function hydrate(state: Ob2State, deps: Ob2VerifyDeps): Promise<void> {
  const id = state.read.assertion.id;
  if (state.read.verificationType === 'hosted') {
    if (!isHttpUrl(id)) {
      state.hosted = { error: 'a hosted assertion must have an https id' };
    } else {
      try {
        state.hosted = { copy: await fetchObject(deps, id, 'the hosted assertion') };
        state.assertion = state.hosted.copy as JsonObject;
      } catch (error) {
        const detail = describeError(error);
        state.hosted = { error: detail, gone: /HTTP 410/.test(detail) };
      }
    }
  }
  const badge = state.assertion.badge;
  try {
    state.badge = isObject(badge)
      ? badge
      : isHttpUrl(badge)
        ? await fetchObject(deps, badge, 'the badge class')
        : undefined;
    const issuer = state.badge?.issuer;
    state.issuer = isObject(issuer)
      ? issuer
      : isHttpUrl(issuer)
        ? await fetchObject(deps, issuer, 'the issuer profile')
        : undefined;
  } catch (error) {
    state.problems.push(describeError(error));
  }
}

export function ob2DisplayCredential(
  assertion: JsonObject,
  badge?: JsonObject,
  issuer?: JsonObject,
): Credential {
  const pick = (object: JsonObject | undefined, keys: string[]): JsonObject =>
    Object.fromEntries(
      keys.filter((key) => object?.[key] !== undefined).map((key) => [key, object?.[key]]),
    );
  const date = (value: JsonValue | undefined) => {
    const parsed = readDate(value);
    return parsed instanceof Date ? parsed.toISOString() : undefined;
  };
  return {
    '@context': [OB2_CONTEXT_URL],
    type: ['Assertion'],
    ...pick(assertion, ['id', 'evidence', 'narrative']),
    issuer: issuer
      ? pick(issuer, ['id', 'name', 'url', 'email', 'image'])
      : (idOf(badge?.issuer) ?? ''),
    ...(typeof badge?.name === 'string' ? { name: badge.name } : {}),
    credentialSubject: {
      achievement: pick(badge, [
        'id',
        'name',
        'description',
        'image',
        'criteria',
        'alignment',
        'tags',
      ]),
    },
    validFrom: date(assertion.issuedOn),
    validUntil: date(assertion.expires),
  };
}

async function stage(
  check: CheckName,
  run: () => CheckResult | Promise<CheckResult>,
): Promise<CheckResult> {
  try {
    return await run();
  } catch (error) {
    return {
      check,
      outcome: 'failed',
      message: 'This check could not be completed.',
      detail: describeError(error),
    };
  }
}

/**
 * Verifies an Open Badges 2.0 assertion given as JSON (object or text; hosted) or as a compact
 * JWS (signed). `credential` in the result is an OB 3.0-shaped display view of the assertion,
 * badge class and issuer. `verified` is true iff no check failed. Never throws on bad input.
 */
export async function verifyOb2Assertion(
  input: unknown,
  deps: Ob2VerifyDeps,
): Promise<VerificationResult> {
  const read = readOb2Assertion(input);
  const format = checkFormat(read);
  if (!read || format.outcome === 'failed') {
    const skipped = (['proof', 'issuer-key', 'validity', 'status', 'schema', 'trust'] as const).map(
      (check): CheckResult => ({
        check,
        outcome: 'skipped',
        message: 'Not checked because the badge could not be read.',
      }),
    );
    return { verified: false, checks: [format, ...skipped] };
  }
  const state: Ob2State = { read, assertion: read.assertion, problems: [] };
  await hydrate(state, deps);
  const now = (deps.now ?? (() => new Date()))();
  const checks = [
    format,
    await stage('proof', () => checkProof(state, deps)),
    await stage('issuer-key', () => checkIssuer(state)),
    await stage('validity', () => checkValidity(state, now)),
    await stage('status', () => checkRevocation(state, deps)),
    {
      check: 'schema',
      outcome: 'skipped',
      message: 'Open Badges 2.0 badges have no schema to check.',
    } satisfies CheckResult,
    await stage('trust', () => checkTrust(state, deps.issuerTrust)),
  ];
  return {
    verified: checks.every((c) => c.outcome !== 'failed'),
    credential: ob2DisplayCredential(state.assertion, state.badge, state.issuer),
    checks,
  };
}
