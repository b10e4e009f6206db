import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signUpPerson, type TestPerson } from '../helpers/factories.ts';
import { sharedDataPath } from '../helpers/shared-data.ts';

const pngPath = sharedDataPath('standards/examples/ob3/simple-json.png');

let t: TestApp;
let learner: TestPerson;

beforeAll(async () => {
  // The example issuer's key is not online: every fetch fails, as it would offline.
  t = await createTestApp({
    now: () => new Date('2026-05-14T09:30:00Z'),
    safeFetch: async (url) => {
      throw new Error(`offline: ${url}`);
    },
  });
  learner = await signUpPerson(t, 'Paula Pages');
});
afterAll(() => t.close());

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const browser = (person: TestPerson) => ({
  cookie: person.cookie,
  origin: 'http://localhost:3000',
});

async function csrf(person: TestPerson) {
  const page = await t.request('GET', '/wallet/import', { cookie: person.cookie });
  expect(page.status).toBe(200);
  return csrfOf(page.text);
}

async function postUrlEncoded(person: TestPerson, path: string, fields: Record<string, string>) {
  return t.app.request(path, {
    method: 'POST',
    body: new URLSearchParams({ _csrf: await csrf(person), ...fields }).toString(),
    headers: { ...browser(person), 'content-type': 'application/x-www-form-urlencoded' },
  });
}

describe('/wallet/import', () => {
  it('shows three forms that work without JavaScript, and asks anonymous visitors to sign in', async () => {
    const page = await t.request('GET', '/wallet/import', { cookie: learner.cookie });
    expect(page.text).toContain('action="/wallet/import/file" enctype="multipart/form-data"');
    expect(page.text).toContain('action="/wallet/import/text"');
    expect(page.text).toContain('action="/wallet/import/url"');
    expect(page.text).not.toContain('<script');
    const anonymous = await t.request('GET', '/wallet/import');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/sign-in?next=%2Fwallet%2Fimport');
  });

  it.skipIf(!pngPath)('uploading the 1EdTech baked PNG shows its verification result', async () => {
    const form = new FormData();
    form.set('_csrf', await csrf(learner));
    form.append(
      'file',
      new Blob([readFileSync(pngPath!)], { type: 'image/png' }),
      'simple-json.png',
    );
    const posted = await t.app.request('/wallet/import/file', {
      method: 'POST',
      body: form,
      headers: browser(learner),
    });
    expect(posted.status).toBe(303);
    const location = posted.headers.get('location')!;
    expect(location).toMatch(/^\/wallet\/import\?imported=[0-9a-f-]{36}$/);
    const result = await t.request('GET', location, { cookie: learner.cookie });
    expect(result.text).toContain('Imported: Teamwork');
    expect(result.text).toContain('Baked PNG badge');
    expect(result.text).toContain('Example Corp');
    // Offline, the issuer's key cannot be fetched: the result says so and is not "Verified".
    expect(result.text).toContain('Not verified.');
    expect(result.text).toContain('public key could not be found');

    const stranger = await signUpPerson(t, 'Stranger');
    const peek = await t.request('GET', location, { cookie: stranger.cookie });
    expect(peek.status).toBe(404);
    expect(peek.text).not.toContain('Teamwork');
  });

  it('a pasted non-credential re-shows the form with the reason, keeping the text', async () => {
    const response = await postUrlEncoded(learner, '/wallet/import/text', {
      text: '{"hello": "world"}',
    });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toContain('This JSON is not a credential');
    expect(body).toContain('{&quot;hello&quot;: &quot;world&quot;}');
  });

  it('a loopback URL is refused without a request', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const response = await postUrlEncoded(learner, '/wallet/import/url', {
      url: 'https://127.0.0.1/badge.png',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('non-public address 127.0.0.1');
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('a post without the CSRF token is refused', async () => {
    const response = await t.app.request('/wallet/import/text', {
      method: 'POST',
      body: new URLSearchParams({ text: '{}' }).toString(),
      headers: { ...browser(learner), 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(403);
  });

  it('an upload without a file says so', async () => {
    const form = new FormData();
    form.set('_csrf', await csrf(learner));
    const response = await t.app.request('/wallet/import/file', {
      method: 'POST',
      body: form,
      headers: browser(learner),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Choose a file to import.');
  });
});
