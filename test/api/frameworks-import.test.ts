import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCO_ATTRIBUTION } from '../../src/domain/frameworks/competency.ts';
import { importEsco } from '../../src/services/frameworks/esco-import.ts';
import { createTestApp, type TestApp, testAdminToken } from '../helpers/app.ts';
import {
  createOrganizationOwnedBy,
  createToken,
  signUpPerson,
  type TestPerson,
} from '../helpers/factories.ts';
import { sharedDataPath } from '../helpers/shared-data.ts';

const caseDir = sharedDataPath('standards/case');
const escoSubset = sharedDataPath('esco/ict-subset');
const samples = caseDir
  ? readdirSync(caseDir).filter((f) => f.startsWith('opensalt-') && !f.includes('schema'))
  : [];
const readSample = (file: string) => JSON.parse(readFileSync(join(caseDir!, file), 'utf8'));

let t: TestApp;
let owner: TestPerson;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPerson(t, 'Owner');
});
afterAll(() => t.close());

/** Each sample in an organization of its own: several samples share one CFDocument identifier. */
async function newIssuer() {
  const { slug } = await createOrganizationOwnedBy(t, owner);
  return { slug, token: (await createToken(t, owner, slug, 'issuer')).secret };
}

const importCase = (slug: string, token: string, json: unknown) =>
  t.request('POST', `/api/v1/organizations/${slug}/frameworks/import/case`, { token, json });

describe.skipIf(!caseDir)('CASE import and export', () => {
  it.each(samples)('imports %s with every item and association', async (file) => {
    const { slug, token } = await newIssuer();
    const pkg = readSample(file);
    const response = await importCase(slug, token, pkg);
    expect(response.status, response.text).toBe(201);
    expect(response.json.rejected).toEqual([]);
    expect(response.json.counts).toEqual({
      items: { received: pkg.CFItems.length, imported: pkg.CFItems.length, rejected: 0 },
      associations: {
        received: pkg.CFAssociations.length,
        imported: pkg.CFAssociations.length,
        rejected: 0,
      },
    });
    console.info(
      `${file}: ${response.json.counts.items.imported} items, ${response.json.counts.associations.imported} associations`,
    );
    expect(response.json.framework).toMatchObject({ source: 'case', readOnly: true });
  });

  it('reads timestamps without a time zone and re-imports in place (no duplicates)', async () => {
    const { slug, token } = await newIssuer();
    const file = 'opensalt-opensalt-framework-20c5134f-423d-4097-a971-3dd5152bf507.json';
    const pkg = readSample(file);
    expect(pkg.CFDocument.lastChangeDateTime).toBe('2017-05-25T18:05:33');
    const first = await importCase(slug, token, pkg);
    const again = await importCase(slug, token, pkg);
    expect(again.status).toBe(200);
    expect(again.json.created).toBe(false);
    expect(again.json.framework.id).toBe(first.json.framework.id);
    const listed = await t.request('GET', `/api/v1/organizations/${slug}/frameworks`);
    expect(listed.json.frameworks).toHaveLength(1);
    expect(listed.json.frameworks[0].competencyCount).toBe(pkg.CFItems.length);
    const tree = await t.request('GET', `/api/v1/frameworks/${first.json.framework.id}`);
    expect(tree.json.tree.length).toBeGreaterThan(0);
  });

  it('exports packages valid against the CASE 1.1 schema, and import → export → import is stable', async () => {
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    (((ajvFormats as { default?: unknown }).default as (a: Ajv2019) => void) ?? ajvFormats)(ajv);
    const validate = ajv.compile(readSample('case-v1p1-cfpackage-schema.OpenCASE.json'));
    for (const file of samples) {
      const a = await newIssuer();
      const imported = await importCase(a.slug, a.token, readSample(file));
      const first = await t.request('GET', `/api/v1/frameworks/${imported.json.framework.id}/case`);
      expect(first.status).toBe(200);
      expect(validate(first.json), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      const b = await newIssuer();
      const reimported = await importCase(b.slug, b.token, first.json);
      expect(reimported.json.rejected).toEqual([]);
      const second = await t.request(
        'GET',
        `/api/v1/frameworks/${reimported.json.framework.id}/case`,
      );
      expect(second.json, file).toEqual(first.json);
    }
  });

  it('refuses a package without a CFDocument, naming what is wrong, and writes nothing', async () => {
    const { slug, token } = await newIssuer();
    const response = await importCase(slug, token, { CFItems: 'none', CFAssociations: [] });
    expect(response.status).toBe(400);
    expect(response.json.detail).toMatch(/nothing was imported/);
    expect(response.json.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['CFDocument', 'CFItems']),
    );
    const listed = await t.request('GET', `/api/v1/organizations/${slug}/frameworks`);
    expect(listed.json.frameworks).toEqual([]);
  });

  it('reports each rejected item and association with its reason', async () => {
    const { slug, token } = await newIssuer();
    const pkg = readSample('opensalt-SmartLevelFramework.json');
    delete pkg.CFItems[0].identifier;
    delete pkg.CFItems[1].fullStatement;
    pkg.CFAssociations.push({
      ...pkg.CFAssociations[2],
      identifier: 'b0000000-0000-4000-8000-00000000dead',
      originNodeURI: { title: 'Gone', identifier: 'nowhere', uri: 'https://example.org/gone' },
    });
    const response = await importCase(slug, token, pkg);
    expect(response.status, response.text).toBe(201);
    expect(response.json.counts.items).toEqual({ received: 14, imported: 12, rejected: 2 });
    expect(response.json.rejected).toEqual(
      expect.arrayContaining([
        { kind: 'CFItem', index: 0, reason: expect.stringMatching(/without identifier/) },
        expect.objectContaining({
          kind: 'CFItem',
          index: 1,
          reason: expect.stringMatching(/without fullStatement/),
        }),
        expect.objectContaining({
          kind: 'CFAssociation',
          identifier: 'b0000000-0000-4000-8000-00000000dead',
          reason: 'origin nowhere is not a CFItem of this package',
        }),
      ]),
    );
  });

  it('makes imported frameworks read-only, and only issuers of the organization import', async () => {
    const { slug, token } = await newIssuer();
    const imported = await importCase(slug, token, readSample('opensalt-MarkdownFramework.json'));
    const edit = await t.request(
      'POST',
      `/api/v1/frameworks/${imported.json.framework.id}/competencies`,
      { token, json: { statement: 'Hand-made' } },
    );
    expect(edit.status).toBe(409);
    expect(edit.json.detail).toMatch(/read-only/);
    const viewer = (await createToken(t, owner, slug, 'viewer')).secret;
    expect(
      (await importCase(slug, viewer, readSample('opensalt-MarkdownFramework.json'))).status,
    ).toBe(403);
  });
});

describe.skipIf(!escoSubset)('ESCO import (ict subset)', () => {
  const operator = { kind: 'admin-token' } as const;
  let escoId: string;
  let totals: Record<string, number>;

  it('imports skills, relations and occupations as a read-only platform framework', async () => {
    const summary = await importEsco(t.ctx, operator, [escoSubset!], { version: 'ict-subset' });
    expect(summary.imported).toMatchObject({ skills: 1015, occupations: 91 });
    expect(summary.imported.occupationSkills).toBeGreaterThan(5000);
    expect(summary.imported.skillRelations).toBeGreaterThan(0);
    expect(summary.totals.competencies).toBe(1015);
    escoId = summary.framework.id;
    totals = summary.totals;
    console.info(
      `ESCO ict subset: ${JSON.stringify(summary.imported)}, skipped ${JSON.stringify(summary.skipped)}`,
    );
    const framework = await t.request('GET', `/api/v1/frameworks/${escoId}`);
    expect(framework.json.framework).toMatchObject({
      source: 'esco',
      readOnly: true,
      organization: null,
      attribution: ESCO_ATTRIBUTION,
    });
    expect(framework.json.attribution).toBe(ESCO_ATTRIBUTION);
  });

  it('re-imports in place: counts unchanged, nothing duplicated', async () => {
    const summary = await importEsco(t.ctx, operator, [escoSubset!]);
    expect(summary.created).toBe(false);
    expect(summary.framework.id).toBe(escoId);
    expect(summary.totals).toEqual(totals);
  });

  it('serves skills with their attribution, relations and the occupations that need them', async () => {
    const found = await t.request('GET', '/api/v1/competencies?q=Haskell');
    const haskell = found.json.competencies.find(
      (c: { statement: string }) => c.statement === 'Haskell',
    );
    expect(haskell).toMatchObject({ type: 'knowledge', attribution: ESCO_ATTRIBUTION });
    const detail = await t.request('GET', `/api/v1/competencies/${haskell.id}`);
    expect(detail.json.attribution).toBe(ESCO_ATTRIBUTION);
    expect(detail.json.competency.uri).toBe(
      'http://data.europa.eu/esco/skill/000f1d3d-220f-4789-9c0a-cc742521fb02',
    );
    expect(detail.json.occupations.length).toBeGreaterThan(0);
    expect(['essential', 'optional']).toContain(detail.json.occupations[0].relation);
  });

  it('is read-only for everyone: 403 for organization owners, 409 for operators', async () => {
    const { token } = await newIssuer();
    const asIssuer = await t.request('POST', `/api/v1/frameworks/${escoId}/competencies`, {
      token,
      json: { statement: 'My skill' },
    });
    expect(asIssuer.status).toBe(403);
    expect(asIssuer.json.detail).toMatch(/read-only/);
    const asOperator = await t.request('POST', `/api/v1/frameworks/${escoId}/competencies`, {
      token: testAdminToken,
      json: { statement: 'My skill' },
    });
    expect(asOperator.status).toBe(409);
    expect(asOperator.json.detail).toMatch(/read-only.*re-importing/);
  });

  it('refuses a file without a required column with a clear error, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esco-bad-'));
    writeFileSync(
      join(dir, 'skills_en.csv'),
      'conceptUri,skillType,label\nhttp://data.europa.eu/esco/skill/new,knowledge,Something new\n',
    );
    await expect(importEsco(t.ctx, operator, [dir])).rejects.toThrow(
      /skills_en\.csv is not a usable ESCO skills file: it has no "preferredLabel" column/,
    );
    // A good skills file followed by a broken relations file rolls back the skills too.
    writeFileSync(
      join(dir, 'skills_en.csv'),
      'conceptUri,preferredLabel\nhttp://data.europa.eu/esco/skill/new,Something new\n',
    );
    writeFileSync(join(dir, 'occupationSkillRelations.csv'), 'occupationUri,skillUri\nx,y\n');
    await expect(importEsco(t.ctx, operator, [dir])).rejects.toThrow(/relationType/);
    const found = await t.request('GET', '/api/v1/competencies?q=Something new');
    expect(found.json.competencies).toEqual([]);
    const framework = await t.request('GET', `/api/v1/frameworks/${escoId}`);
    expect(framework.json.framework.competencyCount).toBe(totals.competencies);
  });
});

describe('skillmark import', () => {
  const bin = new URL('../../bin/skillmark.js', import.meta.url).pathname;
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });

  it('documents its commands', () => {
    for (const command of [['import'], ['import', 'esco'], ['import', 'case']]) {
      const result = cli([...command, '--help']);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^Usage: skillmark import/);
    }
    expect(cli(['import', 'esco', '--help']).stdout).toContain('--relations <zip>');
  });

  it('refuses a CASE file that is not JSON with one clear line', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'case-bad-')), 'package.json');
    writeFileSync(file, '{"CFDocument": ');
    const result = cli(['import', 'case', file, '--org', 'demo-university']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^skillmark: .*package\.json cannot be read as JSON/);
  });
});
