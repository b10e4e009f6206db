import { randomUUID } from 'node:crypto';
import {
  findCompetencyOwners,
  findRubric,
  insertRubric,
  listRubrics,
  type RubricRow,
} from '../../db/repositories/rubrics.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import type { RubricCriterion, RubricInput } from '../../domain/projects/rubric.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { getOrganization } from '../organizations.ts';

export type RubricView = {
  id: string;
  title: string;
  criteria: RubricCriterion[];
  createdAt: string;
};

export function presentRubric(row: RubricRow): RubricView {
  return {
    id: row.id,
    title: row.title,
    criteria: row.criteria as RubricCriterion[],
    createdAt: row.createdAt.toISOString(),
  };
}

export function criteriaOf(row: RubricRow): RubricCriterion[] {
  return row.criteria as RubricCriterion[];
}

export async function requireRubric(ctx: ServiceContext, id: string): Promise<RubricRow> {
  const row = /^[0-9a-f-]{36}$/.test(id) ? await findRubric(ctx.db, id) : undefined;
  if (!row) throw new NotFoundError('There is no rubric with this id.');
  return row;
}

/** Defines a rubric; each criterion must point at a competency of this organization or a shared framework. */
export async function createRubric(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  input: RubricInput,
): Promise<RubricRow> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'achievement:manage', organizationId: organization.id },
    'Only owners and issuers define rubrics.',
  );
  const ids = [...new Set(input.criteria.map((criterion) => criterion.competencyId))];
  const found = await findCompetencyOwners(ctx.db, ids);
  const usable = new Set(
    found
      .filter((c) => c.organizationId === null || c.organizationId === organization.id)
      .map((c) => c.id),
  );
  const fields = input.criteria.flatMap((criterion, index) =>
    usable.has(criterion.competencyId)
      ? []
      : [{ field: `criteria.${index}.competencyId`, message: 'is not a competency you can use' }],
  );
  if (fields.length > 0)
    throw new ValidationError(
      'Each criterion must name a competency of your frameworks or a shared one.',
      fields,
    );
  return ctx.db.transaction(async (tx) => {
    const row = await insertRubric(tx, {
      id: randomUUID(),
      organizationId: organization.id,
      title: input.title,
      criteria: input.criteria,
    });
    await recordAudit(tx, actor, 'rubric.created', {
      organizationId: organization.id,
      target: row.id,
    });
    return row;
  });
}

/** An organization's rubrics (its members read them). */
export async function listOrganizationRubrics(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
): Promise<RubricRow[]> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'organization:read', organizationId: organization.id },
    'Only members of the organization list its rubrics.',
  );
  return listRubrics(ctx.db, organization.id);
}
