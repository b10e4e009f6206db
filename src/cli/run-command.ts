import { ConfigError } from '../config.ts';
import { DatabaseInUseError } from '../db/client.ts';
import { SkillmarkError } from '../domain/errors.ts';

/** Expected failures print one clear line and exit 1; anything else is a bug and shows its stack. */
export async function runCommand(command: () => Promise<unknown>): Promise<void> {
  try {
    await command();
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof DatabaseInUseError ||
      error instanceof SkillmarkError
    ) {
      process.stderr.write(`skillmark: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
