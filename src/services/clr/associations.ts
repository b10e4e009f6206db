/**
 * CLR 2.0 associations (§B.1.3) between the achievements of a record: the ones asked for, and
 * those a pathway implies (the pathway's achievement isParentOf each achievement leaf of its
 * requirement tree that is also in the record, and each such leaf isChildOf it).
 */
import type { ClrAssociation } from '../../credentials/index.ts';
import { listPathwaysCertifying } from '../../db/repositories/clr-associations.ts';
import { ValidationError } from '../../domain/errors.ts';
import { achievementUrl } from '../achievements.ts';
import type { ServiceContext } from '../context.ts';

/** The achievement ids (UUIDs) named by `{ kind: 'achievement', achievementId }` leaves. */
export function achievementLeavesOf(requirement: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const child of node) walk(child);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.kind === 'achievement' && typeof record.achievementId === 'string')
        found.push(record.achievementId);
      for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
    }
  };
  walk(requirement);
  return found;
}

/** Our achievement UUID from its public URL, if it is one of ours. */
function ourAchievementUuid(publicUrl: string, id: string): string | undefined {
  const prefix = `${publicUrl}/achievements/`;
  const rest = id.startsWith(prefix) ? id.slice(prefix.length) : '';
  return /^[0-9a-f-]{36}$/.test(rest) ? rest : undefined;
}

/** Explicit associations plus those derived from pathways, each pair once. */
export async function associationsFor(
  ctx: Pick<ServiceContext, 'db' | 'publicUrl'>,
  achievementIds: string[],
  explicit: ClrAssociation[] = [],
): Promise<ClrAssociation[]> {
  const inRecord = new Set(achievementIds);
  for (const association of explicit) {
    for (const id of [association.sourceId, association.targetId])
      if (!inRecord.has(id))
        throw new ValidationError(
          `The association refers to ${id}, which is not an achievement of the chosen credentials.`,
          [{ field: 'associations', message: `${id} is not in the record` }],
        );
  }
  const uuids = achievementIds
    .map((id) => ourAchievementUuid(ctx.publicUrl, id))
    .filter((id): id is string => id !== undefined);
  const derived: ClrAssociation[] = [];
  for (const pathway of await listPathwaysCertifying(ctx.db, uuids)) {
    const parent = achievementUrl(ctx.publicUrl, pathway.achievementId);
    for (const leaf of achievementLeavesOf(pathway.requirement)) {
      const child = achievementUrl(ctx.publicUrl, leaf);
      if (!inRecord.has(child) || child === parent) continue;
      derived.push({ associationType: 'isParentOf', sourceId: parent, targetId: child });
      derived.push({ associationType: 'isChildOf', sourceId: child, targetId: parent });
    }
  }
  const seen = new Set<string>();
  return [...explicit, ...derived].filter((a) => {
    const key = `${a.associationType} ${a.sourceId} ${a.targetId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
