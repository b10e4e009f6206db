/** Quizzes and their item banks, managed by the organization's owners and issuers. */
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import {
  type AssessmentRow,
  addAssessmentCompetency,
  findAssessment,
  findCompetencies,
  insertAssessment,
  listAssessmentCompetencies,
  listAssessmentsOfOrganization,
  listCompetenciesOfOrganization,
} from '../../db/repositories/learning-assessments.ts';
import { findOrganizationById } from '../../db/repositories/organizations.ts';
import {
  deleteQuizItem,
  insertQuizItem,
  listQuizItems,
  type QuizItemRow,
  updateQuizItem,
} from '../../db/repositories/quizzes.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import {
  type QuizItemInput,
  type QuizSettings,
  quizSettingsSchema,
  type StoredQuizItem,
  toStoredItem,
} from '../../domain/learning/quiz.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { getOrganization } from '../organizations.ts';

export const quizInputSchema = z.strictObject({
  kind: z.literal('quiz', { error: "kind must be 'quiz' (projects are created under /projects)" }),
  title: z.string().trim().min(1, 'title must not be empty').max(200),
  instructions: z.string().trim().max(20_000).default(''),
  competencyIds: z
    .array(z.uuid({ error: 'competencyIds must list competency ids (UUID)' }))
    .max(100)
    .default([]),
  settings: quizSettingsSchema,
});
export type QuizInput = z.infer<typeof quizInputSchema>;

export type AssessmentView = {
  id: string;
  organization: { slug: string; name: string };
  kind: string;
  title: string;
  instructions: string;
  settings: Record<string, unknown>;
  competencies: Array<{ id: string; statement: string; code: string | null }>;
  createdAt: string;
};

const isUuid = (id: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export async function requireAssessment(db: Db, id: string): Promise<AssessmentRow> {
  const row = isUuid(id) ? await findAssessment(db, id) : undefined;
  if (!row) throw new NotFoundError('There is no assessment with this id.');
  return row;
}

export async function requireQuiz(db: Db, id: string): Promise<AssessmentRow> {
  const row = await requireAssessment(db, id);
  if (row.kind !== 'quiz') throw new NotFoundError('This assessment is not a quiz.');
  return row;
}

export function quizSettingsOf(row: AssessmentRow): QuizSettings {
  return quizSettingsSchema.parse(row.settings);
}

/** Assessments as anyone may see them: what they measure and their rules, never items. */
export async function presentAssessments(
  ctx: ServiceContext,
  rows: readonly AssessmentRow[],
): Promise<AssessmentView[]> {
  const competencies = await listAssessmentCompetencies(
    ctx.db,
    rows.map((r) => r.id),
  );
  const organizations = new Map<string, { slug: string; name: string }>();
  for (const id of new Set(rows.map((r) => r.organizationId))) {
    const organization = await findOrganizationById(ctx.db, id);
    organizations.set(id, { slug: organization!.slug, name: organization!.name });
  }
  return rows.map((row) => ({
    id: row.id,
    organization: organizations.get(row.organizationId)!,
    kind: row.kind,
    title: row.title,
    instructions: row.instructions,
    settings: row.settings as Record<string, unknown>,
    competencies: competencies
      .filter((c) => c.assessmentId === row.id)
      .map((c) => ({ id: c.competencyId, statement: c.statement, code: c.code })),
    createdAt: row.createdAt.toISOString(),
  }));
}

export async function getAssessment(ctx: ServiceContext, id: string): Promise<AssessmentView> {
  const [view] = await presentAssessments(ctx, [await requireAssessment(ctx.db, id)]);
  return view!;
}

export async function listAssessments(ctx: ServiceContext, slug: string) {
  const organization = await getOrganization(ctx, slug);
  return presentAssessments(ctx, await listAssessmentsOfOrganization(ctx.db, organization.id));
}

function manage(actor: Actor, organizationId: string, refusal: string) {
  authorize(actor, { action: 'achievement:manage', organizationId }, refusal);
}

async function checkCompetencies(db: Db, ids: readonly string[], field: string) {
  const found = new Set((await findCompetencies(db, ids)).map((c) => c.id));
  const problems = ids
    .map((id, index) => ({ id, index }))
    .filter(({ id }) => !found.has(id))
    .map(({ index }) => ({
      field: ids.length === 1 && field === 'competencyId' ? field : `${field}.${index}`,
      message: 'is not a competency of any framework here',
    }));
  if (problems.length > 0) throw new ValidationError('Unknown competency.', problems);
}

export async function createQuiz(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  input: QuizInput,
): Promise<AssessmentView> {
  const organization = await getOrganization(ctx, slug);
  manage(actor, organization.id, 'Only owners and issuers create quizzes.');
  const competencyIds = [...new Set(input.competencyIds)];
  await checkCompetencies(ctx.db, competencyIds, 'competencyIds');
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await insertAssessment(
      tx,
      {
        id: randomUUID(),
        organizationId: organization.id,
        kind: 'quiz',
        title: input.title,
        instructions: input.instructions,
        settings: input.settings,
        createdAt: ctx.now(),
      },
      competencyIds,
    );
    await recordAudit(tx, actor, 'assessment.created', {
      organizationId: organization.id,
      target: inserted.id,
      detail: { kind: 'quiz' },
    });
    return inserted;
  });
  return getAssessment(ctx, row.id);
}

/** An item as its issuer sees it, answer key included (never sent to learners). */
export type QuizItemView = StoredQuizItem;

export function storedItemOf(row: QuizItemRow): StoredQuizItem {
  return {
    id: row.id,
    competencyId: row.competencyId,
    kind: row.kind as StoredQuizItem['kind'],
    prompt: row.prompt,
    options: row.options as StoredQuizItem['options'],
    answerKey: row.answerKey as StoredQuizItem['answerKey'],
    points: row.points,
  };
}

const optionId = () => randomBytes(6).toString('base64url');

export async function addQuizItem(
  ctx: ServiceContext,
  actor: Actor,
  assessmentId: string,
  input: QuizItemInput,
): Promise<QuizItemView> {
  const quiz = await requireQuiz(ctx.db, assessmentId);
  manage(actor, quiz.organizationId, 'Only owners and issuers of its organization edit a quiz.');
  await checkCompetencies(ctx.db, [input.competencyId], 'competencyId');
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await insertQuizItem(tx, {
      id: randomUUID(),
      assessmentId: quiz.id,
      ...toStoredItem(input, optionId),
    });
    // The quiz measures every competency its items are tagged with.
    await addAssessmentCompetency(tx, quiz.id, input.competencyId);
    await recordAudit(tx, actor, 'quiz-item.added', {
      organizationId: quiz.organizationId,
      target: inserted.id,
    });
    return inserted;
  });
  return storedItemOf(row);
}

export async function listQuizItemsForIssuer(
  ctx: ServiceContext,
  actor: Actor,
  assessmentId: string,
): Promise<QuizItemView[]> {
  const quiz = await requireQuiz(ctx.db, assessmentId);
  manage(
    actor,
    quiz.organizationId,
    'Only owners and issuers of its organization see the item bank.',
  );
  return (await listQuizItems(ctx.db, quiz.id)).map(storedItemOf);
}

export async function replaceQuizItem(
  ctx: ServiceContext,
  actor: Actor,
  assessmentId: string,
  itemId: string,
  input: QuizItemInput,
): Promise<QuizItemView> {
  const quiz = await requireQuiz(ctx.db, assessmentId);
  manage(actor, quiz.organizationId, 'Only owners and issuers of its organization edit a quiz.');
  await checkCompetencies(ctx.db, [input.competencyId], 'competencyId');
  const row = await ctx.db.transaction(async (tx) => {
    const updated = isUuid(itemId)
      ? await updateQuizItem(tx, quiz.id, itemId, toStoredItem(input, optionId))
      : undefined;
    if (!updated) throw new NotFoundError('This quiz has no item with this id.');
    await addAssessmentCompetency(tx, quiz.id, input.competencyId);
    await recordAudit(tx, actor, 'quiz-item.updated', {
      organizationId: quiz.organizationId,
      target: itemId,
    });
    return updated;
  });
  return storedItemOf(row);
}

export async function removeQuizItem(
  ctx: ServiceContext,
  actor: Actor,
  assessmentId: string,
  itemId: string,
): Promise<void> {
  const quiz = await requireQuiz(ctx.db, assessmentId);
  manage(actor, quiz.organizationId, 'Only owners and issuers of its organization edit a quiz.');
  await ctx.db.transaction(async (tx) => {
    if (!isUuid(itemId) || !(await deleteQuizItem(tx, quiz.id, itemId)))
      throw new NotFoundError('This quiz has no item with this id.');
    await recordAudit(tx, actor, 'quiz-item.removed', {
      organizationId: quiz.organizationId,
      target: itemId,
    });
  });
}

export type CompetencyChoice = { id: string; statement: string; frameworkTitle: string };

/** Competencies an issuer can tag items with: those of the organization's own frameworks. */
export async function competencyChoices(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
): Promise<CompetencyChoice[]> {
  const organization = await getOrganization(ctx, slug);
  manage(actor, organization.id, 'Only owners and issuers manage quizzes.');
  return listCompetenciesOfOrganization(ctx.db, organization.id);
}
