import type { ServiceContext } from '../context.ts';
import { produceTreeHead } from './tree-heads.ts';

/** How often `skillmark start` signs a head when the log has grown (the log's publication delay). */
export const TREE_HEAD_INTERVAL_MS = 60_000;

/**
 * Signs a tree head every `intervalMs` when the log has grown since the last one. Several app
 * servers may run it: a head per size is stored once, the others read it back. Returns stop().
 */
export function startTreeHeadSigner(ctx: ServiceContext, intervalMs: number): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await produceTreeHead(ctx, { whenGrown: true });
      if (result?.created)
        ctx.logger.info({ treeSize: result.head.treeSize }, 'transparency tree head signed');
    } catch (error) {
      ctx.logger.error({ err: error }, 'signing a transparency tree head failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
