import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  createOrganizationOwnedBy,
  createToken,
  signUpPerson,
  type TestPerson,
} from '../helpers/factories.ts';

let t: TestApp;
let owner: TestPerson;
let slug: string;
let achievementId: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPerson(t, 'Page Owner');
  slug = (await createOrganizationOwnedBy(t, owner)).slug;
  const token = (await createToken(t, owner, slug, 'issuer')).secret;
  const created = await t.request('POST', `/api/v1/organizations/${slug}/achievements`, {
    token,
    json: { ...fullAchievementDefinition(), name: 'Intro badge', creditsAvailable: 2 },
  });
  achievementId = created.json.id.split('/').at(-1);
});
afterAll(() => t.close());

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function post(path: string, fields: Record<string, string>) {
  const page = await t.request('GET', `/organizations/${slug}/pathways`, { cookie: owner.cookie });
  const response = await t.app.request(path, {
    method: 'POST',
    body: new URLSearchParams({ _csrf: csrfOf(page.text), ...fields }).toString(),
    headers: {
      cookie: owner.cookie,
      origin: 'http://localhost:3000',
      'content-type': 'application/x-www-form-urlencoded',
    },
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

describe('/organizations/:slug/pathways', () => {
  it('shows validation errors for an unsatisfiable tree next to the requirements field', async () => {
    const response = await post(`/organizations/${slug}/pathways`, {
      title: 'Too much',
      achievementId,
      requirement: JSON.stringify({
        kind: 'n-of',
        n: 2,
        of: [{ kind: 'achievement', achievementId }],
      }),
    });
    expect(response.status).toBe(400);
    expect(response.text).toContain('id="field-requirement-error"');
    expect(response.text).toContain('requirement: n-of asks for 2 but lists only 1 requirement');
    expect(response.text).toContain('aria-invalid="true"');
  });

  it('refuses text that is not JSON, keeping what was typed', async () => {
    const response = await post(`/organizations/${slug}/pathways`, {
      title: 'Broken',
      achievementId,
      requirement: '{ kind: all-of',
    });
    expect(response.status).toBe(400);
    expect(response.text).toContain('not valid JSON');
    expect(response.text).toContain('{ kind: all-of</textarea>');
  });

  it('creates a pathway and renders its tree in words; adds a recognition rule', async () => {
    const created = await post(`/organizations/${slug}/pathways`, {
      title: 'Starter pathway',
      achievementId,
      requirement: JSON.stringify({
        kind: 'any-of',
        of: [{ kind: 'achievement', achievementId }],
      }),
    });
    expect(created.status, created.text).toBe(303);
    const page = await t.request('GET', `/organizations/${slug}/pathways`, {
      cookie: owner.cookie,
    });
    expect(page.text).toContain('Starter pathway');
    expect(page.text).toMatch(/Any one of:<ul><li>Achievement: Intro badge<\/li><\/ul>/);

    const rule = await post(`/organizations/${slug}/recognition-rules`, {
      externalIssuerId: 'https://other.example/issuer',
      countsAsAchievementId: achievementId,
    });
    expect(rule.status, rule.text).toBe(200);
    expect(rule.text).toContain(
      'Any achievement from https://other.example/issuer counts as Intro badge',
    );
  });
});
