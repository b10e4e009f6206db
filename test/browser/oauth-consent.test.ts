import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { checkAccessibility, describeViolations } from '../helpers/axe.ts';
import { hasChromium, openBrowserOn } from '../helpers/browser.ts';
import { signUpPerson, type TestPerson } from '../helpers/factories.ts';
import {
  authorizeUrl,
  pkcePair,
  type RegisteredClient,
  registerClient,
  tokenRequest,
} from '../helpers/oauth-flow.ts';

// A loopback redirect URI (RFC 8252); nothing listens there, the browser's request is intercepted.
const callback = 'http://127.0.0.1:9/callback';

describe.skipIf(!hasChromium)('OAuth consent in headless Chromium', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let learner: TestPerson;
  let client: RegisteredClient;

  beforeAll(async () => {
    t = await createTestApp();
    ({ baseUrl, browser, close: closeBrowser } = await openBrowserOn(t));
    learner = await signUpPerson(t, 'Bea Browser');
    client = await registerClient(t, { redirect_uris: [callback] });
  });
  afterAll(async () => {
    await closeBrowser();
    await t.close();
  });

  it('signs in, allows, and lands on the app with a code the app can redeem, under the real CSP', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    let landed: URL | undefined;
    await page.route(`${callback}**`, async (route) => {
      landed = new URL(route.request().url());
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Wallet</title>' });
    });
    const pkce = pkcePair();
    await page.goto(
      `${baseUrl}${authorizeUrl(client, pkce.challenge, { redirectUri: callback, state: 's 1' })}`,
    );
    await page.getByLabel('Email').fill(learner.email);
    await page.getByLabel('Password').fill(learner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('heading', { name: 'Allow Pocket Wallet to use your Skillmark account?' })
      .waitFor();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(`${callback}**`);
    expect(landed?.searchParams.get('state')).toBe('s 1');
    const tokens = await tokenRequest(t, client, {
      grant_type: 'authorization_code',
      code: landed!.searchParams.get('code')!,
      redirect_uri: callback,
      code_verifier: pkce.verifier,
    });
    expect(tokens.status, tokens.text).toBe(200);
    await context.close();
  });

  it('the consent and authorized apps pages have no serious accessibility violations', async () => {
    // axe is injected as an inline script, which our CSP refuses; this context only audits.
    const context = await browser.newContext({ bypassCSP: true });
    const [name, value] = learner.cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: baseUrl }]);
    const page = await context.newPage();
    await page.goto(
      `${baseUrl}${authorizeUrl(client, pkcePair().challenge, { redirectUri: callback })}`,
    );
    const consent = await checkAccessibility(page);
    expect(describeViolations(consent, 'failing')).toEqual([]);
    await page.goto(`${baseUrl}/account/apps`);
    expect(await page.getByRole('heading', { name: 'Pocket Wallet' }).count()).toBe(1);
    const apps = await checkAccessibility(page);
    expect(describeViolations(apps, 'failing')).toEqual([]);
    await context.close();
  });
});
