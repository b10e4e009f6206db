/**
 * "Verify anything" (issue 8 item 1): read what a verifier gave (read-source.ts), verify it with
 * the platform's one verifier (or the OB 2.0 one), record a `verified` event for credentials
 * issued here, and word the result as a report (report.ts). Open to anyone: verifying reveals
 * nothing the credential's holder did not already hand over.
 */
import type {
  PresentationVerificationResult,
  PresentationVerifyOptions,
  SafeFetch,
  VerificationResult,
} from '../../credentials/index.ts';
import { VERIFICATION_LIMITS } from '../../credentials/index.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { recordCredentialEvent } from '../credential-events/record.ts';
import { createOb2Verifier } from '../wallet/import-ob2.ts';
import {
  createVerifyFetch,
  type ReadInput,
  readVerifySource,
  type VerifySource,
} from './read-source.ts';
import { credentialReport, presentationReport, type VerificationReport } from './report.ts';

/** The platform's verifiers, as the AppContext carries them. */
export type VerifyingContext = ServiceContext & {
  verifyCredential: (input: unknown) => Promise<VerificationResult>;
  verifyPresentation: (
    input: unknown,
    options?: PresentationVerifyOptions,
  ) => Promise<PresentationVerificationResult>;
};

/** Where a verification came from; recorded with the event for issuer analytics. */
export type VerifyChannel = 'verify-page' | 'verify-api' | 'vc-api';

export type VerifyOutcome = { input: ReadInput; report: VerificationReport };

const ISSUED_HERE =
  /^\/credentials\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The id of the credential issued here that `result` is, if its own id says so. */
function issuedHereId(ctx: ServiceContext, result: VerificationResult): string | undefined {
  const id = result.credential?.id;
  if (typeof id !== 'string' || !id.startsWith(`${ctx.publicUrl}/credentials/`)) return undefined;
  return ISSUED_HERE.exec(id.slice(ctx.publicUrl.length))?.[1];
}

/**
 * Records that a credential issued here was verified through a public channel. Only when its
 * signature checked out: a tampered copy that reuses the id is not the issuer's credential.
 * Internal re-verifications (wallet, sharing pages) never call this.
 */
export async function recordPublicVerification(
  ctx: ServiceContext,
  result: VerificationResult,
  channel: VerifyChannel,
): Promise<void> {
  const issuedCredentialId = issuedHereId(ctx, result);
  if (!issuedCredentialId) return;
  if (result.checks.find((check) => check.check === 'proof')?.outcome !== 'passed') return;
  await recordCredentialEvent(ctx.db, {
    type: 'verified',
    issuedCredentialId,
    occurredAt: ctx.now(),
    detail: { via: channel, verified: result.verified },
  });
}

async function verifyRead(
  ctx: VerifyingContext,
  input: ReadInput,
  channel: VerifyChannel | undefined,
  safeFetch: SafeFetch,
): Promise<VerificationReport> {
  const meta = {
    kind: input.kind,
    receivedAs: input.receivedAs,
    checkedAt: ctx.now().toISOString(),
    verifier: ctx.publicUrl,
  };
  if (input.kind === 'presentation') {
    const presentation = JSON.parse(input.content) as { verifiableCredential?: unknown };
    const count = Array.isArray(presentation.verifiableCredential)
      ? presentation.verifiableCredential.length
      : 1;
    if (count > VERIFICATION_LIMITS.maxPresentationCredentials)
      throw new ValidationError(
        `This presentation holds ${count} credentials; at most ${VERIFICATION_LIMITS.maxPresentationCredentials} are verified at once.`,
        [{ field: 'document', message: 'holds too many credentials' }],
      );
    const result = await ctx.verifyPresentation(presentation);
    if (channel)
      for (const entry of result.credentials) await recordPublicVerification(ctx, entry, channel);
    return { ...presentationReport(result), ...meta };
  }
  const verify =
    input.receivedAs === 'ob2' ? createOb2Verifier(ctx, { safeFetch }) : ctx.verifyCredential;
  const result = await verify(input.content);
  if (channel) await recordPublicVerification(ctx, result, channel);
  return { ...credentialReport(result, input.content), ...meta };
}

/**
 * Verifies a credential or presentation given as a document, pasted text, a file (baked PNG or
 * SVG included) or a URL. Input that is no credential is a 400, oversized input a 413; a
 * credential that fails verification is a report saying exactly what failed.
 */
export async function verifyAnything(
  ctx: VerifyingContext,
  source: VerifySource,
  channel: VerifyChannel,
  /** `record: false` for a report download of what was just verified (counted once). */
  options: { safeFetch?: SafeFetch; record?: boolean } = {},
): Promise<VerifyOutcome> {
  const safeFetch = options.safeFetch ?? createVerifyFetch();
  const input = await readVerifySource(ctx, source, safeFetch);
  const recordAs = options.record === false ? undefined : channel;
  return { input, report: await verifyRead(ctx, input, recordAs, safeFetch) };
}
