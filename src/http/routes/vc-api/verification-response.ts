import { z } from '@hono/zod-openapi';
import type { VerificationResult } from '../../../credentials/index.ts';

export const checkResultSchema = z
  .object({
    check: z.string(),
    outcome: z.enum(['passed', 'failed', 'warning', 'skipped']),
    message: z.string().openapi({ description: 'Plain language, for people' }),
    detail: z.string().optional().openapi({ description: 'Technical detail' }),
  })
  .openapi('CheckResult');

export const verificationResponseSchema = z
  .object({
    verified: z.boolean(),
    checks: z.array(z.string()).openapi({ description: 'The checks that passed (VC API)' }),
    warnings: z.array(checkResultSchema),
    errors: z.array(checkResultSchema),
    results: z
      .array(checkResultSchema)
      .openapi({ description: 'Every check in order, with its outcome' }),
  })
  .openapi('VerificationResponse');

/** VC API shape (checks / warnings / errors) plus every check's result in order. */
export function presentVerification(result: VerificationResult) {
  return {
    verified: result.verified,
    checks: result.checks.filter((check) => check.outcome === 'passed').map((check) => check.check),
    warnings: result.checks.filter((check) => check.outcome === 'warning'),
    errors: result.checks.filter((check) => check.outcome === 'failed'),
    results: result.checks,
  };
}
