import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SafeFetch } from '../../src/credentials/index.ts';
import { ob3Scopes } from '../../src/domain/oauth/scopes.ts';
import { fetchClientLogo } from '../../src/services/oauth/client-logo.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signUpPerson, type TestPerson } from '../helpers/factories.ts';
import { authorizeUrl, pkcePair, registerClient } from '../helpers/oauth-flow.ts';

let t: TestApp;
let learner: TestPerson;

beforeAll(async () => {
  t = await createTestApp();
  learner = await signUpPerson(t, 'Cora Consent');
});
afterAll(() => t.close());

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const fakeFetch =
  (body: Uint8Array, status = 200): SafeFetch =>
  async (url) => ({
    url,
    status,
    contentType: 'image/png',
    body,
    text: () => '',
    json: () => ({}),
  });

describe('the consent page', () => {
  it('names the app (escaped), its addresses and logo, and only the scopes asked, in plain words', async () => {
    const client = await registerClient(t, {
      client_name: 'Evil <script>alert(1)</script> Wallet',
    });
    const page = await t.request(
      'GET',
      authorizeUrl(client, pkcePair().challenge, { scope: ob3Scopes.credentialRead }),
      { cookie: learner.cookie },
    );
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).toContain('Evil &lt;script&gt;alert(1)&lt;/script&gt; Wallet');
    expect(page.text).toContain('href="https://wallet.example"');
    expect(page.text).toContain('https://wallet.example/tos');
    expect(page.text).toContain(`src="/oauth/clients/${client.clientId}/logo"`);
    expect(page.text).toContain('See the badges and credentials in your wallet');
    expect(page.text).not.toContain('Add badges and credentials to your wallet');
    expect(page.text).toContain('You are signed in as <strong>Cora Consent</strong>');
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('serves the logo only when it is a raster image, fetched through the SSRF-safe fetch', async () => {
    const client = await registerClient(t);
    expect(await fetchClientLogo(t.ctx, client.clientId, fakeFetch(png))).toMatchObject({
      contentType: 'image/png',
    });
    const html = new TextEncoder().encode('<svg onload="alert(1)"></svg>');
    expect(await fetchClientLogo(t.ctx, client.clientId, fakeFetch(html))).toBeUndefined();
    expect(await fetchClientLogo(t.ctx, client.clientId, fakeFetch(png, 404))).toBeUndefined();
    const unknown = await t.request('GET', '/oauth/clients/nope/logo');
    expect(unknown.status).toBe(404);
  });

  it('the privacy policy and terms named in the discovery document exist', async () => {
    const discovery = (await t.request('GET', '/ims/ob/v3p0/discovery')).json;
    for (const url of [discovery.info['x-imssf-privacyPolicyUrl'], discovery.info.termsOfService]) {
      const page = await t.request('GET', new URL(url).pathname);
      expect(page.status, url).toBe(200);
    }
  });

  it('lists no apps for a learner who authorized none, and sends the signed-out to sign in', async () => {
    const fresh = await signUpPerson(t, 'No Apps');
    const page = await t.request('GET', '/account/apps', { cookie: fresh.cookie });
    expect(page.text).toContain('You have not authorized any app.');
    const signedOut = await t.request('GET', '/account/apps');
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe('/sign-in?next=%2Faccount%2Fapps');
  });
});
