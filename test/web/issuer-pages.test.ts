import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { achievementInputSchema } from '../../src/domain/achievement.ts';
import { fullAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import { formValuesOf } from '../../src/web/handlers/achievement-form-input.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  addMember,
  createOrganizationOwnedBy,
  createToken,
  signUpPerson,
  type TestPerson,
  unique,
} from '../helpers/factories.ts';

let t: TestApp;
let owner: TestPerson;
let viewer: TestPerson;
let slug: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPerson(t, 'Owner');
  viewer = await signUpPerson(t, 'Viewer');
  ({ slug } = await createOrganizationOwnedBy(t, owner));
  await addMember(t, owner, slug, viewer, 'viewer');
});
afterAll(() => t.close());

const form = (fields: Record<string, string>) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:3000' },
});
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const pageCsrf = async (person: TestPerson, path: string) =>
  csrfOf((await t.request('GET', path, { cookie: person.cookie })).text);
const post = (person: TestPerson, path: string, fields: Record<string, string>) =>
  t.request('POST', path, { cookie: person.cookie, ...form(fields) });
const verify = (verifiableCredential: unknown) =>
  t.request('POST', '/credentials/verify', { json: { verifiableCredential } });

/** What an issuer types into the new-achievement form. */
function definitionFields(name = unique('Data literacy')): Record<string, string> {
  return {
    name,
    description: 'Reads, questions and presents data.',
    achievementType: 'MicroCredential',
    'criteria.narrative': 'Pass the final project.',
    tags: 'data, literacy',
    creditsAvailable: '3',
    fieldOfStudy: 'Statistics',
    inLanguage: 'en',
    validityDays: '730',
    'alignments.0.targetName': '',
    'alignments.0.targetUrl': '',
    'alignments.1.targetName': 'interpret data',
    'alignments.1.targetUrl': 'http://data.europa.eu/esco/skill/interpret-data',
    'alignments.1.targetFramework': 'ESCO',
    'alignments.1.targetType': 'CFItem',
    'alignments.2.targetName': '',
    'euElements.learningOutcomes': 'Reads a chart critically\nPresents a data story',
    'euElements.notionalWorkloadHours': '75',
    'euElements.eqfLevel': '5',
    'euElements.assessmentType': 'Project',
    'euElements.participationForm': 'online',
    'euElements.qualityAssurance': 'Faculty review board',
    'euElements.awardingBodyCountry': 'de',
    'euElements.prerequisites': '',
    'euElements.supervisionAndIdentityVerification': 'supervised-online-identity-verification',
    'euElements.gradingScheme': 'Pass or fail',
    'euElements.stackability': 'Counts towards the data certificate.',
    'euElements.furtherInformation': 'https://university.example/data-literacy',
  };
}

async function createThroughForm(fields = definitionFields()) {
  const path = `/organizations/${slug}/achievements/new`;
  const response = await post(owner, path, {
    _csrf: await pageCsrf(owner, path),
    ...fields,
  });
  expect(response.status, response.text).toBe(303);
  const location = response.headers.get('location')!;
  expect(location).toMatch(
    new RegExp(`^/organizations/${slug}/achievements/[0-9a-f-]{36}\\?saved=1$`),
  );
  return { id: location.split('/').at(-1)!.split('?')[0]!, page: location.split('?')[0]! };
}

async function awardThroughForm(page: string, fields: Record<string, string>) {
  const response = await post(owner, `${page}/award`, {
    _csrf: await pageCsrf(owner, page),
    ...fields,
  });
  expect(response.status, response.text).toBe(201);
  const path = /href="(\/credentials\/[0-9a-f-]{36})"/.exec(response.text)?.[1];
  expect(path).toBeDefined();
  const signed = await t.request('GET', path!);
  return { id: path!.split('/').at(-1)!, vc: signed.json, page: response };
}

describe('issuer pages: achievements', () => {
  it('creates an achievement with EU elements through the form, published as OB3 JSON', async () => {
    const fields = definitionFields();
    const { id, page } = await createThroughForm(fields);
    const json = await t.request('GET', `/api/v1/achievements/${id}`);
    expect(json.status).toBe(200);
    expect(json.json).toMatchObject({
      name: fields.name,
      achievementType: 'MicroCredential',
      creditsAvailable: 3,
      eqfLevel: 5,
      notionalWorkload: expect.anything(),
      participationForm: 'online',
      tag: ['data', 'literacy'],
    });
    expect(json.json.learningOutcome).toHaveLength(2);
    expect(json.json.alignment).toHaveLength(1);
    expect(json.json.alignment[0]).toMatchObject({
      targetName: 'interpret data',
      targetType: 'CFItem',
    });

    const html = await t.request('GET', `${page}?saved=1`);
    expect(html.status).toBe(200);
    expect(html.text).toContain('role="status"');
    expect(html.text).toContain('Level 5');
    expect(html.text).toContain('Supervised online, with identity verification');
    expect(html.text).toContain('Presents a data story');

    const list = await t.request('GET', `/organizations/${slug}/achievements`);
    expect(list.text).toContain(`href="${page}"`);
    expect(list.text).not.toContain('New achievement');
    const listed = await t.request('GET', `/organizations/${slug}/achievements`, {
      cookie: owner.cookie,
    });
    expect(listed.text).toContain('New achievement');
  });

  it('re-renders a bad EQF level with the error next to its field and what was typed', async () => {
    const path = `/organizations/${slug}/achievements/new`;
    const fields = { ...definitionFields('Kept name'), 'euElements.eqfLevel': '12' };
    const response = await post(owner, path, { _csrf: await pageCsrf(owner, path), ...fields });
    expect(response.status).toBe(400);
    expect(response.text).toContain('role="alert"');
    expect(response.text).toContain('href="#field-euElements.eqfLevel"');
    expect(response.text).toMatch(
      /<span class="field-error" id="field-euElements.eqfLevel-error">EQF level must be between 1 and 8<\/span>\s*<select id="field-euElements.eqfLevel" name="euElements.eqfLevel" aria-describedby="field-euElements.eqfLevel-hint field-euElements.eqfLevel-error" aria-invalid="true">/,
    );
    expect(response.text).toContain('value="Kept name"');
  });

  it('maps alignment errors to the row they were typed in', async () => {
    const path = `/organizations/${slug}/achievements/new`;
    const fields = {
      ...definitionFields(),
      'alignments.2.targetName': 'Teamwork',
      'alignments.2.targetUrl': 'not a url',
    };
    const response = await post(owner, path, { _csrf: await pageCsrf(owner, path), ...fields });
    expect(response.status).toBe(400);
    expect(response.text).toContain(
      'id="field-alignments.2.targetUrl-error">Alignment 3: Link (URL)',
    );
  });

  it('edits a definition through the form, keeping what the form does not show', async () => {
    const token = (await createToken(t, owner, slug, 'issuer')).secret;
    const created = await t.request('POST', `/api/v1/organizations/${slug}/achievements`, {
      token,
      json: fullAchievementDefinition(),
    });
    const id = created.json.id.split('/').at(-1);
    const page = `/organizations/${slug}/achievements/${id}`;
    const edit = await t.request('GET', `${page}/edit`, { cookie: owner.cookie });
    expect(edit.status).toBe(200);
    expect(edit.text).toContain('value="Digital micro-credential creation"');
    const values = formValuesOf(achievementInputSchema.parse(fullAchievementDefinition()));
    const saved = await post(owner, `${page}/edit`, {
      ...values,
      _csrf: csrfOf(edit.text),
      name: 'Renamed credential',
    });
    expect(saved.status, saved.text).toBe(303);
    const json = await t.request('GET', `/api/v1/achievements/${id}`);
    expect(json.json.name).toBe('Renamed credential');
    expect(json.json.resultDescription).toHaveLength(1);
    expect((await t.request('GET', `${page}/edit`, { cookie: viewer.cookie })).status).toBe(403);
  });
});

describe('issuer pages: awarding and revoking', () => {
  it('awards to an email through the form; the credential verifies', async () => {
    const { page } = await createThroughForm();
    const { vc, page: response } = await awardThroughForm(page, {
      recipient: 'Learner@Example.org',
      narrative: 'Excellent final project.',
      evidenceUrl: 'https://portfolio.example/learner',
      resultValue: 'Pass',
    });
    expect(response.text).toContain('Awarded.');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(vc.credentialSubject.identifier[0].hashed).toBe(true);
    expect(vc.credentialSubject.achievement.eqfLevel).toBe(5);
    expect(vc.evidence[0].id).toBe('https://portfolio.example/learner');
    expect(vc.credentialStatus.statusPurpose).toBe('revocation');
    const result = await verify(vc);
    expect(result.json.verified, result.text).toBe(true);
  });

  it('shows the recipient field error when neither an email nor a DID is given', async () => {
    const { page } = await createThroughForm();
    const response = await post(owner, `${page}/award`, {
      _csrf: await pageCsrf(owner, page),
      recipient: 'someone',
    });
    expect(response.status).toBe(400);
    expect(response.text).toContain('id="field-recipient-error"');
    expect(response.text).toContain('value="someone"');
  });

  it('revokes through the credentials page with a reason; verification then reports revoked', async () => {
    const { page } = await createThroughForm();
    const { id, vc } = await awardThroughForm(page, { recipient: 'revoke-me@example.org' });
    const listPath = `/organizations/${slug}/credentials`;
    const list = await t.request('GET', listPath, { cookie: owner.cookie });
    expect(list.status).toBe(200);
    expect(list.text).toContain('revoke-me@example.org');
    expect(list.text).toContain(`href="/credentials/${id}"`);
    expect(list.headers.get('cache-control')).toBe('no-store');

    const statusPath = `${listPath}/${id}/status`;
    const noReason = await post(owner, statusPath, {
      _csrf: csrfOf(list.text),
      action: 'revoke',
      reason: '',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain(`id="field-reason-${id}-error"`);
    expect((await verify(vc)).json.verified).toBe(true);

    const revoked = await post(owner, statusPath, {
      _csrf: csrfOf(list.text),
      action: 'revoke',
      reason: 'Issued to the wrong person',
    });
    expect(revoked.status).toBe(200);
    expect(revoked.text).toContain('The credential is revoked.');
    expect(revoked.text).toMatch(/status-revoked">Revoked/);
    const result = await verify(vc);
    expect(result.json.verified).toBe(false);
    expect(result.json.errors).toContainEqual(
      expect.objectContaining({ check: 'status', message: expect.stringMatching(/revoked/) }),
    );
  });

  it('suspends and reinstates a credential awarded as suspendable', async () => {
    const { page } = await createThroughForm();
    const { id, vc } = await awardThroughForm(page, {
      recipient: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      suspendable: 'yes',
    });
    expect(vc.credentialStatus.statusPurpose).toBe('suspension');
    expect(vc.credentialSubject.id).toBe(
      'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
    );
    const statusPath = `/organizations/${slug}/credentials/${id}/status`;
    const csrf = await pageCsrf(owner, `/organizations/${slug}/credentials`);
    const suspended = await post(owner, statusPath, {
      _csrf: csrf,
      action: 'suspend',
      reason: 'Under review',
    });
    expect(suspended.text).toContain('The credential is suspended.');
    expect(suspended.text).toContain('Reinstate');
    expect((await verify(vc)).json.verified).toBe(false);
    const reinstated = await post(owner, statusPath, {
      _csrf: csrf,
      action: 'unsuspend',
      reason: 'Review done',
    });
    expect(reinstated.text).toContain('The credential is reinstated.');
    expect((await verify(vc)).json.verified).toBe(true);
  });
});

describe('issuer pages: who may do what', () => {
  it('a viewer sees no award form, and an award posted by a viewer is refused with 403', async () => {
    const { page, id } = await createThroughForm();
    const seen = await t.request('GET', page, { cookie: viewer.cookie });
    expect(seen.status).toBe(200);
    expect(seen.text).not.toContain('Award this achievement');
    expect(seen.text).not.toContain(`action="${page}/award"`);
    const refused = await post(viewer, `${page}/award`, {
      _csrf: csrfOf(seen.text),
      recipient: 'x@example.org',
    });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Only owners and issuers');
    expect(
      (await t.request('GET', `/organizations/${slug}/credentials`, { cookie: viewer.cookie }))
        .status,
    ).toBe(403);
    const newForm = await t.request('GET', `/organizations/${slug}/achievements/new`, {
      cookie: viewer.cookie,
    });
    expect(newForm.status).toBe(403);
    expect(id).toBeDefined();
  });

  it('refuses form posts without the CSRF token', async () => {
    const { page } = await createThroughForm();
    expect(
      (await post(owner, `/organizations/${slug}/achievements/new`, definitionFields())).status,
    ).toBe(403);
    expect((await post(owner, `${page}/award`, { recipient: 'x@example.org' })).status).toBe(403);
    expect((await post(owner, `${page}/edit`, definitionFields())).status).toBe(403);
  });

  it('the organization page links to achievements for everyone and issued credentials for issuers', async () => {
    const mine = await t.request('GET', `/organizations/${slug}`, { cookie: owner.cookie });
    expect(mine.text).toContain(`href="/organizations/${slug}/achievements"`);
    expect(mine.text).toContain(`href="/organizations/${slug}/credentials"`);
    const theirs = await t.request('GET', `/organizations/${slug}`, { cookie: viewer.cookie });
    expect(theirs.text).toContain(`href="/organizations/${slug}/achievements"`);
    expect(theirs.text).not.toContain(`href="/organizations/${slug}/credentials"`);
    const list = await t.request('GET', `/organizations/${slug}/achievements`);
    expect(list.text).toMatch(/<code class="identifier">did:/);
  });

  it('an achievement of another organization is not shown under this one', async () => {
    const other = await createOrganizationOwnedBy(t, owner);
    const { id } = await createThroughForm();
    expect((await t.request('GET', `/organizations/${other.slug}/achievements/${id}`)).status).toBe(
      404,
    );
  });
});
