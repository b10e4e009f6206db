import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  createOrganizationOwnedBy,
  signUpPerson,
  type TestPerson,
  unique,
} from '../helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const form = (fields: Record<string, string>) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:3000' },
});
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function pageCsrf(person: TestPerson, path: string) {
  return csrfOf((await t.request('GET', path, { cookie: person.cookie })).text);
}

describe('web shell', () => {
  it('serves accessible pages: language, landmarks, skip link, labelled navigation', async () => {
    const page = await t.request('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    for (const landmark of [
      '<html lang="en">',
      '<header',
      '<nav class="primary" aria-label="Main">',
      '<main id="main"',
      '<footer',
      'href="#main"',
    ]) {
      expect(page.text).toContain(landmark);
    }
    expect(page.text).not.toMatch(/<script/);
  });

  it('signs up through the form without JavaScript, then shows the account', async () => {
    const email = `${unique('web')}@example.org`;
    const response = await t.request(
      'POST',
      '/sign-up',
      form({ displayName: 'Web Person', email, password: 'a long enough password' }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/account');
    const cookie = response.setCookie!.split(';')[0]!;
    const account = await t.request('GET', '/account', { cookie });
    expect(account.text).toContain('Web Person');
    expect(account.text).toContain(email);
  });

  it('shows field errors next to labelled fields, with a summary that links to them', async () => {
    const response = await t.request(
      'POST',
      '/sign-up',
      form({ displayName: '', email: 'nope', password: 'short' }),
    );
    expect(response.status).toBe(400);
    expect(response.text).toContain('role="alert"');
    expect(response.text).toContain('href="#field-email"');
    expect(response.text).toMatch(/<label for="field-email">/);
    expect(response.text).toContain('aria-invalid="true"');
    expect(response.text).toContain('value="nope"');
    expect(response.text).not.toContain('value="short"');
  });

  it('refuses a cross-site sign-in post', async () => {
    const response = await t.request('POST', '/sign-in', {
      body: new URLSearchParams({ email: 'a@example.org', password: 'x' }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'cross-site',
      },
    });
    expect(response.status).toBe(403);
  });

  it('keeps the sign-in redirect on this site', async () => {
    const person = await signUpPerson(t);
    const response = await t.request(
      'POST',
      '/sign-in',
      form({ email: person.email, password: person.password, next: '//evil.example/x' }),
    );
    expect(response.headers.get('location')).toBe('/account');
  });

  it('requires the CSRF token on signed-in form posts', async () => {
    const person = await signUpPerson(t);
    const slug = unique('web-org');
    const without = await t.request('POST', '/organizations', {
      cookie: person.cookie,
      ...form({ name: 'No Token', slug, kind: 'employer' }),
    });
    expect(without.status).toBe(403);
    const csrf = await pageCsrf(person, '/organizations');
    const withToken = await t.request('POST', '/organizations', {
      cookie: person.cookie,
      ...form({ _csrf: csrf, name: 'With Token', slug, kind: 'employer' }),
    });
    expect(withToken.status).toBe(303);
    expect(withToken.headers.get('location')).toBe(`/organizations/${slug}`);
  });

  it('escapes what people type (no stored XSS)', async () => {
    const person = await signUpPerson(t);
    const { slug } = await createOrganizationOwnedBy(t, person);
    const csrf = await pageCsrf(person, `/organizations/${slug}`);
    await t.request('POST', `/organizations/${slug}`, {
      cookie: person.cookie,
      ...form({ _csrf: csrf, name: '<script>alert(1)</script>', kind: 'university' }),
    });
    const page = await t.request('GET', `/organizations/${slug}`);
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows a new API token once, on a page that is never cached', async () => {
    const owner = await signUpPerson(t);
    const { slug } = await createOrganizationOwnedBy(t, owner);
    const csrf = await pageCsrf(owner, `/organizations/${slug}/tokens`);
    const created = await t.request('POST', `/organizations/${slug}/tokens`, {
      cookie: owner.cookie,
      ...form({ _csrf: csrf, name: 'Moodle', role: 'issuer' }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const secret = /id="new-token">(skm_[\w-]+)</.exec(created.text)?.[1];
    expect(secret).toBeDefined();
    const again = await t.request('GET', `/organizations/${slug}/tokens`, { cookie: owner.cookie });
    expect(again.text).toContain('Moodle');
    expect(again.text).not.toContain(secret!);
  });

  it('members and token pages are for members only', async () => {
    const owner = await signUpPerson(t);
    const stranger = await signUpPerson(t);
    const { slug } = await createOrganizationOwnedBy(t, owner);
    expect(
      (await t.request('GET', `/organizations/${slug}/members`, { cookie: stranger.cookie }))
        .status,
    ).toBe(403);
    expect(
      (await t.request('GET', `/organizations/${slug}/tokens`, { cookie: stranger.cookie })).status,
    ).toBe(403);
    expect((await t.request('GET', `/organizations/${slug}/tokens`)).status).toBe(303);
  });

  it('documents every problem type at its type URI', async () => {
    const page = await t.request('GET', '/problems/validation_failed');
    expect(page.status).toBe(200);
    expect(page.text).toContain('names each field');
  });
});
