import { randomBytes } from 'node:crypto';
import type { OrganizationRole } from '../../src/domain/policy.ts';
import type { TestApp } from './app.ts';

/** Unique per call, so tests in one file never collide on emails or slugs. */
export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export type TestPerson = { accountId: string; email: string; password: string; cookie: string };

/** Signs a new person up through the API and returns their session cookie. */
export async function signUpPerson(t: TestApp, name = 'Test Person'): Promise<TestPerson> {
  const email = `${unique('person')}@example.org`;
  const password = 'a long enough password';
  const response = await t.request('POST', '/api/v1/accounts', {
    json: { email, password, displayName: name },
  });
  if (response.status !== 201)
    throw new Error(`sign-up failed: ${response.status} ${response.text}`);
  const cookie = response.setCookie!.split(';')[0]!;
  return { accountId: response.json.id, email, password, cookie };
}

/** Cookie-authenticated API writes must come from our origin, as a browser would send them. */
export const sameOrigin = { origin: 'http://localhost:3000' };

function originOf(t: TestApp) {
  return { origin: new URL(t.ctx.publicUrl).origin };
}

export async function createOrganizationOwnedBy(
  t: TestApp,
  owner: TestPerson,
  kind = 'university',
) {
  const slug = unique('org');
  const response = await t.request('POST', '/api/v1/organizations', {
    cookie: owner.cookie,
    headers: originOf(t),
    json: { slug, name: `Organization ${slug}`, kind },
  });
  if (response.status !== 201)
    throw new Error(`create organization failed: ${response.status} ${response.text}`);
  return { slug };
}

export async function addMember(
  t: TestApp,
  owner: TestPerson,
  slug: string,
  member: TestPerson,
  role: OrganizationRole,
) {
  const response = await t.request('PUT', `/api/v1/organizations/${slug}/members`, {
    cookie: owner.cookie,
    headers: originOf(t),
    json: { email: member.email, role },
  });
  if (response.status !== 200)
    throw new Error(`add member failed: ${response.status} ${response.text}`);
}

export async function createToken(
  t: TestApp,
  owner: TestPerson,
  slug: string,
  role: OrganizationRole,
  expiresInDays?: number,
) {
  const response = await t.request('POST', `/api/v1/organizations/${slug}/tokens`, {
    cookie: owner.cookie,
    headers: originOf(t),
    json: { name: unique('token'), role, ...(expiresInDays ? { expiresInDays } : {}) },
  });
  if (response.status !== 201)
    throw new Error(`create token failed: ${response.status} ${response.text}`);
  return { secret: response.json.secret as string, id: response.json.token.id as string };
}

/** An unsigned OB 3.0 OpenBadgeCredential naming `issuerId`, as an API client would send it. */
export function unsignedBadge(issuerId: string, name = 'Data Wrangling') {
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuerId, type: ['Profile'], name: 'Ignored name is replaced by the profile' },
    name,
    credentialSubject: {
      type: ['AchievementSubject'],
      id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      achievement: {
        id: 'https://example.org/achievements/data-wrangling',
        type: ['Achievement'],
        name,
        description: 'Cleans and reshapes real-world data sets.',
        criteria: { narrative: 'Pass the data wrangling project with rubric level 3 or higher.' },
      },
    },
  };
}
