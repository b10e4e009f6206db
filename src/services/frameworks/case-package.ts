import { randomUUID } from 'node:crypto';
import { listAssociationsOf, listCompetenciesOf } from '../../db/repositories/competencies.ts';
import {
  deleteAssociationsNotIn,
  upsertAssociations,
  upsertCompetencies,
} from '../../db/repositories/framework-imports.ts';
import {
  findFrameworkByIdentifier,
  insertFramework,
  lockFrameworkIdentifier,
  updateFramework,
} from '../../db/repositories/frameworks.ts';
import { ConflictError } from '../../domain/errors.ts';
import { buildCasePackage, type ExportAssociation } from '../../domain/frameworks/case-export.ts';
import { type CaseRejection, parseCasePackage } from '../../domain/frameworks/case-package.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { getOrganization } from '../organizations.ts';
import { requireFramework } from './frameworks.ts';
import { type FrameworkView, presentFramework } from './present.ts';

export type CaseImportReport = {
  framework: FrameworkView;
  /** False when the package's CFDocument was imported before and has been updated in place. */
  created: boolean;
  counts: {
    items: { received: number; imported: number; rejected: number };
    associations: { received: number; imported: number; rejected: number };
  };
  rejected: CaseRejection[];
};

const BATCH = 500;

function chunks<T>(rows: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Imports a CASE CFPackage as a read-only framework of the organization, in one transaction.
 * Items and associations that cannot be stored are reported with their reason; a package whose
 * CFDocument is unusable is refused whole. Re-importing the same CFDocument updates in place.
 */
export async function importCasePackage(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  input: unknown,
): Promise<CaseImportReport> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'achievement:manage', organizationId: organization.id },
    'Only owners and issuers import competency frameworks.',
  );
  const parsed = parseCasePackage(input);
  const { document } = parsed;
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await lockFrameworkIdentifier(tx, `${organization.id}:${document.identifier}`);
    const existing = await findFrameworkByIdentifier(tx, organization.id, document.identifier);
    if (existing && existing.source !== 'case')
      throw new ConflictError(
        `The organization already has a ${existing.source} framework with the identifier ${document.identifier} ("${existing.title}"); a CASE import would overwrite it.`,
      );
    const fields = {
      uri: document.uri,
      title: document.title,
      creator: document.creator,
      description: document.description,
      version: document.version,
      language: document.language,
      extra: document.extra,
      updatedAt: now,
    };
    const framework = existing
      ? await updateFramework(tx, existing.id, fields)
      : await insertFramework(tx, {
          id: randomUUID(),
          organizationId: organization.id,
          source: 'case',
          identifier: document.identifier,
          readOnly: true,
          createdAt: now,
          ...fields,
        });
    const ids = new Map<string, string>();
    for (const batch of chunks(parsed.items)) {
      const saved = await upsertCompetencies(
        tx,
        batch.map((item) => ({
          id: randomUUID(),
          frameworkId: framework.id,
          ...item,
          sequenceNumber: null,
          updatedAt: now,
        })),
      );
      for (const row of saved) ids.set(row.identifier, row.id);
    }
    for (const batch of chunks(parsed.associations)) {
      await upsertAssociations(
        tx,
        batch.map((a) => ({
          id: randomUUID(),
          frameworkId: framework.id,
          identifier: a.identifier,
          associationType: a.associationType,
          originId: ids.get(a.originIdentifier) ?? null,
          originUri: a.originUri,
          destinationId: a.destinationIsDocument
            ? null
            : (ids.get(a.destinationIdentifier) ?? null),
          destinationUri: a.destinationUri,
          sequenceNumber: a.sequenceNumber,
          extra: a.extra,
        })),
      );
    }
    await deleteAssociationsNotIn(
      tx,
      framework.id,
      parsed.associations.map((a) => a.identifier),
    );
    const report: CaseImportReport = {
      framework: presentFramework(framework, { slug: organization.slug, name: organization.name }),
      created: !existing,
      counts: {
        items: count(input, 'CFItems', parsed.items.length),
        associations: count(input, 'CFAssociations', parsed.associations.length),
      },
      rejected: parsed.rejected,
    };
    await recordAudit(tx, actor, 'framework.imported', {
      organizationId: organization.id,
      target: framework.id,
      detail: { source: 'case', ...report.counts },
    });
    return report;
  });
}

function count(input: unknown, key: string, imported: number) {
  const list = (input as Record<string, unknown>)[key];
  const received = Array.isArray(list) ? list.length : 0;
  return { received, imported, rejected: received - imported };
}

/** A framework as a CASE 1.1 CFPackage (public, like the framework itself). */
export async function exportCasePackage(
  ctx: ServiceContext,
  id: string,
): Promise<Record<string, unknown>> {
  const framework = await requireFramework(ctx, id);
  const competencies = await listCompetenciesOf(ctx.db, framework.id);
  const rows = await listAssociationsOf(ctx.db, framework.id);
  const documentNode = {
    identifier: framework.identifier,
    uri: framework.uri,
    title: framework.title,
  };
  const associations: ExportAssociation[] = rows.map((r) => {
    const a = r.association;
    const toDocument = !a.destinationId && a.destinationUri === framework.uri;
    return {
      identifier: a.identifier,
      associationType: a.associationType,
      origin: {
        identifier: r.originIdentifier ?? a.originUri,
        uri: a.originUri,
        title: r.originStatement ?? a.originUri,
      },
      destination: toDocument
        ? documentNode
        : {
            identifier: r.destinationIdentifier ?? a.destinationUri,
            uri: a.destinationUri,
            title: r.destinationStatement ?? a.destinationUri,
          },
      sequenceNumber: a.sequenceNumber,
      extra: a.extra as Record<string, unknown>,
    };
  });
  // CASE hangs top-level items under the CFDocument; local frameworks store no such link.
  if (framework.source === 'local') {
    const children = new Set(
      rows
        .filter((r) => r.association.associationType === 'isChildOf')
        .map((r) => r.association.originId),
    );
    for (const c of competencies.filter((c) => !children.has(c.id))) {
      associations.push({
        identifier: `root ${c.identifier}`,
        associationType: 'isChildOf',
        origin: { identifier: c.identifier, uri: c.uri, title: c.statement },
        destination: documentNode,
        sequenceNumber: c.sequenceNumber,
        extra: {},
      });
    }
  }
  return buildCasePackage(
    { ...framework, extra: framework.extra as Record<string, unknown> },
    competencies.map((c) => ({ ...c, extra: c.extra as Record<string, unknown> })),
    associations,
  );
}
