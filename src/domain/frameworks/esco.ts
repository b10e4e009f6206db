/**
 * The ESCO classification's CSV files (ESCO v1.x "CSV" download, one zip of concepts per language
 * and one of relations), read row by row. Pure: which file is which, which columns each needs,
 * and how a row becomes a competency, a hierarchy link, a relation or an occupation.
 */
import { ValidationError } from '../errors.ts';

export const escoFileKinds = [
  'skills',
  'skillGroups',
  'skillsHierarchy',
  'broaderRelationsSkillPillar',
  'skillSkillRelations',
  'occupations',
  'occupationSkillRelations',
] as const;
export type EscoFileKind = (typeof escoFileKinds)[number];

/** The columns without which a file cannot be imported (the ict-subset files carry only these and a few more). */
export const escoRequiredColumns: Record<EscoFileKind, readonly string[]> = {
  skills: ['conceptUri', 'preferredLabel'],
  skillGroups: ['conceptUri', 'preferredLabel'],
  skillsHierarchy: ['Level 0 URI', 'Level 0 preferred term'],
  broaderRelationsSkillPillar: ['conceptUri', 'broaderUri'],
  skillSkillRelations: ['originalSkillUri', 'relationType', 'relatedSkillUri'],
  occupations: ['conceptUri', 'preferredLabel'],
  occupationSkillRelations: ['occupationUri', 'relationType', 'skillUri'],
};

/** `skills_en.csv`, `skills_ict.csv.gz`, `skills.csv` → skills; other ESCO files are not ours to read. */
export function escoFileKind(fileName: string): EscoFileKind | undefined {
  const base = fileName.split('/').at(-1)!;
  const match = /^([A-Za-z]+)(_[A-Za-z0-9-]+)?\.csv(\.gz)?$/.exec(base);
  return escoFileKinds.find((kind) => kind === match?.[1]);
}

/** The ESCO release a file name gives (`v111_relations.zip` → 1.1.1). */
export function escoVersionOf(fileName: string): string | undefined {
  const match = /(?:^|\/)v(\d)(\d)(\d)_[^/]*$/.exec(fileName);
  return match ? `${match[1]}.${match[2]}.${match[3]}` : undefined;
}

/** Refuses a file whose header lacks a required column, naming the file and the columns. */
export function checkEscoColumns(kind: EscoFileKind, fileName: string, header: readonly string[]) {
  const missing = escoRequiredColumns[kind].filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new ValidationError(
      `${fileName} is not a usable ESCO ${kind} file: it has no ${missing.map((m) => `"${m}"`).join(', ')} column${missing.length > 1 ? 's' : ''} (found: ${header.join(', ') || 'none'}). Nothing was imported.`,
      missing.map((column) => ({ field: `${fileName}:${column}`, message: 'column is missing' })),
    );
  }
}

export type EscoRow = Record<string, string | undefined>;

export type EscoCompetency = {
  identifier: string;
  uri: string;
  statement: string;
  code: string | null;
  type: string | null;
  level: string | null;
  altLabels: string[];
  description: string | null;
  extra: Record<string, string>;
};

export type EscoLink = {
  identifier: string;
  associationType: 'isChildOf' | 'isRelatedTo';
  originUri: string;
  destinationUri: string;
  extra: Record<string, string>;
};

export type EscoOccupation = {
  uri: string;
  preferredLabel: string;
  altLabels: string[];
  description: string | null;
  code: string | null;
  iscoGroup: string | null;
};

const value = (row: EscoRow, column: string): string | null => {
  const text = row[column]?.trim();
  return text ? text : null;
};

/** ESCO packs several labels in one cell, one per line. */
export function splitLabels(cell: string | undefined, except?: string): string[] {
  if (!cell) return [];
  const labels = new Set(
    cell
      .split(/\r?\n/)
      .map((label) => label.trim())
      .filter((label) => label !== '' && label !== except),
  );
  return [...labels];
}

function extraOf(row: EscoRow, columns: readonly string[]): Record<string, string> {
  const extra: Record<string, string> = {};
  for (const column of columns) {
    const text = value(row, column);
    if (text) extra[column] = text;
  }
  return extra;
}

/** A skill or knowledge concept; undefined when the row has no URI or label. */
export function escoSkill(row: EscoRow): EscoCompetency | undefined {
  const uri = value(row, 'conceptUri');
  const label = value(row, 'preferredLabel');
  if (!uri || !label) return undefined;
  return {
    identifier: uri,
    uri,
    statement: label,
    code: null,
    type: value(row, 'skillType'),
    level: null,
    altLabels: splitLabels(row.altLabels, label),
    description: value(row, 'description') ?? value(row, 'definition'),
    extra: extraOf(row, ['reuseLevel', 'status', 'modifiedDate', 'scopeNote']),
  };
}

export const SKILL_GROUP_TYPE = 'skill group';

export function escoSkillGroup(row: EscoRow): EscoCompetency | undefined {
  const uri = value(row, 'conceptUri');
  const label = value(row, 'preferredLabel');
  if (!uri || !label) return undefined;
  return {
    identifier: uri,
    uri,
    statement: label,
    code: value(row, 'code'),
    type: SKILL_GROUP_TYPE,
    level: null,
    altLabels: splitLabels(row.altLabels, label),
    description: value(row, 'description'),
    extra: extraOf(row, ['status', 'scopeNote']),
  };
}

/**
 * One row of skillsHierarchy: the deepest level it names is a group whose parent is the level
 * above. Gives the group (with its code and level) and its isChildOf link.
 */
export function escoHierarchyRow(row: EscoRow): { group?: EscoCompetency; link?: EscoLink } {
  let depth = -1;
  for (let level = 3; level >= 0; level--) {
    if (value(row, `Level ${level} URI`)) {
      depth = level;
      break;
    }
  }
  if (depth < 0) return {};
  const uri = value(row, `Level ${depth} URI`)!;
  const label = value(row, `Level ${depth} preferred term`);
  const group: EscoCompetency | undefined = label
    ? {
        identifier: uri,
        uri,
        statement: label,
        code: value(row, `Level ${depth} code`),
        type: SKILL_GROUP_TYPE,
        level: `Level ${depth}`,
        altLabels: [],
        description: value(row, 'Description'),
        extra: extraOf(row, ['Scope note']),
      }
    : undefined;
  const parent = depth > 0 ? value(row, `Level ${depth - 1} URI`) : null;
  return { group, link: parent ? childLink(uri, parent) : undefined };
}

export function childLink(child: string, parent: string): EscoLink {
  return {
    identifier: `isChildOf ${child} ${parent}`,
    associationType: 'isChildOf',
    originUri: child,
    destinationUri: parent,
    extra: {},
  };
}

/** broaderRelationsSkillPillar: concept isChildOf its broader concept. */
export function escoBroaderLink(row: EscoRow): EscoLink | undefined {
  const child = value(row, 'conceptUri');
  const parent = value(row, 'broaderUri');
  return child && parent ? childLink(child, parent) : undefined;
}

/** skillSkillRelations: the original skill isRelatedTo the related one, essentially or optionally. */
export function escoSkillRelation(row: EscoRow): EscoLink | undefined {
  const origin = value(row, 'originalSkillUri');
  const destination = value(row, 'relatedSkillUri');
  if (!origin || !destination) return undefined;
  const relationType = value(row, 'relationType') ?? 'optional';
  return {
    identifier: `isRelatedTo ${origin} ${destination}`,
    associationType: 'isRelatedTo',
    originUri: origin,
    destinationUri: destination,
    extra: { escoRelationType: relationType },
  };
}

export function escoOccupation(row: EscoRow): EscoOccupation | undefined {
  const uri = value(row, 'conceptUri');
  const label = value(row, 'preferredLabel');
  if (!uri || !label) return undefined;
  return {
    uri,
    preferredLabel: label,
    altLabels: splitLabels(row.altLabels, label),
    description: value(row, 'description'),
    code: value(row, 'code'),
    iscoGroup: value(row, 'iscoGroup'),
  };
}

export type EscoOccupationSkill = {
  occupationUri: string;
  skillUri: string;
  relation: 'essential' | 'optional';
};

export function escoOccupationSkill(row: EscoRow): EscoOccupationSkill | undefined {
  const occupationUri = value(row, 'occupationUri');
  const skillUri = value(row, 'skillUri');
  const relation = value(row, 'relationType');
  if (!occupationUri || !skillUri || (relation !== 'essential' && relation !== 'optional'))
    return undefined;
  return { occupationUri, skillUri, relation };
}

export const ESCO_FRAMEWORK = {
  identifier: 'http://data.europa.eu/esco/concept-scheme/skills',
  uri: 'http://data.europa.eu/esco/concept-scheme/skills',
  title: 'ESCO skills and competences',
  creator: 'European Commission',
  description:
    'European Skills, Competences, Qualifications and Occupations: the skills pillar with its hierarchy, skill relations and the occupations that need each skill.',
  language: 'en',
} as const;
