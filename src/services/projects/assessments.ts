import { randomUUID } from 'node:crypto';
import {
  type AssessmentRow,
  findProjectAssessment,
  insertProjectAssessment,
  listProjectAssessments,
} from '../../db/repositories/project-assessments.ts';
import { findRubrics, type RubricRow } from '../../db/repositories/rubrics.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import {
  type ProjectAssessmentInput,
  type ProjectKind,
  type ProjectSettings,
  projectSettingsOf,
} from '../../domain/projects/assessment.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { getOrganization } from '../organizations.ts';
import { criteriaOf, presentRubric, type RubricView, requireRubric } from './rubrics.ts';

export type ProjectAssessment = {
  row: AssessmentRow;
  kind: ProjectKind;
  settings: ProjectSettings;
  rubric: RubricRow;
};

export type ProjectAssessmentView = {
  id: string;
  kind: ProjectKind;
  title: string;
  instructions: string;
  settings: ProjectSettings;
  rubric: RubricView;
  createdAt: string;
};

export function presentProjectAssessment(assessment: ProjectAssessment): ProjectAssessmentView {
  return {
    id: assessment.row.id,
    kind: assessment.kind,
    title: assessment.row.title,
    instructions: assessment.row.instructions,
    settings: assessment.settings,
    rubric: presentRubric(assessment.rubric),
    createdAt: assessment.row.createdAt.toISOString(),
  };
}

/** A project or peer-review assessment with its rubric; anything else is 404 here. */
export async function requireProjectAssessment(
  ctx: ServiceContext,
  id: string,
): Promise<ProjectAssessment> {
  const row = /^[0-9a-f-]{36}$/.test(id) ? await findProjectAssessment(ctx.db, id) : undefined;
  if (!row?.rubricId) throw new NotFoundError('There is no project assessment with this id.');
  return {
    row,
    kind: row.kind as ProjectKind,
    settings: projectSettingsOf(row.settings),
    rubric: await requireRubric(ctx, row.rubricId),
  };
}

/** Defines a project or peer-reviewed task scored against one of the organization's rubrics. */
export async function createProjectAssessment(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  input: ProjectAssessmentInput,
): Promise<ProjectAssessment> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'achievement:manage', organizationId: organization.id },
    'Only owners and issuers define assessments.',
  );
  const rubric = await requireRubric(ctx, input.rubricId).catch(() => undefined);
  if (!rubric || rubric.organizationId !== organization.id)
    throw new ValidationError('The rubric must be one of this organization.', [
      { field: 'rubricId', message: 'is not a rubric of this organization' },
    ]);
  const competencyIds = [...new Set(criteriaOf(rubric).map((c) => c.competencyId))];
  return ctx.db.transaction(async (tx) => {
    const row = await insertProjectAssessment(
      tx,
      {
        id: randomUUID(),
        organizationId: organization.id,
        kind: input.kind,
        title: input.title,
        instructions: input.instructions,
        settings: input.settings,
        rubricId: rubric.id,
      },
      competencyIds,
    );
    await recordAudit(tx, actor, 'assessment.created', {
      organizationId: organization.id,
      target: row.id,
      detail: { kind: input.kind },
    });
    return { row, kind: input.kind, settings: input.settings, rubric };
  });
}

/** The organization's project and peer-review assessments (public: learners find them here). */
export async function listOrganizationProjectAssessments(
  ctx: ServiceContext,
  slug: string,
): Promise<ProjectAssessment[]> {
  const organization = await getOrganization(ctx, slug);
  const rows = await listProjectAssessments(ctx.db, organization.id);
  const rubricIds = [...new Set(rows.flatMap((row) => (row.rubricId ? [row.rubricId] : [])))];
  const rubrics = new Map((await findRubrics(ctx.db, rubricIds)).map((r) => [r.id, r]));
  return rows.flatMap((row) => {
    const rubric = rubrics.get(row.rubricId ?? '');
    return rubric
      ? [{ row, kind: row.kind as ProjectKind, settings: projectSettingsOf(row.settings), rubric }]
      : [];
  });
}
