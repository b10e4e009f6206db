/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { checkAccessibility, describeViolations } from '../helpers/axe.ts';
import { hasChromium, openBrowserOn } from '../helpers/browser.ts';
import { createExampleIssuersFetch, ob3ExamplesDir } from '../helpers/example-issuers.ts';
import { unique } from '../helpers/factories.ts';

describe.skipIf(!hasChromium || !ob3ExamplesDir)('importing a badge in headless Chromium', () => {
  let t: TestApp;
  let closeBrowser: (() => Promise<void>) | undefined;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    // The real clock: the browser keeps the session cookie only while it has not expired. The
    // example issuers' documents come from the test stand-in, as they are not online.
    t = await createTestApp({ safeFetch: createExampleIssuersFetch() });
    ({ baseUrl, browser, close: closeBrowser } = await openBrowserOn(t));
  });

  afterAll(async () => {
    await closeBrowser?.();
    await t?.close();
  });

  it('a learner uploads the 1EdTech baked PNG, sees it verified, then finds it in the wallet', async () => {
    // axe-core is injected as an inline script, which the app's CSP (rightly) refuses.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel('Your name').fill('Ida Browser');
    await page.getByLabel('Email').fill(`${unique('ida')}@example.org`);
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/account');

    await page.goto(`${baseUrl}/wallet/import`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Import a credential');
    const blank = await checkAccessibility(page);

    await page
      .getByLabel('Badge image or credential file')
      .setInputFiles(`${ob3ExamplesDir}/simple-json.png`);
    await page.getByRole('button', { name: 'Import the file' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('imported')).toMatch(/\S/);
    const id = new URL(page.url()).searchParams.get('imported')!;

    const result = page.getByRole('region', { name: 'Imported: Teamwork' });
    expect(await result.getByRole('status').textContent()).toContain(
      'Verified. It is authentic, unaltered and currently valid.',
    );
    const checks = await result.locator('ul.checks > li').allTextContents();
    expect(checks).toContainEqual(
      expect.stringMatching(/^Passed: The issuer’s digital signature is intact/),
    );
    expect(checks.filter((c) => c.startsWith('Failed'))).toEqual([]);
    expect(await result.locator('dl').textContent()).toContain('Example Corp');
    expect(await result.locator('dl').textContent()).toContain('Baked PNG badge');
    mkdirSync('.tmp', { recursive: true });
    await page.screenshot({ path: '.tmp/wallet-import-result.png', fullPage: true });
    const withResult = await checkAccessibility(page);

    // What the page says is what was stored: valid, with the proof and the issuer's key passed.
    const cookie = (await context.cookies(baseUrl)).map((c) => `${c.name}=${c.value}`).join('; ');
    const stored = await t.request('GET', `/api/v1/me/credentials/${id}`, { cookie });
    expect(stored.status, stored.text).toBe(200);
    expect(stored.json).toMatchObject({
      receivedAs: 'png',
      status: 'valid',
      achievementName: 'Teamwork',
    });
    const outcome = (name: string) =>
      stored.json.verification.find((c: { check: string }) => c.check === name)?.outcome;
    expect(outcome('proof')).toBe('passed');
    expect(outcome('issuer-key')).toBe('passed');

    await result.getByRole('link', { name: 'Go to your wallet' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/wallet');
    const row = page.getByRole('row', { name: /Teamwork/ });
    expect(await row.getByRole('link', { name: 'Teamwork' }).getAttribute('href')).toBe(
      `/wallet/${id}`,
    );
    expect(await row.textContent()).toContain('(imported)');
    expect(await row.textContent()).toContain('Example Corp');
    expect(await row.textContent()).toContain('2010-01-01');
    expect(await row.locator('.status').textContent()).toBe('Valid');

    const minor = [blank, withResult].flatMap((r) => describeViolations(r, 'minor'));
    if (minor.length > 0) console.info(`axe-core, minor or moderate:\n${minor.join('\n')}`);
    const failing = [blank, withResult].flatMap((r) => describeViolations(r, 'failing'));
    expect(failing, failing.join('\n')).toEqual([]);
    await context.close();
  }, 60_000);
});
