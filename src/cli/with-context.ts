import { loadConfig } from '../config.ts';
import { type AppContext, createAppContext } from '../context.ts';

/** Runs a command with the app context (quiet logs), closing the database afterwards. */
export async function withContext<T>(run: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const ctx = await createAppContext({ ...config, logLevel: 'warn' });
  try {
    return await run(ctx);
  } finally {
    await ctx.close();
  }
}
