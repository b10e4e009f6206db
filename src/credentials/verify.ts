/**
 * Credential verification as a pipeline of small stages (format → key resolution →
 * proof → issuer-key → validity → status → schema → trust → transparency), each returning a
 * result. The suite, loader, resolver and clock are injected; bad input never throws.
 */
import { checkFormat } from './checks/check-format.ts';
import { checkIssuerKey } from './checks/check-issuer-key.ts';
import { checkProof } from './checks/check-proof.ts';
import { checkSchema } from './checks/check-schema.ts';
import { checkStatus } from './checks/check-status.ts';
import { checkTransparency } from './checks/check-transparency.ts';
import { checkTrust } from './checks/check-trust.ts';
import { checkValidity } from './checks/check-validity.ts';
import { resolveKeys } from './checks/resolve-keys.ts';
import { defaultDocumentLoader } from './document-loader.ts';
import { describeError } from './json-helpers.ts';
import { defaultSchemaValidator } from './schema-validator.ts';
import { createVerificationMethodResolver } from './verification-method-resolver.ts';
import {
  CHECK_NAMES,
  type CheckName,
  type CheckResult,
  type VerificationResult,
  type VerificationState,
  type VerifyDeps,
} from './verification-types.ts';

/** Options of {@link verifyCredential}. */
export interface VerifyOptions {
  /** Run only these checks (the others are omitted from the result). Default: all. */
  checks?: readonly CheckName[];
}

const STATUS_LIST_CHECKS: readonly CheckName[] = ['format', 'proof', 'issuer-key', 'validity'];

let defaultResolver: ReturnType<typeof createVerificationMethodResolver> | undefined;

async function runCheck(
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

async function runStages(
  state: VerificationState,
  deps: VerifyDeps,
  wanted: Set<CheckName>,
): Promise<CheckResult[]> {
  const documentLoader = deps.documentLoader ?? defaultDocumentLoader();
  const now = (deps.now ?? (() => new Date()))();
  const stages: Record<Exclude<CheckName, 'format'>, () => CheckResult | Promise<CheckResult>> = {
    proof: () => checkProof(state, documentLoader),
    'issuer-key': () => checkIssuerKey(state),
    validity: () => checkValidity(state, now),
    status: () =>
      checkStatus(state, {
        fetchStatusList: deps.fetchStatusList,
        // A status list is itself a credential: verify it, without recursing into its own status.
        verifyStatusListCredential: (input) =>
          verifyCredential(input, deps, { checks: STATUS_LIST_CHECKS }),
      }),
    schema: () => checkSchema(state, deps.validateSchema ?? defaultSchemaValidator),
    trust: () => checkTrust(state, deps.issuerTrust),
    transparency: () => checkTransparency(state, deps.transparency),
  };
  const results: CheckResult[] = [];
  for (const check of CHECK_NAMES) {
    if (check === 'format' || !wanted.has(check)) continue;
    results.push(await runCheck(check, stages[check]));
  }
  return results;
}

/**
 * Verifies a credential given as a JSON object, JSON text or compact JWT.
 * `verified` is true iff no check failed; warnings (e.g. an unknown issuer) do not
 * fail it. Never throws on bad input.
 */
export async function verifyCredential(
  input: unknown,
  deps: VerifyDeps = {},
  options: VerifyOptions = {},
): Promise<VerificationResult> {
  const wanted = new Set(options.checks ?? CHECK_NAMES);
  try {
    const format = checkFormat(input);
    if (!format.ok) {
      const skipped = CHECK_NAMES.filter((c) => c !== 'format' && wanted.has(c)).map(
        (check): CheckResult => ({
          check,
          outcome: 'skipped',
          message: 'Not checked because the credential could not be read.',
        }),
      );
      return {
        verified: false,
        credential: format.credential,
        checks: [format.result, ...skipped],
      };
    }
    defaultResolver ??= createVerificationMethodResolver();
    const keys = await resolveKeys(
      format.securing,
      format.issuerId,
      deps.resolveVerificationMethod ?? defaultResolver,
    );
    const state: VerificationState = {
      credential: format.credential,
      issuerId: format.issuerId,
      securing: format.securing,
      keys,
    };
    const checks = [format.result, ...(await runStages(state, deps, wanted))];
    return {
      verified: checks.every((c) => c.outcome !== 'failed'),
      credential: format.credential,
      checks,
    };
  } catch (error) {
    return {
      verified: false,
      checks: [
        {
          check: 'format',
          outcome: 'failed',
          message: 'The credential could not be verified.',
          detail: describeError(error),
        },
      ],
    };
  }
}
