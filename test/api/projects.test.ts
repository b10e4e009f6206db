import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { competencies, competencyEvidence, frameworks } from '../../src/db/schema.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  addMember,
  createOrganizationOwnedBy,
  createToken,
  sameOrigin,
  signUpPerson,
  type TestPerson,
  unique,
} from '../helpers/factories.ts';

let t: TestApp;
let owner: TestPerson;
let assessor: TestPerson;
let otherAssessor: TestPerson;
let slug: string;
let otherSlug: string;
let issuerToken: string;
let competencyIds: [string, string];
let rubricId: string;
let projectId: string;
let peerAssessmentId: string;

const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const elfBytes = Buffer.concat([
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]),
  Buffer.alloc(120, 0),
]);
const essay =
  'Data literacy means reading a chart critically, asking where the numbers come from, and ' +
  'explaining what they do not show. A good analyst checks the sample, the scale and the ' +
  'baseline before drawing any conclusion about the trend in the figures.';

/** A framework with two competencies, inserted directly (frameworks have their own API). */
async function insertCompetencies(): Promise<[string, string]> {
  const frameworkId = randomUUID();
  await t.ctx.db.insert(frameworks).values({
    id: frameworkId,
    source: 'local',
    identifier: unique('framework'),
    uri: `https://example.org/frameworks/${frameworkId}`,
    title: 'Data skills',
  });
  const ids: [string, string] = [randomUUID(), randomUUID()];
  await t.ctx.db.insert(competencies).values(
    ids.map((id, index) => ({
      id,
      frameworkId,
      identifier: `c${index}`,
      uri: `https://example.org/competencies/${id}`,
      statement: index === 0 ? 'Analyse data' : 'Write clearly',
    })),
  );
  return ids;
}

const levels = [1, 2, 3, 4].map((value) => ({ value, title: `Level ${value}` }));

async function person(name: string) {
  return signUpPerson(t, `${name} ${unique('n')}`);
}

const submit = (who: TestPerson, assessmentId: string, json: Record<string, unknown>) =>
  t.request('POST', `/api/v1/project-assessments/${assessmentId}/submissions`, {
    cookie: who.cookie,
    headers: sameOrigin,
    json,
  });

const decide = (who: TestPerson, submissionId: string, json: Record<string, unknown>) =>
  t.request('POST', `/api/v1/submissions/${submissionId}/decision`, {
    cookie: who.cookie,
    headers: sameOrigin,
    json,
  });

const asFile = (name: string, bytes: Buffer) => ({ name, contentBase64: bytes.toString('base64') });

beforeAll(async () => {
  t = await createTestApp();
  owner = await person('Owner');
  assessor = await person('Assessor');
  otherAssessor = await person('Other Assessor');
  ({ slug } = await createOrganizationOwnedBy(t, owner));
  await addMember(t, owner, slug, assessor, 'assessor');
  const otherOwner = await person('Other Owner');
  ({ slug: otherSlug } = await createOrganizationOwnedBy(t, otherOwner));
  await addMember(t, otherOwner, otherSlug, otherAssessor, 'assessor');
  issuerToken = (await createToken(t, owner, slug, 'issuer')).secret;
  competencyIds = await insertCompetencies();
  const rubric = await t.request('POST', `/api/v1/organizations/${slug}/rubrics`, {
    token: issuerToken,
    json: {
      title: 'Data story',
      criteria: [
        { id: 'analysis', title: 'Analysis', competencyId: competencyIds[0], levels },
        { id: 'writing', title: 'Writing', competencyId: competencyIds[1], levels },
      ],
    },
  });
  expect(rubric.status, rubric.text).toBe(201);
  rubricId = rubric.json.id;
  const settings = { maxFileBytes: 4000, allowedTypes: ['application/pdf', 'text/plain'] };
  const project = await t.request('POST', `/api/v1/organizations/${slug}/project-assessments`, {
    token: issuerToken,
    json: { kind: 'project', title: 'Data story', instructions: 'Tell one.', rubricId, settings },
  });
  expect(project.status, project.text).toBe(201);
  projectId = project.json.id;
  const peer = await t.request('POST', `/api/v1/organizations/${slug}/project-assessments`, {
    token: issuerToken,
    json: {
      kind: 'peer-review',
      title: 'Peer story',
      instructions: 'Tell one; review two.',
      rubricId,
      settings: { ...settings, peers: 2 },
    },
  });
  expect(peer.status, peer.text).toBe(201);
  peerAssessmentId = peer.json.id;
});
afterAll(() => t.close());

describe('rubrics and assessments', () => {
  it('are defined by issuers, with each criterion mapped to a known competency', async () => {
    const listed = await t.request('GET', `/api/v1/organizations/${slug}/rubrics`, {
      token: issuerToken,
    });
    expect(listed.json.rubrics.map((r: { id: string }) => r.id)).toContain(rubricId);
    const unknown = await t.request('POST', `/api/v1/organizations/${slug}/rubrics`, {
      token: issuerToken,
      json: {
        title: 'Bad',
        criteria: [{ id: 'x', title: 'X', competencyId: randomUUID(), levels }],
      },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors).toContainEqual(
      expect.objectContaining({ field: 'criteria.0.competencyId' }),
    );
    const byAssessor = await t.request('POST', `/api/v1/organizations/${slug}/rubrics`, {
      cookie: assessor.cookie,
      headers: sameOrigin,
      json: {
        title: 'Mine',
        criteria: [{ id: 'x', title: 'X', competencyId: competencyIds[0], levels }],
      },
    });
    expect(byAssessor.status).toBe(403);
    const assessment = await t.request('GET', `/api/v1/project-assessments/${projectId}`);
    expect(assessment.json).toMatchObject({ kind: 'project', rubric: { id: rubricId } });
    expect(assessment.json.settings.allowedTypes).toEqual(['application/pdf', 'text/plain']);
  });
});

describe('project submissions', () => {
  let ada: TestPerson;
  let submissionId: string;
  let fileUrl: string;

  beforeAll(async () => {
    ada = await person('Ada');
    const response = await submit(ada, projectId, {
      text: essay,
      links: ['https://example.org/story'],
      shareAsEvidence: true,
      files: [asFile('story.pdf', pdfBytes)],
    });
    expect(response.status, response.text).toBe(201);
    submissionId = response.json.id;
    fileUrl = response.json.files[0].url;
    expect(response.json).toMatchObject({ version: 1, status: 'submitted', shareAsEvidence: true });
    expect(response.json.files[0]).toMatchObject({
      name: 'story.pdf',
      mediaType: 'application/pdf',
    });
  });

  it('are readable by their learner, and by no other learner (404), with their files', async () => {
    expect(
      (await t.request('GET', `/api/v1/submissions/${submissionId}`, { cookie: ada.cookie }))
        .status,
    ).toBe(200);
    const own = await t.request('GET', fileUrl, { cookie: ada.cookie });
    expect(own.status).toBe(200);
    const mallory = await person('Mallory');
    expect(
      (await t.request('GET', `/api/v1/submissions/${submissionId}`, { cookie: mallory.cookie }))
        .status,
    ).toBe(404);
    expect((await t.request('GET', fileUrl, { cookie: mallory.cookie })).status).toBe(404);
    expect((await t.request('GET', fileUrl)).status).toBe(401);
  });

  it('are invisible to assessors of another organization, who can neither see nor score them', async () => {
    const seen = await t.request('GET', `/api/v1/submissions/${submissionId}`, {
      cookie: otherAssessor.cookie,
    });
    expect(seen.status).toBe(404);
    expect((await t.request('GET', fileUrl, { cookie: otherAssessor.cookie })).status).toBe(404);
    const scored = await decide(otherAssessor, submissionId, {
      levels: { analysis: 4, writing: 4 },
      decision: 'accept',
    });
    expect(scored.status).toBe(404);
    const queue = await t.request('GET', `/api/v1/organizations/${slug}/review-queue`, {
      cookie: otherAssessor.cookie,
    });
    expect(queue.status).toBe(403);
    const page = await t.request('GET', `/reviews/${submissionId}`, {
      cookie: otherAssessor.cookie,
    });
    expect(page.status).toBe(404);
    expect(page.text).not.toContain('Data literacy');
  });

  it('refuse a file whose bytes are not an allowed type, whatever its name says', async () => {
    const bob = await person('Bob');
    const response = await submit(bob, projectId, {
      text: 'My work',
      files: [asFile('report.pdf', elfBytes)],
    });
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.json.detail).toMatch(/application\/x-elf|unrecognized/);
    const exe = await submit(bob, projectId, {
      text: 'My work',
      files: [asFile('notes.txt', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0)]))],
    });
    expect(exe.status).toBe(415);
  });

  it('refuse an oversize file with 413 problem+json', async () => {
    const cy = await person('Cy');
    const response = await submit(cy, projectId, {
      text: 'Big',
      files: [asFile('big.txt', Buffer.alloc(5000, 'a'))],
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.json.code).toBe('payload_too_large');
  });

  it('are scored by an assessor of the organization; accepting records evidence per criterion', async () => {
    const queue = await t.request('GET', `/api/v1/organizations/${slug}/review-queue`, {
      cookie: assessor.cookie,
    });
    expect(queue.status).toBe(200);
    expect(queue.json.submissions.map((s: { submissionId: string }) => s.submissionId)).toContain(
      submissionId,
    );
    const incomplete = await decide(assessor, submissionId, {
      levels: { analysis: 3 },
      decision: 'accept',
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.json.errors).toContainEqual(
      expect.objectContaining({ field: 'levels.writing' }),
    );
    const accepted = await decide(assessor, submissionId, {
      levels: { analysis: 3, writing: 4 },
      feedback: 'Clear and careful.',
      decision: 'accept',
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.json.status).toBe('accepted');
    const evidence = await t.ctx.db
      .select()
      .from(competencyEvidence)
      .where(eq(competencyEvidence.sourceId, submissionId));
    expect(
      evidence
        .map((e) => ({
          competencyId: e.competencyId,
          score: e.score,
          level: e.level,
          kind: e.sourceKind,
        }))
        .sort((a, b) => (a.level ?? 0) - (b.level ?? 0)),
    ).toEqual([
      { competencyId: competencyIds[0], score: 0.75, level: 3, kind: 'submission' },
      { competencyId: competencyIds[1], score: 1, level: 4, kind: 'submission' },
    ]);
    const again = await decide(assessor, submissionId, {
      levels: { analysis: 1, writing: 1 },
      decision: 'resubmit',
    });
    expect(again.status).toBe(409);
    const learnerView = await t.request('GET', `/api/v1/submissions/${submissionId}`, {
      cookie: ada.cookie,
    });
    expect(learnerView.json.decision).toMatchObject({
      decision: 'accept',
      feedback: 'Clear and careful.',
    });
    expect(learnerView.json.similarity).toBeUndefined();
  });

  it('go through a resubmission: a new version only after the assessor asks for one', async () => {
    const dee = await person('Dee');
    const first = await submit(dee, projectId, { text: 'A first draft of my story.' });
    expect(first.status).toBe(201);
    const early = await submit(dee, projectId, { text: 'Impatient second draft.' });
    expect(early.status).toBe(409);
    const asked = await decide(assessor, first.json.id, {
      levels: { analysis: 1, writing: 2 },
      feedback: 'Add your sources.',
      decision: 'resubmit',
    });
    expect(asked.json.status).toBe('resubmission-requested');
    const evidence = await t.ctx.db
      .select()
      .from(competencyEvidence)
      .where(eq(competencyEvidence.sourceId, first.json.id));
    expect(evidence).toEqual([]);
    const second = await submit(dee, projectId, { text: 'A second draft, with sources.' });
    expect(second.status).toBe(201);
    expect(second.json).toMatchObject({ version: 2, status: 'submitted' });
    const page = await t.request('GET', `/assessments/${projectId}/submit`, { cookie: dee.cookie });
    expect(page.text).toContain('Version 2');
    expect(page.text).toContain('Resubmission requested');
  });
});

describe('the web form', () => {
  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

  async function postForm(
    who: TestPerson,
    fields: Record<string, string>,
    files: Array<[string, Buffer, string]>,
  ) {
    const page = await t.request('GET', `/assessments/${projectId}/submit`, { cookie: who.cookie });
    expect(page.status).toBe(200);
    const form = new FormData();
    form.set('_csrf', csrfOf(page.text));
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    for (const [name, bytes, type] of files)
      form.append('files', new Blob([new Uint8Array(bytes)], { type }), name);
    return t.app.request(`/assessments/${projectId}/submit`, {
      method: 'POST',
      body: form,
      headers: { cookie: who.cookie, origin: 'http://localhost:3000' },
    });
  }

  it('stores a file named ../../etc/passwd under a generated key and serves it as an attachment', async () => {
    const eve = await person('Eve');
    const response = await postForm(
      eve,
      {
        text: 'See the attached notes.',
        links: 'https://example.org/a\nhttps://example.org/b',
        shareAsEvidence: 'yes',
      },
      [['../../etc/passwd', Buffer.from('root:x:0:0:root:/root:/bin/bash\n'), 'text/html']],
    );
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    const id = location.split('/').at(-1)!;
    const view = await t.request('GET', `/api/v1/submissions/${id}`, { cookie: eve.cookie });
    expect(view.json).toMatchObject({
      shareAsEvidence: true,
      links: ['https://example.org/a', 'https://example.org/b'],
    });
    expect(view.json.files[0]).toMatchObject({ name: 'passwd', mediaType: 'text/plain' });
    const download = await t.request('GET', view.json.files[0].url, { cookie: eve.cookie });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="passwd"/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.text).toContain('root:x:0:0');
    const uploads = join(t.ctx.config.dataDir, 'uploads');
    const stored = readdirSync(uploads, { recursive: true }).map(String);
    expect(stored.every((p) => /^[0-9a-f]{2}(\/[0-9a-f]{32})?$/.test(p))).toBe(true);
    expect(existsSync(join(t.ctx.config.dataDir, 'etc'))).toBe(false);
    const learnerPage = await t.request('GET', location, { cookie: eve.cookie });
    expect(learnerPage.status).toBe(200);
    expect(learnerPage.text).toContain('Awaiting review');
  });

  it('refuses a disguised executable, saying why, next to the file input', async () => {
    const fay = await person('Fay');
    const response = await postForm(fay, { text: 'Here.' }, [
      ['cv.pdf', elfBytes, 'application/pdf'],
    ]);
    expect(response.status).toBe(415);
    const text = await response.text();
    expect(text).toContain('field-files-error');
    expect(text).toContain('this assessment accepts');
  });
});

describe('peer review', () => {
  const people: TestPerson[] = [];
  const submissions = new Map<string, string>();

  beforeAll(async () => {
    for (const name of ['Grace', 'Hedy', 'Ida']) people.push(await person(name));
    const texts = [
      essay,
      `An introduction of my own about hospitals. ${essay}`,
      'Bread rises because yeast ferments sugars and releases carbon dioxide, which the gluten network traps overnight.',
    ];
    for (const [index, who] of people.entries()) {
      const response = await submit(who, peerAssessmentId, { text: texts[index] });
      expect(response.status, response.text).toBe(201);
      submissions.set(who.accountId, response.json.id);
    }
  });

  const tasksOf = async (who: TestPerson) =>
    (await t.request('GET', '/api/v1/peer-reviews', { cookie: who.cookie })).json.reviews as Array<{
      reviewId: string;
      submissionId: string;
    }>;

  it('assigns each submission to peers who submitted, never to its author', async () => {
    for (const who of people) {
      const tasks = await tasksOf(who);
      expect(tasks.length).toBeGreaterThan(0);
      expect(tasks.map((task) => task.submissionId)).not.toContain(submissions.get(who.accountId));
    }
    const reviewersOf = new Map<string, number>();
    for (const who of people)
      for (const task of await tasksOf(who))
        reviewersOf.set(task.submissionId, (reviewersOf.get(task.submissionId) ?? 0) + 1);
    expect([...reviewersOf.values()]).toEqual([2, 2, 2]);
  });

  it('shows reviewers the work without the author, and authors the reviews without reviewers', async () => {
    const [grace, hedy] = people as [TestPerson, TestPerson];
    const task = (await tasksOf(hedy)).find(
      (r) => r.submissionId === submissions.get(grace.accountId),
    )!;
    const seen = await t.request('GET', `/api/v1/peer-reviews/${task.reviewId}`, {
      cookie: hedy.cookie,
    });
    expect(seen.status).toBe(200);
    const graceName = (await t.request('GET', '/api/v1/me', { cookie: grace.cookie })).json
      .displayName;
    for (const leak of [graceName, grace.email, grace.accountId])
      expect(seen.text).not.toContain(leak);
    const submission = await t.request('GET', `/api/v1/submissions/${task.submissionId}`, {
      cookie: hedy.cookie,
    });
    expect(submission.status).toBe(200);
    for (const leak of [graceName, grace.email, grace.accountId])
      expect(submission.text).not.toContain(leak);
    const page = await t.request('GET', `/peer-reviews/${task.reviewId}`, { cookie: hedy.cookie });
    expect(page.status).toBe(200);
    for (const leak of [graceName, grace.email]) expect(page.text).not.toContain(leak);
    expect(page.text).toContain('<legend>Analysis</legend>');

    const done = await t.request('POST', `/api/v1/peer-reviews/${task.reviewId}`, {
      cookie: hedy.cookie,
      headers: sameOrigin,
      json: { levels: { analysis: 2, writing: 3 }, feedback: 'Nice charts.' },
    });
    expect(done.status, done.text).toBe(200);
    const twice = await t.request('POST', `/api/v1/peer-reviews/${task.reviewId}`, {
      cookie: hedy.cookie,
      headers: sameOrigin,
      json: { levels: { analysis: 2, writing: 3 } },
    });
    expect(twice.status).toBe(409);
    const own = await t.request('GET', `/api/v1/submissions/${task.submissionId}`, {
      cookie: grace.cookie,
    });
    expect(own.json.peerReviews).toEqual([
      {
        levels: { analysis: 2, writing: 3 },
        feedback: 'Nice charts.',
        completedAt: expect.any(String),
      },
    ]);
    const hedyName = (await t.request('GET', '/api/v1/me', { cookie: hedy.cookie })).json
      .displayName;
    for (const leak of [hedyName, hedy.email, hedy.accountId]) expect(own.text).not.toContain(leak);
    const ownPage = await t.request('GET', `/submissions/${task.submissionId}`, {
      cookie: grace.cookie,
    });
    expect(ownPage.text).toContain('Nice charts.');
    expect(ownPage.text).not.toContain(hedyName);
  });

  it('flags similar work of different learners to the assessor, with the matching passage', async () => {
    const [grace, hedy, ida] = people as [TestPerson, TestPerson, TestPerson];
    const queue = await t.request('GET', `/api/v1/organizations/${slug}/review-queue`, {
      cookie: assessor.cookie,
    });
    const entry = (id: string) =>
      queue.json.submissions.find((s: { submissionId: string }) => s.submissionId === id);
    const hedys = entry(submissions.get(hedy.accountId)!);
    expect(hedys.similarity[0]).toMatchObject({ submissionId: submissions.get(grace.accountId) });
    expect(hedys.similarity[0].containment).toBeGreaterThan(0.8);
    expect(hedys.similarity[0].passages[0].text).toContain('good analyst checks the sample');
    expect(entry(submissions.get(grace.accountId)!).similarity).toHaveLength(1);
    expect(entry(submissions.get(ida.accountId)!).similarity).toEqual([]);
    const page = await t.request('GET', `/reviews/${submissions.get(hedy.accountId)}`, {
      cookie: assessor.cookie,
    });
    expect(page.text).toContain('good analyst checks the sample');
    const queuePage = await t.request('GET', `/organizations/${slug}/reviews`, {
      cookie: assessor.cookie,
    });
    expect(queuePage.status).toBe(200);
    expect(queuePage.text).toContain('Flagged');
  });

  it('lets the assessor override the peers: the decision is what becomes evidence', async () => {
    const [grace] = people as [TestPerson];
    const id = submissions.get(grace.accountId)!;
    const view = await t.request('GET', `/api/v1/submissions/${id}`, { cookie: assessor.cookie });
    expect(view.json.peerScore.criteria.analysis.level).toBe(2);
    const page = await t.request('GET', `/reviews/${id}`, { cookie: assessor.cookie });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    const response = await t.request('POST', `/reviews/${id}`, {
      cookie: assessor.cookie,
      body: new URLSearchParams({
        _csrf: csrf,
        'level.analysis': '4',
        'level.writing': '4',
        feedback: 'Better than the peers thought.',
        decision: 'accept',
      }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost:3000',
      },
    });
    expect(response.status, response.text).toBe(303);
    const evidence = await t.ctx.db
      .select()
      .from(competencyEvidence)
      .where(eq(competencyEvidence.sourceId, id));
    expect(evidence.map((e) => e.level)).toEqual([4, 4]);
  });
});
