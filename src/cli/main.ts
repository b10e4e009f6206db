import { Command } from 'commander';
import { registerAdminCommands } from './commands/admin.ts';
import { registerAwardCommand } from './commands/award.ts';
import { registerCredentialCommands } from './commands/credentials.ts';
import { registerImportCommands } from './commands/import.ts';
import { registerLogCommands } from './commands/log.ts';
import { registerMigrateCommand } from './commands/migrate.ts';
import { registerStartCommand } from './commands/start.ts';
import { runCommand } from './run-command.ts';

/** `skillmark`: the platform's command line. Every command has --help. */
export function buildProgram(): Command {
  const program = new Command('skillmark')
    .description('Skillmark: micro-credentials and competency-based learning (Open Badges 3.0)')
    .version('0.1.0')
    .showHelpAfterError();
  registerStartCommand(program);
  registerMigrateCommand(program);
  registerAdminCommands(program);
  registerCredentialCommands(program);
  registerAwardCommand(program);
  registerImportCommands(program);
  registerLogCommands(program);
  return program;
}

export function main(argv: string[] = process.argv): Promise<void> {
  return runCommand(() => buildProgram().parseAsync(argv));
}

if (import.meta.main) await main();
