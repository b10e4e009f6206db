/**
 * Builds a CASE 1.1 CFPackage from a stored framework. The output validates against 1EdTech's
 * CFPackage JSON Schema (draft 2019-09, `additionalProperties: false`): fields a source carried
 * that CASE 1.1 does not define, or that do not fit its types, move into `extensions` rather than
 * being lost, so an import of the export gives back the same framework.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type CaseItemRecord, normalizeCaseDateTime } from './case-package.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** CASE identifiers are UUIDs; other identifiers (ESCO URIs) map to a stable name-based UUID. */
export function toCaseUuid(identifier: string): string {
  if (UUID.test(identifier)) return identifier.toLowerCase();
  const hash = createHash('sha1').update(`skillmark:${identifier}`).digest('hex');
  // RFC 9562 §5.5 layout: version 5, variant 10.
  const variant = ((Number.parseInt(hash[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-5${hash.slice(13, 16)}-${variant}${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
}

export type ExportFramework = {
  identifier: string;
  uri: string;
  title: string;
  creator: string | null;
  description: string | null;
  version: string | null;
  language: string | null;
  extra: Record<string, unknown>;
  updatedAt: Date;
};

/** An imported item as stored, plus when it last changed (CASE `lastChangeDateTime`). */
export type ExportCompetency = CaseItemRecord & { updatedAt: Date };

export type ExportAssociation = {
  identifier: string;
  associationType: string;
  origin: { identifier: string; uri: string; title: string };
  destination: { identifier: string; uri: string; title: string };
  sequenceNumber: number | null;
  extra: Record<string, unknown>;
};

const str = z.string();
const strings = z.array(z.string());
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const linkUri = z.strictObject({
  title: z.string(),
  identifier: z.string().regex(UUID),
  uri: z.string(),
});
const linkGenUri = z.strictObject({
  title: z.string(),
  identifier: z.string(),
  uri: z.string(),
  targetType: z
    .string()
    .regex(/^(CASE|ext:[A-Za-z0-9.|\-_]+)$/)
    .optional(),
});

/** CASE 1.1 properties that may come from `extra`, with the type the schema gives them. */
const documentFields: Record<string, z.ZodType> = {
  frameworkType: str,
  caseVersion: z.literal('1.1'),
  officialSourceURL: str,
  publisher: str,
  subject: strings,
  subjectURI: z.array(linkUri),
  adoptionStatus: str,
  statusStartDate: date,
  statusEndDate: date,
  licenseURI: linkUri,
  notes: str,
};
const itemFields: Record<string, z.ZodType> = {
  listEnumeration: str,
  conceptKeywordsURI: linkUri,
  subject: strings,
  subjectURI: z.array(linkUri),
  language: str,
  CFItemTypeURI: linkUri,
  licenseURI: linkUri,
  statusStartDate: date,
  statusEndDate: date,
};
const associationFields: Record<string, z.ZodType> = {
  CFAssociationGroupingURI: linkUri,
  notes: str,
};

/** Splits `extra` into schema-valid CASE fields and the rest (kept under `extensions`). */
function splitExtra(
  extra: Record<string, unknown>,
  known: Record<string, z.ZodType>,
  skip: readonly string[] = [],
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const extensions: Record<string, unknown> = isObject(extra.extensions)
    ? { ...extra.extensions }
    : {};
  for (const [key, value] of Object.entries(extra)) {
    if (
      key === 'extensions' ||
      key === 'lastChangeDateTime' ||
      skip.includes(key) ||
      value === null
    )
      continue;
    if (known[key]?.safeParse(value).success) fields[key] = value;
    else extensions[key] = value;
  }
  return Object.keys(extensions).length > 0 ? { ...fields, extensions } : fields;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function stamp(extra: Record<string, unknown>, fallback: Date): string {
  return normalizeCaseDateTime(extra.lastChangeDateTime) ?? fallback.toISOString();
}

const definitionRequired: Record<string, string[]> = {
  CFConcepts: ['identifier', 'uri', 'title', 'hierarchyCode', 'lastChangeDateTime'],
  CFSubjects: ['identifier', 'uri', 'title', 'hierarchyCode', 'lastChangeDateTime'],
  CFLicenses: ['identifier', 'uri', 'title', 'licenseText', 'lastChangeDateTime'],
  CFItemTypes: ['identifier', 'uri', 'title', 'description', 'hierarchyCode', 'lastChangeDateTime'],
  CFAssociationGroupings: ['identifier', 'uri', 'title', 'lastChangeDateTime'],
};
const definitionAllowed: Record<string, string[]> = {
  CFConcepts: ['keywords', 'description', 'extensions'],
  CFSubjects: ['description', 'extensions'],
  CFLicenses: ['description', 'extensions'],
  CFItemTypes: ['typeCode', 'extensions'],
  CFAssociationGroupings: ['description', 'extensions'],
};

/** CFDefinitions as OpenSALT writes them often carry nulls where CASE 1.1 wants strings. */
function exportDefinitions(
  definitions: unknown,
  fallback: string,
): Record<string, unknown> | undefined {
  if (!isObject(definitions)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [kind, required] of Object.entries(definitionRequired)) {
    const list = definitions[kind];
    if (!Array.isArray(list)) continue;
    out[kind] = list.filter(isObject).map((entry) => {
      const result: Record<string, unknown> = {};
      const extensions: Record<string, unknown> = isObject(entry.extensions)
        ? { ...entry.extensions }
        : {};
      for (const [key, value] of Object.entries(entry)) {
        if (value === null || key === 'extensions') continue;
        if (required.includes(key) || definitionAllowed[kind]!.includes(key)) result[key] = value;
        else extensions[key] = value;
      }
      result.identifier = toCaseUuid(String(entry.identifier ?? entry.uri ?? entry.title ?? ''));
      result.lastChangeDateTime = normalizeCaseDateTime(entry.lastChangeDateTime) ?? fallback;
      for (const key of required) {
        if (typeof result[key] !== 'string') result[key] = String(result.title ?? '');
      }
      if (Object.keys(extensions).length > 0) result.extensions = extensions;
      return result;
    });
  }
  return out;
}

/** The CFPackage of a framework: its document, items and associations. */
export function buildCasePackage(
  framework: ExportFramework,
  competencies: readonly ExportCompetency[],
  associations: readonly ExportAssociation[],
): Record<string, unknown> {
  const documentStamp = stamp(framework.extra, framework.updatedAt);
  const { package: packageExtra, ...documentExtra } = framework.extra;
  const {
    CFDefinitions,
    CFRubrics,
    extensions: packageExtensions,
  } = isObject(packageExtra) ? packageExtra : ({} as Record<string, unknown>);
  const documentLink = {
    title: framework.title,
    identifier: toCaseUuid(framework.identifier),
    uri: framework.uri,
  };
  const CFDocument = {
    identifier: documentLink.identifier,
    uri: framework.uri,
    creator: framework.creator ?? framework.title,
    title: framework.title,
    lastChangeDateTime: documentStamp,
    ...(framework.description ? { description: framework.description } : {}),
    ...(framework.version ? { version: framework.version } : {}),
    ...(framework.language ? { language: framework.language } : {}),
    ...splitExtra(
      UUID.test(framework.identifier)
        ? documentExtra
        : {
            ...documentExtra,
            extensions: {
              ...(isObject(documentExtra.extensions) ? documentExtra.extensions : {}),
              sourceIdentifier: framework.identifier,
            },
          },
      documentFields,
    ),
  };
  const CFItems = competencies.map((c) => ({
    identifier: toCaseUuid(c.identifier),
    uri: c.uri,
    fullStatement: c.statement,
    lastChangeDateTime: stamp(c.extra, c.updatedAt),
    ...(c.altLabels[0] ? { alternativeLabel: c.altLabels[0] } : {}),
    ...(c.type ? { CFItemType: c.type } : {}),
    ...(c.code ? { humanCodingScheme: c.code } : {}),
    ...(c.abbreviatedStatement ? { abbreviatedStatement: c.abbreviatedStatement } : {}),
    ...(c.conceptKeywords.length > 0 ? { conceptKeywords: c.conceptKeywords } : {}),
    ...(c.description ? { notes: c.description } : {}),
    ...(c.educationLevel.length > 0 ? { educationLevel: c.educationLevel } : {}),
    ...splitExtra(
      c.altLabels.length > 1 ? { ...c.extra, altLabels: c.altLabels } : c.extra,
      itemFields,
    ),
  }));
  const CFAssociations = associations.map((a) => {
    const origin = linkOf(a.extra.originNodeURI, a.origin);
    const destination = linkOf(a.extra.destinationNodeURI, a.destination);
    return {
      identifier: toCaseUuid(a.identifier),
      associationType: a.associationType,
      uri: typeof a.extra.uri === 'string' ? a.extra.uri : `urn:uuid:${toCaseUuid(a.identifier)}`,
      originNodeURI: origin,
      destinationNodeURI: destination,
      lastChangeDateTime: stamp(a.extra, framework.updatedAt),
      ...(a.sequenceNumber !== null ? { sequenceNumber: a.sequenceNumber } : {}),
      ...splitExtra(a.extra, associationFields, ['uri', 'originNodeURI', 'destinationNodeURI']),
    };
  });
  const definitions = exportDefinitions(CFDefinitions, documentStamp);
  return {
    CFDocument,
    CFItems,
    CFAssociations,
    ...(definitions ? { CFDefinitions: definitions } : {}),
    ...(Array.isArray(CFRubrics) ? { CFRubrics } : {}),
    ...(isObject(packageExtensions) ? { extensions: packageExtensions } : {}),
  };
}

/** The node as the source named it when that is still valid CASE, else as we know it. */
function linkOf(
  stored: unknown,
  known: { identifier: string; uri: string; title: string },
): Record<string, unknown> {
  const parsed = linkGenUri.safeParse(stored);
  if (parsed.success) return parsed.data;
  return { title: known.title, identifier: toCaseUuid(known.identifier), uri: known.uri };
}
