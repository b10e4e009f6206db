/**
 * Pathway progress and completion. `evaluatePathwaysForLearner` runs when a learner receives a
 * credential here, imports one, or opens a pathway map: every met pathway not yet completed is
 * completed once (advisory lock per pathway and learner, then the completion row's primary key)
 * and its own credential issued, with the component credentials as OB3 `evidence`.
 */
import type { Db } from '../../db/client.ts';
import { advisoryXactLock, primaryEmailOf } from '../../db/repositories/competency-evidence.ts';
import { findCompetencies } from '../../db/repositories/learning-assessments.ts';
import {
  accountOfEmail,
  findAchievementsByIds,
  insertCompletionOnce,
  listActivePathways,
  type PathwayRow,
  setCompletionCredential,
} from '../../db/repositories/pathways.ts';
import type { AchievementInput } from '../../domain/achievement.ts';
import { NotAuthenticatedError } from '../../domain/errors.ts';
import {
  type Catalog,
  type CountedCredential,
  type Evaluation,
  evaluateRequirement,
} from '../../domain/pathways/evaluate.ts';
import type { Requirement } from '../../domain/pathways/requirement.ts';
import type { Actor } from '../../domain/policy.ts';
import { awardAchievement } from '../achievements.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { enqueueNotification } from '../notifications/outbox.ts';
import { holdingsFor, type LearnerBase, loadLearnerBase } from './holdings.ts';
import {
  achievementIdsOf,
  competencyIdsOf,
  type ExternalCounted,
  requirePathway,
} from './manage.ts';

/** The platform operator, acting for the organization whose pathway was completed. */
const platformActor: Actor = { kind: 'admin-token' };

type Loaded = {
  pathways: PathwayRow[];
  base: LearnerBase;
  catalog: Catalog;
  achievements: Map<string, { id: string; organizationId: string; definition: unknown }>;
  competencyIds: string[];
};

function workloadOf(row: { name: string; definition: unknown }) {
  const definition = row.definition as AchievementInput;
  return {
    name: row.name,
    ...(definition.creditsAvailable !== undefined ? { ects: definition.creditsAvailable } : {}),
    ...(definition.euElements?.notionalWorkloadHours !== undefined
      ? { hours: definition.euElements.notionalWorkloadHours }
      : {}),
  };
}

async function load(
  db: Db,
  ctx: ServiceContext,
  accountId: string,
  pathways: PathwayRow[],
): Promise<Loaded> {
  const trees = pathways.map((p) => p.requirement as Requirement);
  const achievementIds = [
    ...new Set([...trees.flatMap(achievementIdsOf), ...pathways.map((p) => p.achievementId)]),
  ];
  const competencyIds = [...new Set(trees.flatMap(competencyIdsOf))];
  const [achievementRows, competencyRows, base] = await Promise.all([
    findAchievementsByIds(db, achievementIds),
    findCompetencies(db, competencyIds),
    loadLearnerBase(db, ctx.publicUrl, accountId, competencyIds, ctx.now()),
  ]);
  const achievements = new Map(achievementRows.map((a) => [a.id, a]));
  const competencies = new Map(competencyRows.map((c) => [c.id, c]));
  const byId = new Map(pathways.map((p) => [p.id, p]));
  const catalog: Catalog = {
    achievement: (id) => {
      const row = achievements.get(id);
      return row ? workloadOf(row) : undefined;
    },
    competency: (id) => {
      const row = competencies.get(id);
      return row ? { name: row.statement } : undefined;
    },
    pathway: (id) => {
      const row = byId.get(id);
      if (!row) return undefined;
      const credential = achievements.get(row.achievementId);
      return { ...(credential ? workloadOf(credential) : {}), name: row.title };
    },
  };
  return { pathways, base, catalog, achievements, competencyIds };
}

async function evaluateOne(db: Db, loaded: Loaded, pathway: PathwayRow): Promise<Evaluation> {
  const tree = pathway.requirement as Requirement;
  const candidates = achievementIdsOf(tree).flatMap((id) => loaded.achievements.get(id) ?? []);
  const holdings = await holdingsFor(
    db,
    loaded.base,
    pathway.organizationId,
    candidates,
    competencyIdsOf(tree),
  );
  return evaluateRequirement(tree, holdings, loaded.catalog);
}

function externalCounted(counted: CountedCredential[]): ExternalCounted[] {
  return counted.flatMap((c) =>
    c.external
      ? [
          {
            ...(c.walletCredentialId ? { walletCredentialId: c.walletCredentialId } : {}),
            ...(c.credentialUrl ? { credentialUrl: c.credentialUrl } : {}),
            issuerId: c.external.issuerId,
            ...(c.external.achievementId ? { achievementId: c.external.achievementId } : {}),
            ...(c.achievementName ? { achievementName: c.achievementName } : {}),
            ...(c.external.rule ? { rule: c.external.rule } : {}),
          },
        ]
      : [],
  );
}

/** Completes the pathway for the learner once and issues its credential; false if already done. */
async function complete(
  ctx: ServiceContext,
  pathway: PathwayRow,
  accountId: string,
  evaluation: Evaluation,
): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    await advisoryXactLock(tx, `pathway:${pathway.id}:${accountId}`);
    const email = await primaryEmailOf(tx, accountId);
    if (!email) return false;
    const now = ctx.now();
    const inserted = await insertCompletionOnce(tx, {
      pathwayId: pathway.id,
      accountId,
      countedExternal: externalCounted(evaluation.counted),
      completedAt: now,
    });
    if (!inserted) return false;
    const credential = await awardAchievement(
      { ...ctx, db: tx },
      platformActor,
      pathway.achievementId,
      {
        recipient: { email },
        narrative: `Awarded automatically on completing the pathway ${pathway.title}.`,
        // OB 3.0 Evidence: each component credential by its URL (`id` is a URI).
        evidence: evaluation.counted.map((c) => ({
          ...(c.credentialUrl ? { id: c.credentialUrl } : {}),
          name: c.achievementName ?? 'Component credential',
          narrative: c.external
            ? `Recognized prior learning from ${c.external.issuerId}.`
            : 'Component credential of this pathway.',
        })),
      },
    );
    await setCompletionCredential(tx, pathway.id, accountId, credential.id);
    await recordAudit(tx, platformActor, 'pathway.completed', {
      organizationId: pathway.organizationId,
      target: credential.id,
      detail: { pathwayId: pathway.id, accountId },
    });
    await enqueueNotification(tx, now, {
      accountId,
      email,
      kind: 'credential-awarded',
      subject: `You completed ${pathway.title}`,
      body: `Congratulations! You met every requirement of ${pathway.title}, and its credential has been issued.`,
      link: `${ctx.publicUrl}/credentials/${credential.id}`,
    });
    return true;
  });
}

/**
 * Completes every pathway the learner now meets (repeating while a completion unlocks a pathway
 * that nests it). Failures are logged, never thrown: the next credential checks again.
 */
export async function evaluatePathwaysForLearner(
  ctx: ServiceContext,
  accountId: string,
): Promise<string[]> {
  const completed: string[] = [];
  try {
    const pathways = await listActivePathways(ctx.db);
    if (pathways.length === 0) return completed;
    for (let round = 0; round < 8; round++) {
      const loaded = await load(ctx.db, ctx, accountId, pathways);
      let progressed = false;
      for (const pathway of pathways) {
        if (loaded.base.completedPathways.has(pathway.id)) continue;
        const evaluation = await evaluateOne(ctx.db, loaded, pathway);
        if (!evaluation.met) continue;
        if (await complete(ctx, pathway, accountId, evaluation)) {
          completed.push(pathway.id);
          progressed = true;
        }
      }
      if (!progressed) break;
    }
  } catch (error) {
    ctx.logger.error(
      { err: error, accountId },
      'pathway evaluation failed; the next credential checks again',
    );
  }
  return completed;
}

export type PathwayMap = Evaluation & {
  pathway: { id: string; title: string; description: string; achievementId: string };
  completion: { credentialUrl?: string } | null;
};

/** A learner's map of one pathway, after completing whatever they now meet. */
export async function getPathwayMap(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<PathwayMap> {
  if (actor.kind !== 'account') throw new NotAuthenticatedError('Sign in to see your progress.');
  const pathway = await requirePathway(ctx, id);
  await evaluatePathwaysForLearner(ctx, actor.accountId);
  const nested = await listActivePathways(ctx.db);
  const loaded = await load(
    ctx.db,
    ctx,
    actor.accountId,
    nested.some((p) => p.id === id) ? nested : [...nested, pathway],
  );
  const evaluation = await evaluateOne(ctx.db, loaded, pathway);
  const done = loaded.base.completedPathways.get(pathway.id);
  return {
    ...evaluation,
    pathway: {
      id: pathway.id,
      title: pathway.title,
      description: pathway.description,
      achievementId: pathway.achievementId,
    },
    completion: done
      ? {
          ...(done.credentialUrl ? { credentialUrl: done.credentialUrl } : {}),
        }
      : null,
  };
}

/** Runs `evaluatePathwaysForLearner` for the account a credential was issued to, if any. */
export async function evaluatePathwaysOfRecipient(ctx: ServiceContext, email: string) {
  const accountId = await accountOfEmail(ctx.db, email);
  if (accountId) await evaluatePathwaysForLearner(ctx, accountId);
}
