import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { sameOrigin, signUpPerson, type TestPerson } from '../helpers/factories.ts';
import { awardIntoWallet, createIssuer, type IssuerFixture } from '../helpers/wallet-fixtures.ts';

let t: TestApp;
let issuer: IssuerFixture;
let learner: TestPerson;
let other: TestPerson;
let walletId: string;
let credentialId: string;
const clock = { now: new Date('2026-05-14T09:30:00Z') };

beforeAll(async () => {
  t = await createTestApp({ now: () => clock.now });
  issuer = await createIssuer(t);
  learner = await signUpPerson(t, 'Lena Learner');
  other = await signUpPerson(t, 'Otto Other');
  ({ walletId, credentialId } = await awardIntoWallet(t, issuer, learner));
});
afterAll(() => t.close());

const as = (person: TestPerson) => ({ cookie: person.cookie, headers: sameOrigin });
const html = { headers: { accept: 'text/html' } };

describe('share links', () => {
  it('open a public page with a live verification, signed out, until revoked; then 404', async () => {
    const created = await t.request(
      'POST',
      `/api/v1/me/credentials/${walletId}/share-links`,
      as(learner),
    );
    expect(created.status, created.text).toBe(201);
    expect(created.json.url).toMatch(/^http:\/\/localhost:3000\/s\/[A-Za-z0-9_-]{32}$/);
    const path = new URL(created.json.url).pathname;

    const page = await t.request('GET', path, html);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Digital micro-credential creation');
    expect(page.text).toContain('Verified.');
    expect(page.text).toContain('EQF level');
    expect(page.text).not.toContain(learner.email);
    const machine = await t.request('GET', path, { headers: { accept: 'application/json' } });
    expect(machine.headers.get('content-type')).toContain('application/vc+ld+json');
    expect(machine.json.id).toBe(`http://localhost:3000/credentials/${credentialId}`);

    const listed = await t.request(
      'GET',
      `/api/v1/me/credentials/${walletId}/share-links`,
      as(learner),
    );
    expect(listed.json.shareLinks).toEqual([
      expect.objectContaining({
        id: created.json.id,
        url: created.json.url,
        revokedAt: null,
        views: 1,
      }),
    ]);

    const revoked = await t.request(
      'DELETE',
      `/api/v1/me/credentials/${walletId}/share-links/${created.json.id}`,
      as(learner),
    );
    expect(revoked.status).toBe(204);
    const gone = await t.request('GET', path, html);
    expect(gone.status).toBe(404);
    expect(gone.text).not.toContain('Digital micro-credential');
    expect((await t.request('GET', `${path}/badge.svg`)).status).toBe(404);
    const again = await t.request(
      'DELETE',
      `/api/v1/me/credentials/${walletId}/share-links/${created.json.id}`,
      as(learner),
    );
    expect(again.status).toBe(404);
    const history = await t.request(
      'GET',
      `/api/v1/me/credentials/${walletId}/share-links`,
      as(learner),
    );
    expect(history.json.shareLinks[0].revokedAt).not.toBeNull();
  });

  it('an unknown token is the same 404 as a revoked one', async () => {
    const unknown = await t.request('GET', `/s/${'A'.repeat(32)}`, html);
    expect(unknown.status).toBe(404);
    expect((await t.request('GET', '/s/short', html)).status).toBe(404);
  });

  it('serve an embeddable snippet with a badge image that carries the credential', async () => {
    const created = await t.request(
      'POST',
      `/api/v1/me/credentials/${walletId}/share-links`,
      as(learner),
    );
    const sharing = await t.request(
      'GET',
      `/api/v1/me/credentials/${walletId}/sharing`,
      as(learner),
    );
    expect(sharing.json.snippet).toContain(`href="${created.json.url}"`);
    expect(sharing.json.snippet).toContain(`src="${created.json.url}/badge.svg"`);
    expect(sharing.json.snippet).not.toMatch(/<script|<iframe/i);
    const badge = await t.request('GET', `${new URL(created.json.url).pathname}/badge.svg`);
    expect(badge.status).toBe(200);
    expect(badge.headers.get('content-type')).toBe('image/svg+xml');
    expect(badge.text).toContain('openbadges:credential');
    expect(badge.text).toContain('Digital micro-credential creation');
  });
});

describe("another learner's credential", () => {
  it('cannot be exported, shared, or have its share links listed or revoked: 404', async () => {
    const link = await t.request(
      'POST',
      `/api/v1/me/credentials/${walletId}/share-links`,
      as(learner),
    );
    const base = `/api/v1/me/credentials/${walletId}`;
    for (const format of ['json', 'png', 'svg', 'pdf']) {
      expect((await t.request('GET', `${base}/export?format=${format}`, as(other))).status).toBe(
        404,
      );
    }
    expect((await t.request('POST', `${base}/share-links`, as(other))).status).toBe(404);
    expect((await t.request('GET', `${base}/share-links`, as(other))).status).toBe(404);
    expect((await t.request('GET', `${base}/sharing`, as(other))).status).toBe(404);
    expect(
      (await t.request('DELETE', `${base}/share-links/${link.json.id}`, as(other))).status,
    ).toBe(404);
    expect(
      (
        await t.request('POST', '/api/v1/me/presentations', {
          ...as(other),
          json: { credentialIds: [walletId] },
        })
      ).status,
    ).toBe(404);
    // The owner's page too, and the link still works: the refusals changed nothing.
    expect(
      (await t.request('GET', `/wallet/${walletId}/share`, { cookie: other.cookie })).status,
    ).toBe(404);
    expect((await t.request('GET', new URL(link.json.url).pathname, html)).status).toBe(200);
  });

  it('signed out, the API asks to sign in and the page redirects to sign-in', async () => {
    const base = `/api/v1/me/credentials/${walletId}`;
    expect((await t.request('GET', `${base}/export?format=json`)).status).toBe(401);
    expect((await t.request('GET', `${base}/share-links`)).status).toBe(401);
    const page = await t.request('GET', `/wallet/${walletId}/share`);
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(
      `/sign-in?next=${encodeURIComponent(`/wallet/${walletId}/share`)}`,
    );
  });
});

describe('LinkedIn "Add to profile"', () => {
  it('carries the name, organization, issue and expiry month, credential id and URL', async () => {
    const sharing = await t.request(
      'GET',
      `/api/v1/me/credentials/${walletId}/sharing`,
      as(learner),
    );
    expect(sharing.status).toBe(200);
    const url = new URL(sharing.json.linkedIn.url);
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/profile/add');
    const params = Object.fromEntries(url.searchParams);
    const credentialUrl = `http://localhost:3000/credentials/${credentialId}`;
    expect(params).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Digital micro-credential creation',
      organizationName: expect.stringMatching(/^Organization org-/),
      issueYear: '2026',
      issueMonth: '5',
      // validityDays 1095 from 14 May 2026.
      expirationYear: '2029',
      expirationMonth: '5',
      certUrl: credentialUrl,
      certId: credentialUrl,
    });
    expect(params.organizationId).toBeUndefined();
    const fields = Object.fromEntries(
      sharing.json.linkedIn.fields.map((f: { label: string; value: string }) => [f.label, f.value]),
    );
    expect(fields).toMatchObject({
      Name: 'Digital micro-credential creation',
      'Issue date': 'May 2026',
      'Expiration date': 'May 2029',
      'Credential URL': credentialUrl,
    });
    const page = await t.request('GET', `/wallet/${walletId}/share`, { cookie: learner.cookie });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Add to LinkedIn profile');
    expect(page.text).toContain('startTask=CERTIFICATION_NAME');
  });
});

describe('presentations', () => {
  it('are signed by the learner’s did:key, verify with the challenge and domain, fail with another', async () => {
    const jwt = await awardIntoWallet(t, issuer, learner, 'vc-jwt');
    const response = await t.request('POST', '/api/v1/me/presentations', {
      ...as(learner),
      json: {
        credentialIds: [walletId, jwt.walletId],
        challenge: 'c0ffee-42',
        domain: 'https://verifier.example',
      },
    });
    expect(response.status, response.text).toBe(201);
    const vp = response.json.verifiablePresentation;
    expect(vp.holder).toMatch(/^did:key:z6Mk/);
    expect(vp.proof).toMatchObject({
      proofPurpose: 'authentication',
      challenge: 'c0ffee-42',
      domain: 'https://verifier.example',
    });
    expect(vp.verifiableCredential[1]).toMatchObject({ type: 'EnvelopedVerifiableCredential' });

    const verified = await t.request('POST', '/presentations/verify', {
      json: {
        verifiablePresentation: vp,
        options: { challenge: 'c0ffee-42', domain: 'https://verifier.example' },
      },
    });
    expect(verified.json.errors).toEqual([]);
    expect(verified.status).toBe(200);
    expect(verified.json.presentation.holder).toBe(vp.holder);

    const wrong = await t.request('POST', '/presentations/verify', {
      json: {
        verifiablePresentation: vp,
        options: { challenge: 'another', domain: 'https://verifier.example' },
      },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.verified).toBe(false);

    // The same holder key signs the next one.
    const next = await t.request('POST', '/api/v1/me/presentations', {
      ...as(learner),
      json: { credentialIds: [walletId] },
    });
    expect(next.json.verifiablePresentation.holder).toBe(vp.holder);
    expect(next.json.verifiablePresentation.proof.challenge).toEqual(expect.any(String));
  });

  it('refuse an empty choice', async () => {
    const response = await t.request('POST', '/api/v1/me/presentations', {
      ...as(learner),
      json: { credentialIds: [] },
    });
    expect(response.status).toBe(400);
  });
});

describe('e-portfolio', () => {
  it('shows only chosen credentials of a published portfolio, grouped by skill, with status', async () => {
    const slug = `lena-${Date.now().toString(36)}`;
    const second = await awardIntoWallet(t, issuer, learner);
    const hiddenBefore = await t.request('GET', `/p/${slug}`, html);
    expect(hiddenBefore.status).toBe(404);

    const saved = await t.request('PUT', '/api/v1/me/portfolio', {
      ...as(learner),
      json: { slug, headline: 'Credential designer', published: false, credentialIds: [walletId] },
    });
    expect(saved.status, saved.text).toBe(200);
    expect((await t.request('GET', `/p/${slug}`, html)).status).toBe(404);

    await t.request('PUT', '/api/v1/me/portfolio', {
      ...as(learner),
      json: { slug, headline: 'Credential designer', published: true, credentialIds: [walletId] },
    });
    const page = await t.request('GET', `/p/${slug}`, html);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Lena Learner');
    expect(page.text).toContain('Credential designer');
    expect(page.text).toContain('develop digital content');
    expect(page.text).toContain('Teamwork');
    expect(page.text).toContain('Verified');
    expect(page.text).toContain(`/p/${slug}/credentials/${walletId}`);
    expect(page.text).not.toContain(second.walletId);
    expect((await t.request('GET', `/p/${slug}/credentials/${walletId}`, html)).status).toBe(200);
    expect((await t.request('GET', `/p/${slug}/credentials/${second.walletId}`, html)).status).toBe(
      404,
    );

    const taken = await t.request('PUT', '/api/v1/me/portfolio', {
      ...as(other),
      json: { slug, published: true, credentialIds: [] },
    });
    expect(taken.status).toBe(409);
    const foreign = await t.request('PUT', '/api/v1/me/portfolio', {
      ...as(other),
      json: { slug: `${slug}-x`, published: true, credentialIds: [walletId] },
    });
    expect(foreign.status).toBe(400);
  });
});
