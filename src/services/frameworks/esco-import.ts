import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { NewAssociation, NewCompetency } from '../../db/repositories/competencies.ts';
import {
  countFrameworkRows,
  upsertAssociations,
  upsertCompetencies,
  upsertOccupationSkills,
  upsertOccupations,
} from '../../db/repositories/framework-imports.ts';
import {
  findFrameworkByIdentifier,
  insertFramework,
  lockFrameworkIdentifier,
  updateFramework,
} from '../../db/repositories/frameworks.ts';
import { ValidationError } from '../../domain/errors.ts';
import { ESCO_ATTRIBUTION } from '../../domain/frameworks/competency.ts';
import {
  checkEscoColumns,
  ESCO_FRAMEWORK,
  type EscoCompetency,
  type EscoFileKind,
  type EscoLink,
  type EscoRow,
  escoBroaderLink,
  escoFileKinds,
  escoHierarchyRow,
  escoOccupation,
  escoOccupationSkill,
  escoSkill,
  escoSkillGroup,
  escoSkillRelation,
} from '../../domain/frameworks/esco.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { type EscoSourceFile, openEscoSources } from './esco-source.ts';
import { type FrameworkView, presentFramework } from './present.ts';

export type EscoImportProgress = {
  file: string;
  rows: number;
  bytes: number;
  totalBytes: number;
};

export type EscoImportSummary = {
  framework: FrameworkView;
  created: boolean;
  files: string[];
  /** Rows read and stored, per kind. */
  imported: {
    skills: number;
    skillGroups: number;
    hierarchyLinks: number;
    skillRelations: number;
    occupations: number;
    occupationSkills: number;
  };
  /** Rows left out because a concept they name is not in the import (e.g. a subset). */
  skipped: { links: number; occupationSkills: number; rows: number };
  /** What the framework holds after the import. */
  totals: Awaited<ReturnType<typeof countFrameworkRows>>;
  attribution: string;
};

type Tx = ServiceContext['db'];

/** Collects rows and writes them one multi-row statement at a time. */
function batcher<T>(size: number, write: (rows: T[]) => Promise<void>) {
  let rows: T[] = [];
  return {
    async push(row: T) {
      rows.push(row);
      if (rows.length >= size) await this.flush();
    },
    async flush() {
      if (rows.length === 0) return;
      const pending = rows;
      rows = [];
      await write(pending);
    },
  };
}

/** Streams a CSV file's rows as objects keyed by its header, refusing a file without the columns it needs. */
async function* csvRows(
  file: EscoSourceFile,
  onBytes: (n: number) => void,
): AsyncGenerator<EscoRow> {
  let source: Readable;
  try {
    source = await file.open(onBytes);
  } catch (error) {
    throw new ValidationError(`${file.name} cannot be read: ${(error as Error).message}`);
  }
  let headerError: ValidationError | undefined;
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    // skillsHierarchy_en.csv ends rows early when the deeper levels are empty.
    relax_column_count_less: true,
    columns: (header: string[]) => {
      try {
        checkEscoColumns(file.kind, file.name, header);
      } catch (error) {
        headerError = error as ValidationError;
        throw error;
      }
      return header;
    },
  });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    yield* parser as AsyncIterable<EscoRow>;
  } catch (error) {
    if (headerError) throw headerError;
    if (error instanceof CsvError) {
      throw new ValidationError(
        `${file.name} is not valid CSV (line ${(error as CsvError & { lines?: number }).lines ?? '?'}): ${error.message}. Nothing was imported.`,
      );
    }
    if (error instanceof ValidationError) throw error;
    throw new ValidationError(
      `${file.name} cannot be read: ${(error as Error).message}. Nothing was imported.`,
    );
  } finally {
    source.destroy();
  }
}

/**
 * Imports the ESCO classification as the platform's read-only framework, in one transaction:
 * any malformed file leaves the database as it was. Every write is a batched upsert keyed by
 * ESCO's URIs, so importing again updates in place and never duplicates.
 */
export async function importEsco(
  ctx: ServiceContext,
  actor: Actor,
  paths: readonly string[],
  options: { version?: string; onProgress?: (progress: EscoImportProgress) => void } = {},
): Promise<EscoImportSummary> {
  authorize(actor, { action: 'platform:administer' }, 'Only platform operators import ESCO.');
  const sources = await openEscoSources(paths);
  try {
    const files = sources.files.sort(
      (a, b) => escoFileKinds.indexOf(a.kind) - escoFileKinds.indexOf(b.kind),
    );
    if (!files.some((f) => f.kind === 'skills'))
      throw new ValidationError(
        `No ESCO skills file (skills_en.csv, skills.csv or skills_*.csv.gz) in ${paths.join(', ')}. Nothing was imported.`,
      );
    const now = ctx.now();
    const version = options.version ?? sources.version ?? null;
    return await ctx.db.transaction(async (tx) => {
      await lockFrameworkIdentifier(tx, ESCO_FRAMEWORK.identifier);
      const existing = await findFrameworkByIdentifier(tx, null, ESCO_FRAMEWORK.identifier);
      const fields = { ...ESCO_FRAMEWORK, version, attribution: ESCO_ATTRIBUTION, updatedAt: now };
      const framework = existing
        ? await updateFramework(tx, existing.id, fields)
        : await insertFramework(tx, {
            id: randomUUID(),
            organizationId: null,
            source: 'esco',
            readOnly: true,
            createdAt: now,
            ...fields,
          });
      const loader = new EscoLoader(tx, framework.id, now);
      const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
      let bytes = 0;
      let rows = 0;
      for (const file of files) {
        const report = () => options.onProgress?.({ file: file.name, rows, bytes, totalBytes });
        for await (const row of csvRows(file, (n) => (bytes += n))) {
          await loader.add(file.kind, row);
          if (++rows % 2000 === 0) report();
        }
        await loader.finish(file.kind);
        report();
      }
      const summary: EscoImportSummary = {
        framework: presentFramework(framework, null),
        created: !existing,
        files: files.map((f) => f.name),
        imported: loader.imported,
        skipped: loader.skipped,
        totals: await countFrameworkRows(tx, framework.id),
        attribution: ESCO_ATTRIBUTION,
      };
      await recordAudit(tx, actor, 'framework.imported', {
        target: framework.id,
        detail: { source: 'esco', version, ...summary.imported },
      });
      return summary;
    });
  } finally {
    sources.close();
  }
}

/** The per-kind batching of one import; keeps ESCO URI → our id maps to link rows. */
class EscoLoader {
  readonly imported = {
    skills: 0,
    skillGroups: 0,
    hierarchyLinks: 0,
    skillRelations: 0,
    occupations: 0,
    occupationSkills: 0,
  };
  readonly skipped = { links: 0, occupationSkills: 0, rows: 0 };
  private readonly competencyIds = new Map<string, string>();
  private readonly occupationIds = new Map<string, string>();
  private readonly groups = new Map<string, EscoCompetency>();
  private readonly linkIdentifiers = new Set<string>();
  private readonly tx: Tx;
  private readonly frameworkId: string;
  private readonly now: Date;

  private readonly competencies = batcher<NewCompetency>(500, async (rows) => {
    const unique = [...new Map(rows.map((r) => [r.identifier, r])).values()];
    for (const saved of await upsertCompetencies(this.tx, unique))
      this.competencyIds.set(saved.identifier, saved.id);
  });
  private readonly links = batcher<EscoLink>(1000, async (links) => {
    // Both ends must have their ids first.
    await this.competencies.flush();
    const rows: NewAssociation[] = [];
    for (const link of links) {
      const originId = this.competencyIds.get(link.originUri);
      if (!originId) {
        this.skipped.links++;
        continue;
      }
      if (link.associationType === 'isChildOf') this.imported.hierarchyLinks++;
      else this.imported.skillRelations++;
      rows.push({
        id: randomUUID(),
        frameworkId: this.frameworkId,
        identifier: link.identifier,
        associationType: link.associationType,
        originId,
        originUri: link.originUri,
        destinationId: this.competencyIds.get(link.destinationUri) ?? null,
        destinationUri: link.destinationUri,
        sequenceNumber: null,
        extra: link.extra,
      });
    }
    await upsertAssociations(this.tx, rows);
  });
  private readonly occupations = batcher<{ uri: string } & Record<string, unknown>>(
    500,
    async (rows) => {
      const unique = [...new Map(rows.map((r) => [r.uri, r])).values()];
      const saved = await upsertOccupations(
        this.tx,
        unique.map((r) => ({ id: randomUUID(), frameworkId: this.frameworkId, ...r }) as never),
      );
      for (const row of saved) this.occupationIds.set(row.uri, row.id);
    },
  );
  private readonly occupationSkills = batcher<{
    occupationId: string;
    competencyId: string;
    relation: string;
  }>(5000, async (rows) => {
    const unique = [
      ...new Map(rows.map((r) => [`${r.occupationId} ${r.competencyId}`, r])).values(),
    ];
    await upsertOccupationSkills(this.tx, unique);
  });

  constructor(tx: Tx, frameworkId: string, now: Date) {
    this.tx = tx;
    this.frameworkId = frameworkId;
    this.now = now;
  }

  private competencyRow(c: EscoCompetency): NewCompetency {
    return {
      id: randomUUID(),
      frameworkId: this.frameworkId,
      identifier: c.identifier,
      uri: c.uri,
      statement: c.statement,
      abbreviatedStatement: null,
      code: c.code,
      type: c.type,
      level: c.level,
      educationLevel: [],
      conceptKeywords: [],
      altLabels: c.altLabels,
      description: c.description,
      sequenceNumber: null,
      extra: c.extra,
      updatedAt: this.now,
    };
  }

  private async link(link: EscoLink | undefined) {
    if (!link) return void this.skipped.rows++;
    if (this.linkIdentifiers.has(link.identifier)) return;
    this.linkIdentifiers.add(link.identifier);
    await this.links.push(link);
  }

  async add(kind: EscoFileKind, row: EscoRow): Promise<void> {
    switch (kind) {
      case 'skills': {
        const skill = escoSkill(row);
        if (!skill) return void this.skipped.rows++;
        this.imported.skills++;
        return this.competencies.push(this.competencyRow(skill));
      }
      case 'skillGroups': {
        const group = escoSkillGroup(row);
        if (!group) return void this.skipped.rows++;
        this.imported.skillGroups++;
        this.groups.set(group.uri, group);
        return this.competencies.push(this.competencyRow(group));
      }
      case 'skillsHierarchy': {
        const { group, link } = escoHierarchyRow(row);
        if (group) {
          // skillGroups describes groups more fully; the hierarchy adds their level and code.
          const known = this.groups.get(group.uri);
          if (!known) this.imported.skillGroups++;
          const merged = known
            ? {
                ...known,
                level: group.level,
                code: known.code ?? group.code,
                description: known.description ?? group.description,
              }
            : group;
          this.groups.set(group.uri, merged);
          await this.competencies.push(this.competencyRow(merged));
        }
        if (link) await this.link(link);
        return;
      }
      case 'broaderRelationsSkillPillar':
        return this.link(escoBroaderLink(row));
      case 'skillSkillRelations':
        return this.link(escoSkillRelation(row));
      case 'occupations': {
        const occupation = escoOccupation(row);
        if (!occupation) return void this.skipped.rows++;
        this.imported.occupations++;
        return this.occupations.push(occupation);
      }
      case 'occupationSkillRelations': {
        const relation = escoOccupationSkill(row);
        const occupationId = relation && this.occupationIds.get(relation.occupationUri);
        const competencyId = relation && this.competencyIds.get(relation.skillUri);
        if (!relation || !occupationId || !competencyId)
          return void this.skipped.occupationSkills++;
        this.imported.occupationSkills++;
        return this.occupationSkills.push({
          occupationId,
          competencyId,
          relation: relation.relation,
        });
      }
    }
  }

  /** Writes what is left of a file's rows before the next file needs their ids. */
  async finish(kind: EscoFileKind): Promise<void> {
    await this.competencies.flush();
    if (
      kind === 'skillsHierarchy' ||
      kind === 'broaderRelationsSkillPillar' ||
      kind === 'skillSkillRelations'
    )
      await this.links.flush();
    await this.occupations.flush();
    await this.occupationSkills.flush();
  }
}
