/**
 * Stage: does the credential follow its standard's JSON Schema (OB 3.0 §B.1)?
 */
import { describeError } from '../json-helpers.ts';
import type { CheckResult, SchemaValidator, VerificationState } from '../verification-types.ts';

/** Runs the injected validator; credentials without an applicable schema are skipped. */
export async function checkSchema(
  state: VerificationState,
  validate: SchemaValidator,
): Promise<CheckResult> {
  try {
    const result = await validate(state.credential);
    if (!result) {
      return {
        check: 'schema',
        outcome: 'skipped',
        message: 'No schema applies to this type of credential.',
      };
    }
    if (result.valid) {
      return {
        check: 'schema',
        outcome: 'passed',
        message: 'The credential follows the Open Badges 3.0 structure.',
        detail: result.schema,
      };
    }
    return {
      check: 'schema',
      outcome: 'failed',
      message: 'The credential does not follow the Open Badges 3.0 structure.',
      detail: `${result.schema}: ${result.errors.slice(0, 10).join('; ')}`,
    };
  } catch (error) {
    return {
      check: 'schema',
      outcome: 'failed',
      message: 'The credential’s structure could not be checked.',
      detail: describeError(error),
    };
  }
}
