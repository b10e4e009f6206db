import type { CompetencyRow } from '../../db/repositories/competencies.ts';
import type { FrameworkRow } from '../../db/repositories/frameworks.ts';

export type FrameworkView = {
  id: string;
  identifier: string;
  uri: string;
  source: string;
  title: string;
  creator: string | null;
  description: string | null;
  version: string | null;
  language: string | null;
  readOnly: boolean;
  /** Shown wherever the framework's data is (ESCO's licence requires it). */
  attribution: string | null;
  organization: { slug: string; name: string } | null;
  competencyCount?: number;
  createdAt: string;
  updatedAt: string;
};

export type CompetencyView = {
  id: string;
  frameworkId: string;
  identifier: string;
  uri: string;
  statement: string;
  abbreviatedStatement: string | null;
  code: string | null;
  type: string | null;
  level: string | null;
  educationLevel: string[];
  conceptKeywords: string[];
  altLabels: string[];
  description: string | null;
  sequenceNumber: number | null;
  updatedAt: string;
};

export function presentFramework(
  row: FrameworkRow,
  organization: { slug: string; name: string } | null,
  competencyCount?: number,
): FrameworkView {
  return {
    id: row.id,
    identifier: row.identifier,
    uri: row.uri,
    source: row.source,
    title: row.title,
    creator: row.creator,
    description: row.description,
    version: row.version,
    language: row.language,
    readOnly: row.readOnly,
    attribution: row.attribution,
    organization,
    ...(competencyCount !== undefined ? { competencyCount } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentCompetency(row: CompetencyRow): CompetencyView {
  return {
    id: row.id,
    frameworkId: row.frameworkId,
    identifier: row.identifier,
    uri: row.uri,
    statement: row.statement,
    abbreviatedStatement: row.abbreviatedStatement,
    code: row.code,
    type: row.type,
    level: row.level,
    educationLevel: row.educationLevel,
    conceptKeywords: row.conceptKeywords,
    altLabels: row.altLabels,
    description: row.description,
    sequenceNumber: row.sequenceNumber,
    updatedAt: row.updatedAt.toISOString(),
  };
}
