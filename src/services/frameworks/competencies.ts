import { randomUUID } from 'node:crypto';
import {
  type CompetencyRow,
  deleteAssociation,
  findAssociation,
  findCompetency,
  insertAssociation,
  insertCompetency,
  listChildLinks,
  listOccupationsNeeding,
  listRelationsOf,
  searchCompetencies,
  updateCompetency,
} from '../../db/repositories/competencies.ts';
import { findFramework } from '../../db/repositories/frameworks.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import {
  type AssociationInput,
  type CompetencyChanges,
  type CompetencyInput,
  localCompetencyUri,
} from '../../domain/frameworks/competency.ts';
import { wouldCreateCycle } from '../../domain/frameworks/tree.ts';
import type { Actor } from '../../domain/policy.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorizeFrameworkEdit, requireFramework, viewFramework } from './frameworks.ts';
import { type CompetencyView, presentCompetency } from './present.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function requireCompetency(ctx: ServiceContext, id: string): Promise<CompetencyRow> {
  const row = UUID.test(id) ? await findCompetency(ctx.db, id) : undefined;
  if (!row) throw new NotFoundError('There is no competency with this id.');
  return row;
}

function fieldsOf(input: CompetencyChanges) {
  return {
    ...(input.statement !== undefined ? { statement: input.statement } : {}),
    ...(input.abbreviatedStatement !== undefined
      ? { abbreviatedStatement: input.abbreviatedStatement }
      : {}),
    ...(input.code !== undefined ? { code: input.code } : {}),
    ...(input.type !== undefined ? { type: input.type } : {}),
    ...(input.level !== undefined ? { level: input.level } : {}),
    ...(input.educationLevel !== undefined ? { educationLevel: input.educationLevel } : {}),
    ...(input.conceptKeywords !== undefined ? { conceptKeywords: input.conceptKeywords } : {}),
    ...(input.altLabels !== undefined ? { altLabels: input.altLabels } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.sequenceNumber !== undefined ? { sequenceNumber: input.sequenceNumber } : {}),
  };
}

/** Adds a competency to a local framework, optionally under a parent (an isChildOf link). */
export async function addCompetency(
  ctx: ServiceContext,
  actor: Actor,
  frameworkId: string,
  input: CompetencyInput,
): Promise<CompetencyView> {
  const framework = await requireFramework(ctx, frameworkId);
  authorizeFrameworkEdit(actor, framework);
  const row = await ctx.db.transaction(async (tx) => {
    if (input.parentId) {
      const parent = await findCompetency(tx, input.parentId);
      if (parent?.frameworkId !== framework.id)
        throw new ValidationError('The parent must be a competency of this framework.', [
          { field: 'parentId', message: 'is not a competency of this framework' },
        ]);
    }
    const id = randomUUID();
    const created = await insertCompetency(tx, {
      id,
      frameworkId: framework.id,
      identifier: id,
      uri: localCompetencyUri(ctx.publicUrl, id),
      ...fieldsOf(input),
      statement: input.statement,
      updatedAt: ctx.now(),
    });
    if (input.parentId) {
      await linkInTransaction(tx, ctx, framework.id, {
        originId: id,
        destinationId: input.parentId,
        associationType: 'isChildOf',
        sequenceNumber: input.sequenceNumber ?? undefined,
      });
    }
    await recordAudit(tx, actor, 'competency.created', {
      organizationId: framework.organizationId ?? undefined,
      target: id,
    });
    return created;
  });
  return presentCompetency(row);
}

export async function editCompetency(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  changes: CompetencyChanges,
): Promise<CompetencyView> {
  const row = await requireCompetency(ctx, id);
  const framework = (await findFramework(ctx.db, row.frameworkId))!;
  authorizeFrameworkEdit(actor, framework);
  const updated = await ctx.db.transaction(async (tx) => {
    const saved = await updateCompetency(tx, id, { ...fieldsOf(changes), updatedAt: ctx.now() });
    await recordAudit(tx, actor, 'competency.updated', {
      organizationId: framework.organizationId ?? undefined,
      target: id,
      detail: { fields: Object.keys(changes) },
    });
    return saved;
  });
  return presentCompetency(updated);
}

async function linkInTransaction(
  tx: ServiceContext['db'],
  ctx: ServiceContext,
  frameworkId: string,
  input: AssociationInput,
) {
  const origin = await findCompetency(tx, input.originId);
  const destination = await findCompetency(tx, input.destinationId);
  if (origin?.frameworkId !== frameworkId)
    throw new ValidationError('The origin must be a competency of this framework.', [
      { field: 'originId', message: 'is not a competency of this framework' },
    ]);
  if (!destination)
    throw new ValidationError('The destination is not a competency.', [
      { field: 'destinationId', message: 'is not a competency' },
    ]);
  if (input.associationType === 'isChildOf') {
    if (destination.frameworkId !== frameworkId)
      throw new ValidationError('A parent must be a competency of the same framework.', [
        { field: 'destinationId', message: 'is not a competency of this framework' },
      ]);
    if (wouldCreateCycle(await listChildLinks(tx, frameworkId), origin.id, destination.id))
      throw new ConflictError('This link would make the competency its own ancestor.');
  }
  const id = randomUUID();
  return insertAssociation(tx, {
    id,
    frameworkId,
    identifier: id,
    associationType: input.associationType,
    originId: origin.id,
    originUri: origin.uri,
    destinationId: destination.id,
    destinationUri: destination.uri,
    sequenceNumber: input.sequenceNumber ?? null,
    extra: { lastChangeDateTime: ctx.now().toISOString() },
  });
}

export async function linkCompetencies(
  ctx: ServiceContext,
  actor: Actor,
  frameworkId: string,
  input: AssociationInput,
) {
  const framework = await requireFramework(ctx, frameworkId);
  authorizeFrameworkEdit(actor, framework);
  return ctx.db.transaction(async (tx) => {
    const created = await linkInTransaction(tx, ctx, framework.id, input);
    await recordAudit(tx, actor, 'competency.linked', {
      organizationId: framework.organizationId ?? undefined,
      target: created.id,
      detail: { associationType: input.associationType },
    });
    return presentAssociation(created);
  });
}

export async function unlinkCompetencies(
  ctx: ServiceContext,
  actor: Actor,
  frameworkId: string,
  associationId: string,
): Promise<void> {
  const framework = await requireFramework(ctx, frameworkId);
  authorizeFrameworkEdit(actor, framework);
  const association = UUID.test(associationId)
    ? await findAssociation(ctx.db, associationId)
    : undefined;
  if (association?.frameworkId !== framework.id)
    throw new NotFoundError('This framework has no association with this id.');
  await ctx.db.transaction(async (tx) => {
    await deleteAssociation(tx, associationId);
    await recordAudit(tx, actor, 'competency.unlinked', {
      organizationId: framework.organizationId ?? undefined,
      target: associationId,
    });
  });
}

export function presentAssociation(row: {
  id: string;
  associationType: string;
  originId: string | null;
  originUri: string;
  destinationId: string | null;
  destinationUri: string;
  sequenceNumber: number | null;
}) {
  return {
    id: row.id,
    associationType: row.associationType,
    originId: row.originId,
    originUri: row.originUri,
    destinationId: row.destinationId,
    destinationUri: row.destinationUri,
    sequenceNumber: row.sequenceNumber,
  };
}

/** A competency with its framework, relations (both directions) and the occupations that need it. */
export async function getCompetencyDetail(ctx: ServiceContext, id: string) {
  const row = await requireCompetency(ctx, id);
  const framework = await viewFramework(ctx, (await findFramework(ctx.db, row.frameworkId))!);
  const relations = (await listRelationsOf(ctx.db, row.id)).map((r) => {
    const outgoing = r.association.originId === row.id;
    return {
      ...presentAssociation(r.association),
      direction: outgoing ? ('outgoing' as const) : ('incoming' as const),
      other: {
        id: outgoing ? r.association.destinationId : r.association.originId,
        uri: outgoing ? r.association.destinationUri : r.association.originUri,
        statement: outgoing ? r.destinationStatement : r.originStatement,
        code: outgoing ? r.destinationCode : r.originCode,
      },
      ...(r.association.extra && typeof r.association.extra === 'object'
        ? pickEscoRelation(r.association.extra as Record<string, unknown>)
        : {}),
    };
  });
  const occupations = await listOccupationsNeeding(ctx.db, row.id);
  return {
    competency: presentCompetency(row),
    framework,
    relations,
    occupations,
    ...(framework.attribution ? { attribution: framework.attribution } : {}),
  };
}

function pickEscoRelation(extra: Record<string, unknown>) {
  return typeof extra.escoRelationType === 'string'
    ? { escoRelationType: extra.escoRelationType }
    : {};
}

/** Text search across frameworks (statement, code and alternative labels). */
export async function findCompetencies(
  ctx: ServiceContext,
  query: { q: string; frameworkId?: string; limit?: number; offset?: number },
) {
  const rows = await searchCompetencies(ctx.db, query.q, {
    frameworkId: query.frameworkId,
    limit: query.limit ?? 25,
    offset: query.offset ?? 0,
  });
  return rows.map((r) => ({
    ...presentCompetency(r.competency),
    framework: { id: r.competency.frameworkId, title: r.frameworkTitle },
    ...(r.attribution ? { attribution: r.attribution } : {}),
  }));
}
