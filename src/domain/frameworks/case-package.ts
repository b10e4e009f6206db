/**
 * CASE 1.0/1.1 CFPackage parsing and validation (1EdTech Competencies and Academic Standards
 * Exchange, CFPackage = CFDocument + CFItems + CFAssociations + CFDefinitions).
 *
 * Strict about structure, lenient where real files are: a package without a usable CFDocument is
 * refused whole; an item or association that cannot be stored is rejected on its own with its
 * reason; timestamps without a time zone (`2019-01-01T00:00:00`, as OpenSALT wrote them) are read
 * as UTC. Fields that have no column of their own are kept in `extra` so an export round-trips.
 */
import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { associationTypeSchema } from './competency.ts';

export type CaseRejection = {
  kind: 'CFItem' | 'CFAssociation';
  /** Position in the package's array, from 0. */
  index: number;
  identifier?: string;
  reason: string;
};

export type CaseDocumentRecord = {
  identifier: string;
  uri: string;
  title: string;
  creator: string | null;
  description: string | null;
  version: string | null;
  language: string | null;
  /** Every other CFDocument field; `package` holds the package's CFDefinitions, CFRubrics, extensions. */
  extra: Record<string, unknown>;
};

export type CaseItemRecord = {
  identifier: string;
  uri: string;
  statement: string;
  abbreviatedStatement: string | null;
  code: string | null;
  type: string | null;
  educationLevel: string[];
  conceptKeywords: string[];
  altLabels: string[];
  description: string | null;
  extra: Record<string, unknown>;
};

export type CaseAssociationRecord = {
  identifier: string;
  associationType: string;
  originIdentifier: string;
  originUri: string;
  destinationIdentifier: string;
  destinationUri: string;
  /** isChildOf the CFDocument: the origin is a top-level item. */
  destinationIsDocument: boolean;
  sequenceNumber: number | null;
  extra: Record<string, unknown>;
};

export type ParsedCasePackage = {
  document: CaseDocumentRecord;
  items: CaseItemRecord[];
  associations: CaseAssociationRecord[];
  rejected: CaseRejection[];
};

const ZONED = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * ISO 8601 date-time, made explicit: a missing zone is read as UTC (CASE requires one, but
 * OpenSALT exports omit it), a bare date as midnight UTC. Undefined if it is not a date at all.
 */
export function normalizeCaseDateTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  let candidate = text;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) candidate = `${text}T00:00:00Z`;
  else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text))
    candidate = `${text.replace(' ', 'T')}Z`;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?/.test(candidate) || !ZONED.test(candidate))
    return undefined;
  if (Number.isNaN(Date.parse(candidate))) return undefined;
  // Seconds are required by RFC 3339 `date-time` (the schema's format).
  return /T\d{2}:\d{2}(Z|[+-])/i.test(candidate)
    ? candidate.replace(/T(\d{2}:\d{2})/, 'T$1:00')
    : candidate;
}

const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v?.trim() ? v.trim() : null));
/** CASE 1.1 has arrays; 1.0 files and OpenSALT also write single strings. */
const stringList = z
  .union([z.array(z.unknown()), z.string(), z.null()])
  .optional()
  .transform((v) =>
    (Array.isArray(v) ? v : v ? [v] : [])
      .filter((x): x is string => typeof x === 'string' && x.trim() !== '')
      .map((x) => x.trim()),
  );
const dateTime = z
  .unknown()
  .optional()
  .superRefine((v, ctx) => {
    if (v !== undefined && v !== null && normalizeCaseDateTime(v) === undefined)
      ctx.addIssue({ code: 'custom', message: 'is not an ISO 8601 date-time' });
  })
  .transform((v) => normalizeCaseDateTime(v));

const documentSchema = z.looseObject({
  identifier: z.string({ message: 'is required' }).trim().min(1, { message: 'is required' }),
  uri: z.string().trim().min(1).optional(),
  title: z.string({ message: 'is required' }).trim().min(1, { message: 'is required' }),
  creator: optionalText,
  description: optionalText,
  version: optionalText,
  language: optionalText,
  lastChangeDateTime: dateTime,
});

const itemSchema = z.looseObject({
  identifier: z.string({ message: 'is missing' }).trim().min(1, { message: 'is missing' }),
  fullStatement: z.string({ message: 'is missing' }).trim().min(1, { message: 'is missing' }),
  uri: z.string().trim().min(1).optional(),
  abbreviatedStatement: optionalText,
  humanCodingScheme: optionalText,
  CFItemType: optionalText,
  alternativeLabel: optionalText,
  notes: optionalText,
  educationLevel: stringList,
  educationalLevel: stringList,
  conceptKeywords: stringList,
  lastChangeDateTime: dateTime,
});

const nodeLink = z.looseObject({
  identifier: z.string().trim().min(1).optional(),
  uri: z.string().trim().min(1).optional(),
  title: z.string().optional(),
});

const associationSchema = z.looseObject({
  identifier: z.string({ message: 'is missing' }).trim().min(1, { message: 'is missing' }),
  associationType: associationTypeSchema,
  uri: z.string().trim().min(1).optional(),
  originNodeURI: nodeLink.refine((n) => n.identifier || n.uri, {
    message: 'needs an identifier or uri',
  }),
  destinationNodeURI: nodeLink.refine((n) => n.identifier || n.uri, {
    message: 'needs an identifier or uri',
  }),
  sequenceNumber: z
    .union([z.number().int(), z.string().regex(/^-?\d+$/), z.null()])
    .optional()
    .transform((v) => (v === null || v === undefined ? null : Number(v))),
  lastChangeDateTime: dateTime,
});

function reasonOf(error: z.ZodError, kind: string): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.join('.');
      if (issue.code === 'invalid_type' && issue.input === undefined)
        return `${kind} without ${path || 'content'}`;
      return `${path || kind} ${issue.message}`;
    })
    .join('; ');
}

function withoutKeys(
  source: Record<string, unknown>,
  keys: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(source).filter(([key, value]) => !keys.includes(key) && value !== null),
  );
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a CFPackage; throws ValidationError (nothing to import) when the package itself is unusable. */
export function parseCasePackage(input: unknown): ParsedCasePackage {
  if (!isObject(input))
    throw new ValidationError('A CFPackage must be a JSON object with a CFDocument.', [
      { field: '(body)', message: 'is not a JSON object' },
    ]);
  const structure: Array<{ field: string; message: string }> = [];
  if (!isObject(input.CFDocument))
    structure.push({ field: 'CFDocument', message: 'is required and must be an object' });
  for (const key of ['CFItems', 'CFAssociations'] as const) {
    if (input[key] !== undefined && !Array.isArray(input[key]))
      structure.push({ field: key, message: 'must be an array' });
  }
  const parsedDocument = isObject(input.CFDocument)
    ? documentSchema.safeParse(input.CFDocument)
    : undefined;
  if (parsedDocument && !parsedDocument.success) {
    for (const issue of parsedDocument.error.issues)
      structure.push({ field: `CFDocument.${issue.path.join('.')}`, message: issue.message });
  }
  if (structure.length > 0 || !parsedDocument?.success) {
    throw new ValidationError(
      `The CFPackage is not valid, nothing was imported: ${structure.map((f) => `${f.field} ${f.message}`).join('; ')}.`,
      structure,
    );
  }
  const doc = parsedDocument.data;
  const document: CaseDocumentRecord = {
    identifier: doc.identifier,
    uri: doc.uri ?? `urn:uuid:${doc.identifier}`,
    title: doc.title,
    creator: doc.creator,
    description: doc.description,
    version: doc.version,
    language: doc.language,
    extra: {
      ...withoutKeys(input.CFDocument as Record<string, unknown>, [
        'identifier',
        'uri',
        'title',
        'creator',
        'description',
        'version',
        'language',
      ]),
      ...(doc.lastChangeDateTime ? { lastChangeDateTime: doc.lastChangeDateTime } : {}),
      package: withoutKeys(input, ['CFDocument', 'CFItems', 'CFAssociations']),
    },
  };
  const rejected: CaseRejection[] = [];
  const items = parseItems((input.CFItems as unknown[] | undefined) ?? [], rejected);
  const associations = parseAssociations(
    (input.CFAssociations as unknown[] | undefined) ?? [],
    document,
    items,
    rejected,
  );
  return { document, items, associations, rejected };
}

const itemColumns = [
  'identifier',
  'uri',
  'fullStatement',
  'abbreviatedStatement',
  'humanCodingScheme',
  'CFItemType',
  'alternativeLabel',
  'notes',
  'educationLevel',
  'educationalLevel',
  'conceptKeywords',
  'lastChangeDateTime',
];

function parseItems(raw: unknown[], rejected: CaseRejection[]): CaseItemRecord[] {
  const items: CaseItemRecord[] = [];
  const seen = new Set<string>();
  raw.forEach((entry, index) => {
    const parsed = itemSchema.safeParse(entry);
    const identifier =
      isObject(entry) && typeof entry.identifier === 'string' ? entry.identifier : undefined;
    if (!parsed.success) {
      rejected.push({
        kind: 'CFItem',
        index,
        identifier,
        reason: reasonOf(parsed.error, 'CFItem'),
      });
      return;
    }
    const item = parsed.data;
    if (seen.has(item.identifier)) {
      rejected.push({
        kind: 'CFItem',
        index,
        identifier,
        reason: 'duplicate identifier in the package',
      });
      return;
    }
    seen.add(item.identifier);
    items.push({
      identifier: item.identifier,
      uri: item.uri ?? `urn:uuid:${item.identifier}`,
      statement: item.fullStatement,
      abbreviatedStatement: item.abbreviatedStatement,
      code: item.humanCodingScheme,
      type: item.CFItemType,
      educationLevel: item.educationLevel.length > 0 ? item.educationLevel : item.educationalLevel,
      conceptKeywords: item.conceptKeywords,
      altLabels: item.alternativeLabel ? [item.alternativeLabel] : [],
      description: item.notes,
      extra: {
        ...withoutKeys(entry as Record<string, unknown>, itemColumns),
        ...(item.lastChangeDateTime ? { lastChangeDateTime: item.lastChangeDateTime } : {}),
      },
    });
  });
  return items;
}

function parseAssociations(
  raw: unknown[],
  document: CaseDocumentRecord,
  items: CaseItemRecord[],
  rejected: CaseRejection[],
): CaseAssociationRecord[] {
  const byIdentifier = new Map(items.map((item) => [item.identifier, item]));
  const byUri = new Map(items.map((item) => [item.uri, item]));
  const find = (node: { identifier?: string; uri?: string }): CaseItemRecord | undefined =>
    (node.identifier ? byIdentifier.get(node.identifier) : undefined) ??
    (node.uri ? byUri.get(node.uri) : undefined);
  const isDocument = (node: { identifier?: string; uri?: string }) =>
    node.identifier === document.identifier || node.uri === document.uri;
  const associations: CaseAssociationRecord[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of raw.entries()) {
    const parsed = associationSchema.safeParse(entry);
    const identifier =
      isObject(entry) && typeof entry.identifier === 'string' ? entry.identifier : undefined;
    const reject = (reason: string): void => {
      rejected.push({ kind: 'CFAssociation', index, identifier, reason });
    };
    if (!parsed.success) {
      reject(reasonOf(parsed.error, 'CFAssociation'));
      continue;
    }
    const a = parsed.data;
    const origin = find(a.originNodeURI);
    const destination = find(a.destinationNodeURI);
    const toDocument = !destination && isDocument(a.destinationNodeURI);
    const originName = a.originNodeURI.identifier ?? a.originNodeURI.uri;
    const destinationName = a.destinationNodeURI.identifier ?? a.destinationNodeURI.uri;
    if (seen.has(a.identifier)) {
      reject('duplicate identifier in the package');
      continue;
    }
    if (!origin) {
      reject(`origin ${originName} is not a CFItem of this package`);
      continue;
    }
    if (a.associationType === 'isChildOf' && !destination && !toDocument) {
      reject(
        `isChildOf destination ${destinationName} is neither a CFItem of this package nor its CFDocument`,
      );
      continue;
    }
    seen.add(a.identifier);
    associations.push({
      identifier: a.identifier,
      associationType: a.associationType,
      originIdentifier: origin.identifier,
      originUri: origin.uri,
      destinationIdentifier:
        destination?.identifier ?? a.destinationNodeURI.identifier ?? destinationName!,
      destinationUri:
        destination?.uri ??
        a.destinationNodeURI.uri ??
        (toDocument ? document.uri : destinationName!),
      destinationIsDocument: toDocument,
      sequenceNumber: a.sequenceNumber,
      extra: {
        ...withoutKeys(entry as Record<string, unknown>, [
          'identifier',
          'associationType',
          'sequenceNumber',
          'lastChangeDateTime',
        ]),
        ...(a.lastChangeDateTime ? { lastChangeDateTime: a.lastChangeDateTime } : {}),
      },
    });
  }
  return associations;
}
