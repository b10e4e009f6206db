import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { sharedDataPath } from '../../../test/helpers/shared-data.ts';
import { ValidationError } from '../errors.ts';
import { buildCasePackage, type ExportAssociation, toCaseUuid } from './case-export.ts';
import { normalizeCaseDateTime, type ParsedCasePackage, parseCasePackage } from './case-package.ts';

const caseDir = sharedDataPath('standards/case');
const samples = caseDir
  ? readdirSync(caseDir).filter((f) => f.startsWith('opensalt-') && !f.includes('schema'))
  : [];
const read = (file: string) => JSON.parse(readFileSync(`${caseDir}/${file}`, 'utf8'));

/** What the service does with a parsed package, without a database: parsed → export. */
function exportParsed(parsed: ParsedCasePackage) {
  const updatedAt = new Date('2026-01-01T00:00:00Z');
  const items = new Map(parsed.items.map((i) => [i.identifier, i]));
  const associations: ExportAssociation[] = parsed.associations.map((a) => ({
    identifier: a.identifier,
    associationType: a.associationType,
    origin: { identifier: a.originIdentifier, uri: a.originUri, title: 'origin' },
    destination: {
      identifier: a.destinationIdentifier,
      uri: a.destinationUri,
      title: items.get(a.destinationIdentifier)?.statement ?? 'destination',
    },
    sequenceNumber: a.sequenceNumber,
    extra: a.extra,
  }));
  return buildCasePackage(
    { ...parsed.document, updatedAt },
    parsed.items.map((i) => ({ ...i, updatedAt })),
    associations,
  );
}

function schemaValidator() {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  // ajv-formats is CommonJS: under Node's loader its function is the default export's `default`.
  (((ajvFormats as { default?: unknown }).default as (a: Ajv2019) => void) ?? ajvFormats)(ajv);
  return ajv.compile(read('case-v1p1-cfpackage-schema.OpenCASE.json'));
}

const minimal = () => ({
  CFDocument: {
    identifier: 'c0000000-0000-4000-8000-000000000000',
    uri: 'https://example.org/doc',
    title: 'Doc',
    creator: 'Me',
    lastChangeDateTime: '2019-01-01T00:00:00',
  },
  CFItems: [
    {
      identifier: 'c0000000-0000-4000-8000-000000000001',
      uri: 'https://example.org/1',
      fullStatement: 'One',
      lastChangeDateTime: '2019-01-01T00:00:00',
    },
  ],
  CFAssociations: [] as unknown[],
});

describe('CASE timestamps', () => {
  it('reads a time without zone as UTC and keeps zoned ones', () => {
    expect(normalizeCaseDateTime('2019-01-01T00:00:00')).toBe('2019-01-01T00:00:00Z');
    expect(normalizeCaseDateTime('2019-01-01')).toBe('2019-01-01T00:00:00Z');
    expect(normalizeCaseDateTime('2017-09-22T23:13:54+00:00')).toBe('2017-09-22T23:13:54+00:00');
    expect(normalizeCaseDateTime('2019-01-01T10:30')).toBe('2019-01-01T10:30:00Z');
    expect(normalizeCaseDateTime('yesterday')).toBeUndefined();
  });
});

describe('parseCasePackage', () => {
  it('refuses a package without a usable CFDocument, naming the fields', () => {
    expect(() => parseCasePackage({ CFItems: [] })).toThrow(ValidationError);
    try {
      parseCasePackage({ CFDocument: { uri: 'x' }, CFItems: {} });
    } catch (error) {
      const fields = (error as ValidationError).fields?.map((f) => f.field);
      expect(fields).toEqual(
        expect.arrayContaining(['CFItems', 'CFDocument.identifier', 'CFDocument.title']),
      );
      expect((error as Error).message).toMatch(/nothing was imported/);
    }
  });

  it('rejects each unusable item and association with its reason, keeping the rest', () => {
    const pkg = minimal();
    pkg.CFItems.push({ uri: 'https://example.org/2', fullStatement: 'No id' } as never);
    pkg.CFItems.push({ identifier: 'c0000000-0000-4000-8000-000000000003' } as never);
    pkg.CFAssociations.push(
      {
        identifier: 'a1',
        associationType: 'isChildOf',
        originNodeURI: { title: 'x', identifier: 'missing', uri: 'https://example.org/missing' },
        destinationNodeURI: { title: 'Doc', identifier: pkg.CFDocument.identifier, uri: 'x' },
      },
      {
        identifier: 'a2',
        associationType: 'isFriendOf',
        originNodeURI: {},
        destinationNodeURI: {},
      },
      {
        identifier: 'a3',
        associationType: 'isChildOf',
        originNodeURI: {
          title: 'One',
          identifier: 'c0000000-0000-4000-8000-000000000001',
          uri: 'https://example.org/1',
        },
        destinationNodeURI: {
          title: 'Doc',
          identifier: pkg.CFDocument.identifier,
          uri: 'https://example.org/doc',
        },
      },
    );
    const parsed = parseCasePackage(pkg);
    expect(parsed.items.map((i) => i.statement)).toEqual(['One']);
    expect(parsed.associations.map((a) => a.identifier)).toEqual(['a3']);
    expect(parsed.associations[0]!.destinationIsDocument).toBe(true);
    expect(parsed.rejected).toEqual([
      expect.objectContaining({
        kind: 'CFItem',
        index: 1,
        reason: expect.stringMatching(/identifier/),
      }),
      expect.objectContaining({
        kind: 'CFItem',
        index: 2,
        reason: expect.stringMatching(/fullStatement/),
      }),
      expect.objectContaining({
        kind: 'CFAssociation',
        identifier: 'a1',
        reason: expect.stringMatching(/origin missing is not a CFItem/),
      }),
      expect.objectContaining({
        kind: 'CFAssociation',
        identifier: 'a2',
        reason: expect.stringMatching(/associationType/),
      }),
    ]);
  });
});

describe.skipIf(!caseDir)('CASE samples (../shared/data/standards/case)', () => {
  it.each(samples)('%s parses and exports a package valid against the CASE 1.1 schema', (file) => {
    const parsed = parseCasePackage(read(file));
    expect(parsed.rejected).toEqual([]);
    const exported = exportParsed(parsed);
    const validate = schemaValidator();
    expect(validate(exported), JSON.stringify(validate.errors, null, 1)).toBe(true);
    // The export reads back to the same framework.
    const again = parseCasePackage(exported);
    expect(again.items).toEqual(parsed.items.map((i) => ({ ...i, extra: expect.any(Object) })));
    expect(exportParsed(again)).toEqual(exported);
  });
});

describe('toCaseUuid', () => {
  it('keeps UUIDs and maps other identifiers to a stable UUID', () => {
    expect(toCaseUuid('D0000000-0000-0000-0000-000000000000')).toBe(
      'd0000000-0000-0000-0000-000000000000',
    );
    const esco = toCaseUuid('http://data.europa.eu/esco/isced-f/00');
    expect(esco).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(toCaseUuid('http://data.europa.eu/esco/isced-f/00')).toBe(esco);
  });
});
