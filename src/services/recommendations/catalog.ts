/**
 * The recommendation catalog: every active achievement of every organization with its skills,
 * workload, price and prerequisites, and the skill → achievements index. Built once per process
 * and database and reused until `catalogStamp` changes (a trigger-maintained counter bumped by any
 * change to achievements, offers, criteria, pathways, competencies or associations, from any
 * process), so a recommendation costs one primary-key read instead of a full load.
 */
import type { Db } from '../../db/client.ts';
import {
  catalogStamp,
  listActivePathwayStacks,
  listCatalogAchievements,
  listCatalogSkills,
} from '../../db/repositories/recommendations.ts';
import { type CatalogEntry, workloadOf } from '../../domain/recommendations/catalog.ts';
import type { Stack } from '../../domain/recommendations/order.ts';

export type Catalog = {
  entries: ReadonlyMap<string, CatalogEntry>;
  skillIndex: ReadonlyMap<string, readonly string[]>;
  stacks: readonly Stack[];
};

const cache = new WeakMap<Db, { stamp: string; catalog: Promise<Catalog> }>();

export async function loadCatalog(db: Db): Promise<Catalog> {
  const stamp = await catalogStamp(db);
  const cached = cache.get(db);
  if (cached?.stamp === stamp) return cached.catalog;
  const catalog = buildCatalog(db);
  cache.set(db, { stamp, catalog });
  catalog.catch(() => cache.delete(db));
  return catalog;
}

function achievementLeaves(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const n = node as { kind?: string; achievementId?: string; of?: unknown[] };
  if (n.kind === 'achievement' && n.achievementId) return [n.achievementId];
  return (n.of ?? []).flatMap(achievementLeaves);
}

async function buildCatalog(db: Db): Promise<Catalog> {
  const [rows, skills, pathways] = await Promise.all([
    listCatalogAchievements(db),
    listCatalogSkills(db),
    listActivePathwayStacks(db),
  ]);
  const skillsOf = new Map<string, string[]>();
  const skillIndex = new Map<string, string[]>();
  for (const { achievementId, competencyId } of skills) {
    const own = skillsOf.get(achievementId);
    if (own) own.push(competencyId);
    else skillsOf.set(achievementId, [competencyId]);
    const index = skillIndex.get(competencyId);
    if (index) index.push(achievementId);
    else skillIndex.set(competencyId, [achievementId]);
  }
  const entries = new Map<string, CatalogEntry>();
  for (const row of rows)
    entries.set(row.id, {
      id: row.id,
      name: row.name,
      organizationId: row.organizationId,
      issuerName: row.issuerName,
      skills: skillsOf.get(row.id) ?? [],
      workloadHours: workloadOf({
        creditsAvailable: row.creditsAvailable ?? undefined,
        euElements: { notionalWorkloadHours: row.workloadHours ?? undefined },
      }),
      price:
        row.priceAmount !== null && row.priceCurrency
          ? { amount: Number(row.priceAmount), currency: row.priceCurrency }
          : null,
      prerequisiteIds: row.prerequisiteIds ?? [],
    });
  return {
    entries,
    skillIndex,
    stacks: pathways.map((p) => ({
      pathwayTitle: p.title,
      achievementId: p.achievementId,
      memberIds: achievementLeaves(p.requirement),
    })),
  };
}
