import { and, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { pathways } from '../schema.ts';

/** The active pathways whose own credential certifies one of these achievements. */
export async function listPathwaysCertifying(
  db: Db,
  achievementIds: string[],
): Promise<Array<{ achievementId: string; requirement: unknown }>> {
  if (achievementIds.length === 0) return [];
  return db
    .select({ achievementId: pathways.achievementId, requirement: pathways.requirement })
    .from(pathways)
    .where(and(inArray(pathways.achievementId, achievementIds), isNull(pathways.archivedAt)));
}
