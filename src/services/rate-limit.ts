import { countHit } from '../db/repositories/rate-limits.ts';
import { RateLimitedError } from '../domain/errors.ts';
import type { ServiceContext } from './context.ts';

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

/** Throws once `subject` has used up `rule.limit` attempts in the current window. */
export async function consumeRateLimit(
  ctx: ServiceContext,
  rule: RateLimitRule,
  subject: string,
): Promise<void> {
  const windowMs = rule.windowSeconds * 1000;
  const now = ctx.now().getTime();
  const windowStart = now - (now % windowMs);
  const hits = await countHit(ctx.db, `${rule.name}:${subject}`, new Date(windowStart));
  if (hits > rule.limit) {
    throw new RateLimitedError(Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)));
  }
}
