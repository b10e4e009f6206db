import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signUpPerson, type TestPerson } from '../helpers/factories.ts';
import { awardIntoWallet, createIssuer } from '../helpers/wallet-fixtures.ts';

let t: TestApp;
let learner: TestPerson;
let walletId: string;
let hiddenId: string;

const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return {
    body: body.toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'http://localhost:3000',
    },
  };
};
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const get = (path: string, person = learner) => t.request('GET', path, { cookie: person.cookie });
const post = async (path: string, fields: Record<string, string | string[]>, person = learner) =>
  t.request('POST', path, {
    cookie: person.cookie,
    ...form({ _csrf: csrfOf((await get('/portfolio', person)).text), ...fields }),
  });

beforeAll(async () => {
  t = await createTestApp();
  const issuer = await createIssuer(t);
  learner = await signUpPerson(t, 'Pia Portfolio');
  ({ walletId } = await awardIntoWallet(t, issuer, learner));
  ({ walletId: hiddenId } = await awardIntoWallet(t, issuer, learner, 'vc-jwt'));
});
afterAll(() => t.close());

describe('portfolio settings page', () => {
  it('publishes only the ticked credentials; unticking and unpublishing hide them again', async () => {
    const settings = await get('/portfolio');
    expect(settings.status).toBe(200);
    expect(settings.text).toContain('Your portfolio is not public.');
    const slug = /name="slug" type="text" value="([^"]+)"/.exec(settings.text)?.[1];
    expect(slug).toMatch(/^pia-portfolio-[0-9a-f]{4}$/);

    const saved = await post('/portfolio', {
      slug: slug!,
      headline: 'Learning designer',
      credentialIds: [walletId],
      published: 'on',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/portfolio?saved=1');
    const page = await t.request('GET', `/p/${slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(walletId);
    expect(page.text).not.toContain(hiddenId);

    await post('/portfolio', { slug: slug!, headline: '', credentialIds: [] });
    expect((await t.request('GET', `/p/${slug}`)).status).toBe(404);
  });

  it('says which field is wrong', async () => {
    const response = await post('/portfolio', { slug: 'Not A Slug', headline: '' });
    expect(response.status).toBe(400);
    expect(response.text).toContain('field-slug');
  });

  it('refuses a post without the CSRF token', async () => {
    const response = await t.request('POST', '/portfolio', {
      cookie: learner.cookie,
      ...form({ slug: 'x', published: 'on' }),
    });
    expect(response.status).toBe(403);
  });
});

describe('presentation page', () => {
  it('downloads a signed presentation of the ticked credentials that the verifier accepts', async () => {
    const page = await get(`/presentations/new?credential=${walletId}`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(new RegExp(`value="${walletId}" checked`));
    const response = await post('/presentations/new', {
      credentialIds: [walletId, hiddenId],
      challenge: 'nonce-123',
      domain: 'https://jobs.example',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="presentation.json"',
    );
    const verified = await t.request('POST', '/presentations/verify', {
      json: {
        verifiablePresentation: response.json,
        options: { challenge: 'nonce-123', domain: 'https://jobs.example' },
      },
    });
    expect(verified.status, verified.text).toBe(200);
    expect(verified.json.credentials).toHaveLength(2);
  });

  it('asks for at least one credential', async () => {
    const response = await post('/presentations/new', { challenge: 'x' });
    expect(response.status).toBe(400);
    expect(response.text).toContain('Credentials: choose at least one');
  });
});
