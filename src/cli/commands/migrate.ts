import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { createAppContext } from '../../context.ts';

export function registerMigrateCommand(program: Command) {
  program
    .command('migrate')
    .description('Apply pending database migrations (start does this too) and exit')
    .action(async () => {
      const ctx = await createAppContext(loadConfig());
      await ctx.close();
      process.stdout.write(
        `Database is up to date (${ctx.database.kind === 'postgres' ? 'PostgreSQL' : `embedded, ${ctx.config.dataDir}`}).\n`,
      );
    });
}
