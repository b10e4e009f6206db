import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import { runBulkAwards } from '../../src/services/bulk-awards/run.ts';
import { createBulkSigner } from '../../src/services/bulk-awards/signer.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  addMember,
  createOrganizationOwnedBy,
  createToken,
  signUpPerson,
  type TestPerson,
} from '../helpers/factories.ts';

let t: TestApp;
let owner: TestPerson;
let viewer: TestPerson;
let outsider: TestPerson;
let slug: string;
let achievementId: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPerson(t, 'Registrar');
  viewer = await signUpPerson(t, 'Viewer');
  outsider = await signUpPerson(t, 'Outsider');
  ({ slug } = await createOrganizationOwnedBy(t, owner));
  await addMember(t, owner, slug, viewer, 'viewer');
  await createOrganizationOwnedBy(t, outsider);
  const token = (await createToken(t, owner, slug, 'issuer')).secret;
  const created = await t.request('POST', `/api/v1/organizations/${slug}/achievements`, {
    token,
    json: minimalAchievementDefinition(),
  });
  achievementId = created.json.id.split('/').at(-1);
});
afterAll(() => t.close());

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const origin = 'http://localhost:3000';

async function upload(person: TestPerson, csv: string | undefined, achievement = achievementId) {
  const list = await t.request('GET', `/organizations/${slug}/bulk-awards`, {
    cookie: person.cookie,
  });
  const body = new FormData();
  body.set('_csrf', csrfOf(list.text));
  body.set('achievementId', achievement);
  body.set('format', 'eddsa-rdfc-2022');
  if (csv !== undefined) body.set('file', new File([csv], 'cohort.csv', { type: 'text/csv' }));
  return t.app.request(`/organizations/${slug}/bulk-awards`, {
    method: 'POST',
    body,
    headers: { cookie: person.cookie, origin },
  });
}

const post = async (person: TestPerson, path: string, pagePath: string) => {
  const page = await t.request('GET', pagePath, { cookie: person.cookie });
  return t.request('POST', path, {
    cookie: person.cookie,
    body: new URLSearchParams({ _csrf: csrfOf(page.text) }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
  });
};

describe('bulk award pages', () => {
  it('uploads a CSV, shows the rejected rows with a CSV download, starts, and shows progress live', async () => {
    const csv =
      'email,result\nada@example.org,A\nbad-address,B\nada@example.org,C\ngrace@example.org,B\n';
    const uploaded = await upload(owner, csv);
    expect(uploaded.status).toBe(303);
    const jobPath = uploaded.headers.get('location')!;
    expect(jobPath).toMatch(new RegExp(`^/organizations/${slug}/bulk-awards/[0-9a-f-]{36}$`));

    const report = await t.request('GET', jobPath, { cookie: owner.cookie });
    expect(report.status).toBe(200);
    expect(report.text).toContain('<strong>2 accepted</strong>, 2 rejected');
    expect(report.text).toMatch(
      /<td>3<\/td><td>bad-address<\/td><td>recipient &quot;bad-address&quot; is not a valid email/,
    );
    expect(report.text).toMatch(/<td>4<\/td><td>ada@example.org<\/td><td>duplicate of row 2/);
    expect(report.text).toContain('Issue 2 credentials');
    const download = await t.request('GET', `${jobPath}/rejected-rows.csv`, {
      cookie: owner.cookie,
    });
    expect(download.headers.get('content-disposition')).toMatch(/attachment/);
    expect(download.text.split('\r\n')[1]).toMatch(/^3,/);

    const started = await post(owner, `${jobPath}/start`, jobPath);
    expect(started.status).toBe(303);
    const running = await t.request('GET', jobPath, { cookie: owner.cookie });
    // Without JavaScript the page refreshes itself; the script only updates it in place.
    expect(running.text).toContain('<noscript><meta http-equiv="refresh" content="3"></noscript>');
    expect(running.text).toContain('<script src="/assets/bulk-award.js" defer></script>');
    expect(running.text).toMatch(/<progress max="2" value="0"/);
    const script = await t.request('GET', '/assets/bulk-award.js');
    expect(script.headers.get('content-type')).toMatch(/javascript/);

    await runBulkAwards(t.ctx, { sign: createBulkSigner({ threads: 0 }).sign });
    const done = await t.request('GET', jobPath, { cookie: owner.cookie });
    expect(done.text).toContain('Done: 2 credentials issued.');
    expect(done.text).not.toContain('http-equiv="refresh"');
    expect(done.text).toMatch(/<progress max="2" value="2"/);
    const list = await t.request('GET', `/organizations/${slug}/bulk-awards`, {
      cookie: owner.cookie,
    });
    expect(list.text).toContain('2 of 2');
  });

  it('lists failed rows with a retry button that issues them', async () => {
    const uploaded = await upload(owner, 'recipient\nlinus@example.org\n');
    const jobPath = uploaded.headers.get('location')!;
    await post(owner, `${jobPath}/start`, jobPath);
    // The achievement is archived between the start and the work: the row fails.
    await t.request('DELETE', `/api/v1/achievements/${achievementId}`, {
      token: (await createToken(t, owner, slug, 'issuer')).secret,
    });
    await runBulkAwards(t.ctx, { sign: createBulkSigner({ threads: 0 }).sign });
    const failed = await t.request('GET', jobPath, { cookie: owner.cookie });
    expect(failed.text).toMatch(
      /<td>2<\/td><td>linus@example.org<\/td><td>The achievement was archived/,
    );
    expect(failed.text).toContain('Retry the 1 failed row');
    await t.ctx.db.execute(
      sql`update achievements set archived_at = null where id = ${achievementId}`,
    );
    const retried = await post(owner, `${jobPath}/retry`, jobPath);
    expect(retried.status).toBe(303);
    await runBulkAwards(t.ctx, { sign: createBulkSigner({ threads: 0 }).sign });
    const done = await t.request('GET', jobPath, { cookie: owner.cookie });
    expect(done.text).toContain('Done: 1 credential issued.');
    expect(done.text).not.toContain('Retry the');
  });

  it('refuses a missing file and keeps viewers and other organizations out', async () => {
    const missing = await upload(owner, undefined);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('CSV file is required');
    const uploaded = await upload(owner, 'recipient\nmary@example.org\n');
    const jobPath = uploaded.headers.get('location')!;
    expect((await t.request('GET', jobPath, { cookie: viewer.cookie })).status).toBe(403);
    expect((await t.request('GET', jobPath, { cookie: outsider.cookie })).status).toBe(404);
    expect(
      (await t.request('GET', `${jobPath}/rejected-rows.csv`, { cookie: outsider.cookie })).status,
    ).toBe(404);
    expect((await upload(viewer, 'recipient\nx@example.org\n')).status).toBe(403);
    const anonymous = await t.request('GET', jobPath);
    expect(anonymous.status).toBe(303);
  });
});
