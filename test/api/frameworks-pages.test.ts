import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCO_ATTRIBUTION } from '../../src/domain/frameworks/competency.ts';
import { importEsco } from '../../src/services/frameworks/esco-import.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createOrganizationOwnedBy, createToken, signUpPerson } from '../helpers/factories.ts';
import { sharedDataPath } from '../helpers/shared-data.ts';

const caseDir = sharedDataPath('standards/case');
const escoSubset = sharedDataPath('esco/ict-subset');

let t: TestApp;
let caseFrameworkId: string;
let escoFrameworkId: string | undefined;

beforeAll(async () => {
  t = await createTestApp();
  const owner = await signUpPerson(t, 'Owner');
  const { slug } = await createOrganizationOwnedBy(t, owner);
  const token = (await createToken(t, owner, slug, 'issuer')).secret;
  const created = await t.request('POST', `/api/v1/organizations/${slug}/frameworks`, {
    token,
    json: { title: 'Pages framework' },
  });
  caseFrameworkId = created.json.id;
  const parent = await t.request('POST', `/api/v1/frameworks/${caseFrameworkId}/competencies`, {
    token,
    json: { statement: 'Communicate <clearly>', code: 'C' },
  });
  await t.request('POST', `/api/v1/frameworks/${caseFrameworkId}/competencies`, {
    token,
    json: { statement: 'Write a summary', code: 'C.1', parentId: parent.json.id },
  });
  if (caseDir) {
    const pkg = JSON.parse(
      readFileSync(join(caseDir, 'opensalt-SmartLevelFramework.json'), 'utf8'),
    );
    await t.request('POST', `/api/v1/organizations/${slug}/frameworks/import/case`, {
      token,
      json: pkg,
    });
  }
  if (escoSubset)
    escoFrameworkId = (await importEsco(t.ctx, { kind: 'admin-token' }, [escoSubset])).framework.id;
});
afterAll(() => t.close());

describe('framework pages', () => {
  it('list every framework with a labelled search', async () => {
    const page = await t.request('GET', '/frameworks');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Competency frameworks</h1>');
    expect(page.text).toContain('<label for="q">Search competencies</label>');
    expect(page.text).toContain(`href="/frameworks/${caseFrameworkId}"`);
    const search = await t.request('GET', '/frameworks?q=summary');
    expect(search.text).toContain('Write a summary');
  });

  it('show the tree as nested disclosures that work without JavaScript, escaping text', async () => {
    const page = await t.request('GET', `/frameworks/${caseFrameworkId}`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<details open>\s*<summary>/);
    expect(page.text).toContain('Communicate &lt;clearly&gt;');
    expect(page.text).not.toContain('<clearly>');
    expect(page.text).not.toContain('<script');
  });

  it.skipIf(!escoSubset)(
    'show the ESCO attribution on ESCO framework and competency pages',
    async () => {
      const framework = await t.request('GET', `/frameworks/${escoFrameworkId}`);
      expect(framework.text).toContain(ESCO_ATTRIBUTION);
      const list = await t.request('GET', '/frameworks');
      expect(list.text).toContain(ESCO_ATTRIBUTION);
      const found = await t.request('GET', '/api/v1/competencies?q=Haskell');
      const id = found.json.competencies[0].id;
      const page = await t.request('GET', `/competencies/${id}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<h1>Haskell</h1>');
      expect(page.text).toContain(ESCO_ATTRIBUTION);
      expect(page.text).toContain('Occupations that need it');
      const search = await t.request('GET', '/frameworks?q=Haskell');
      expect(search.text).toContain(ESCO_ATTRIBUTION);
    },
  );

  it('serve a competency URI as JSON to machines that ask for it', async () => {
    const found = await t.request('GET', '/api/v1/competencies?q=summary');
    const id = found.json.competencies[0].id;
    const asJson = await t.request('GET', `/competencies/${id}`, {
      headers: { accept: 'application/json' },
    });
    expect(asJson.json.competency.uri).toBe(`http://localhost:3000/competencies/${id}`);
    expect(asJson.json.relations[0].associationType).toBe('isChildOf');
  });
});
