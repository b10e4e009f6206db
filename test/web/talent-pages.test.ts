import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  createOrganizationOwnedBy,
  createToken,
  signUpPerson,
  type TestPerson,
} from '../helpers/factories.ts';
import {
  awardTo,
  createAlignedAchievement,
  createEmployer,
  insertTalentSkills,
} from '../helpers/talent-fixtures.ts';

let t: TestApp;
let skills: Awaited<ReturnType<typeof insertTalentSkills>>;
let employer: Awaited<ReturnType<typeof createEmployer>>;
let issuerSlug: string;
let issuerOwner: TestPerson;
let learner: TestPerson;

const form = (fields: Array<[string, string]>) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:3000' },
});
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const get = (person: TestPerson, path: string) => t.request('GET', path, { cookie: person.cookie });
const post = async (person: TestPerson, path: string, fields: Array<[string, string]>) =>
  t.request('POST', path, {
    cookie: person.cookie,
    ...form([['_csrf', csrfOf((await get(person, '/account')).text)], ...fields]),
  });

beforeAll(async () => {
  t = await createTestApp();
  skills = await insertTalentSkills(t);
  issuerOwner = await signUpPerson(t, 'Issuer Owner');
  ({ slug: issuerSlug } = await createOrganizationOwnedBy(t, issuerOwner));
  const token = (await createToken(t, issuerOwner, issuerSlug, 'issuer')).secret;
  const achievement = await createAlignedAchievement(
    t,
    token,
    issuerSlug,
    'SQL Basics',
    skills.sql,
  );
  learner = await signUpPerson(t, 'Page Learner');
  await awardTo(t, token, achievement, learner);
  employer = await createEmployer(t, [
    { competencyId: skills.sql.id, importance: 'required' },
    { competencyId: skills.python.id, importance: 'nice-to-have' },
  ]);
});
afterAll(() => t.close());

describe('learner consent page', () => {
  it('is off by default, opts in with chosen fields, and lists who looked', async () => {
    const page = await get(learner, '/talent-profile');
    expect(page.status).toBe(200);
    expect(page.text).toContain('You cannot be found by employers.');
    expect(page.text).not.toMatch(/name="optedIn" value="on" checked/);

    const saved = await post(learner, '/talent-profile', [
      ['optedIn', 'on'],
      ['showName', 'on'],
      ['headline', 'Hidden headline'],
      ['location', ''],
      ['contactEmail', ''],
    ]);
    expect(saved.status, saved.text).toBe(303);
    const after = await get(learner, '/talent-profile');
    expect(after.text).toContain('You can be found by employers.');

    const search = await get(
      employer.owner,
      `/organizations/${employer.slug}/talent?jobProfileId=${employer.jobProfileId}`,
    );
    expect(search.status, search.text).toBe(200);
    expect(search.text).toContain('Page Learner');
    expect(search.text).toContain('1 of 1 required skill proven: SQL by credential SQL Basics');
    expect(search.text).not.toContain('Hidden headline');

    const views = await get(learner, '/talent-profile');
    expect(views.text).toContain('Saw you in search results');
    expect(views.text).toContain(`Organization ${employer.slug}`);
  });

  it('refuses a form post without the CSRF token', async () => {
    const refused = await t.request('POST', '/talent-profile', {
      cookie: learner.cookie,
      ...form([['optedIn', 'on']]),
    });
    expect(refused.status).toBe(403);
  });
});

describe('employer pages', () => {
  it('creates a job profile, edits importance and minimum level, and deletes it', async () => {
    const created = await post(employer.owner, `/organizations/${employer.slug}/job-profiles`, [
      ['title', 'Junior data engineer'],
      ['description', ''],
    ]);
    expect(created.status, created.text).toBe(303);
    const location = created.headers.get('location')!;
    const id = location.split('/').at(-1)!.split('?')[0]!;
    const search = await get(employer.owner, `${location.split('?')[0]}?skillQuery=Python`);
    expect(search.text).toContain('Add as required');
    const added = await post(
      employer.owner,
      `/organizations/${employer.slug}/job-profiles/${id}/skills`,
      [
        ['competencyId', skills.python.id],
        ['importance', 'required'],
      ],
    );
    expect(added.status, added.text).toBe(303);
    const edited = await post(
      employer.owner,
      `/organizations/${employer.slug}/job-profiles/${id}`,
      [
        ['title', 'Junior data engineer'],
        ['description', 'Builds pipelines'],
        [`importance-${skills.python.id}`, 'nice-to-have'],
        [`minLevel-${skills.python.id}`, 'B2'],
      ],
    );
    expect(edited.status, edited.text).toBe(303);
    const profile = await t.request('GET', `/api/v1/role-profiles/${id}`, {
      token: employer.token,
    });
    expect(profile.json.skills).toEqual([
      expect.objectContaining({
        competencyId: skills.python.id,
        importance: 'nice-to-have',
        minLevel: 'B2',
      }),
    ]);
    const deleted = await post(
      employer.owner,
      `/organizations/${employer.slug}/job-profiles/${id}/delete`,
      [],
    );
    expect(deleted.status).toBe(303);
    expect(
      (await t.request('GET', `/api/v1/role-profiles/${id}`, { token: employer.token })).status,
    ).toBe(404);
  });

  it('hides another organization’s job profile and talent search from outsiders', async () => {
    const outsider = await signUpPerson(t, 'Outsider');
    expect(
      (await get(outsider, `/organizations/${employer.slug}/job-profiles/${employer.jobProfileId}`))
        .status,
    ).toBe(404);
    expect((await get(outsider, `/organizations/${employer.slug}/talent?skills=x`)).status).toBe(
      403,
    );
  });

  it('shows a candidate page with verified skills only', async () => {
    const search = await get(
      employer.owner,
      `/organizations/${employer.slug}/talent?jobProfileId=${employer.jobProfileId}`,
    );
    const href = /href="(\/organizations\/[^"]+\/talent\/candidates\/[^"]+)"/.exec(
      search.text,
    )![1]!;
    const candidate = await get(employer.owner, href);
    expect(candidate.status).toBe(200);
    expect(candidate.text).toContain('SQL Basics');
  });

  it('renders issuer analytics with an accessible chart, its table and CSV links', async () => {
    const page = await get(issuerOwner, `/organizations/${issuerSlug}/analytics`);
    expect(page.status, page.text).toBe(200);
    expect(page.text).toMatch(
      /<svg[^>]+role="img"[^>]+aria-labelledby="events-chart-title events-chart-desc"/,
    );
    expect(page.text).toContain('<caption>Credential events per month</caption>');
    expect(page.text).toContain('analytics.csv?dataset=events');
    expect(page.text).toMatch(/1 issued, 1 claimed|1 issued, 0 claimed/);
    const bad = await get(
      issuerOwner,
      `/organizations/${issuerSlug}/analytics?from=2026-09&to=2026-01`,
    );
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('must not be after');
    expect((await get(learner, `/organizations/${issuerSlug}/analytics`)).status).toBe(403);
  });
});
