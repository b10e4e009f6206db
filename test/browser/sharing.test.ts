/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIssuedCredential } from '../../src/db/repositories/issued-credentials.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { hasChromium, openBrowserOn } from '../helpers/browser.ts';
import { signUpPerson, type TestPerson } from '../helpers/factories.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { awardIntoWallet, createIssuer } from '../helpers/wallet-fixtures.ts';

describe.skipIf(!hasChromium)('sharing a credential in headless Chromium', () => {
  let t: TestApp;
  let closeBrowser: (() => Promise<void>) | undefined;
  let browser: Browser;
  let baseUrl: string;
  let learner: TestPerson;
  let walletId: string;
  let credentialId: string;

  beforeAll(async () => {
    // The real clock: the browser keeps the session cookie only while it has not expired.
    t = await createTestApp();
    const issuer = await createIssuer(t);
    learner = await signUpPerson(t, 'Bruno Browser');
    ({ walletId, credentialId } = await awardIntoWallet(t, issuer, learner));
    ({ baseUrl, browser, close: closeBrowser } = await openBrowserOn(t));
  });

  afterAll(async () => {
    await closeBrowser?.();
    await t?.close();
  });

  /** Links carry the configured public URL (http://localhost:3000); the test server is elsewhere. */
  const local = (url: string) => `${baseUrl}${new URL(url).pathname}${new URL(url).search}`;

  it('shares a link, opens it signed out, downloads the PDF and checks LinkedIn, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/wallet/${walletId}/share`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByLabel('Email').fill(learner.email);
    await page.getByLabel('Password').fill(learner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/wallet/${walletId}/share`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
      'Digital micro-credential creation',
    );

    // Share: nothing public through a link until the learner makes one.
    await page.getByRole('button', { name: 'Create a share link' }).click();
    expect(await page.getByRole('status').textContent()).toContain('Share link created');
    const shareHref = await page
      .getByRole('table')
      .getByRole('link', { name: /\/s\// })
      .getAttribute('href');
    expect(shareHref).toMatch(/^http:\/\/localhost:3000\/s\/[A-Za-z0-9_-]{32}$/);
    expect(await page.getByLabel('HTML to copy into your page or résumé').inputValue()).toContain(
      `${shareHref}/badge.svg`,
    );

    mkdirSync('.tmp', { recursive: true });
    await page.screenshot({ path: '.tmp/sharing-page.png', fullPage: true });
    const visitor = await browser.newContext({ javaScriptEnabled: false });
    const publicPage = await visitor.newPage();
    await publicPage.goto(local(shareHref!));
    expect(await publicPage.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Digital micro-credential creation',
    );
    expect(await publicPage.getByRole('status').textContent()).toContain('Verified.');
    expect(await publicPage.getByRole('link', { name: 'Sign in' }).count()).toBeGreaterThan(0);

    // The certificate: its QR code's URL is printed in it.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Certificate to print (PDF)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('digital-micro-credential-creation-certificate.pdf');
    const pdf = readFileSync((await download.path())!);
    expect(pdfText(pdf)).toContain(`http://localhost:3000/credentials/${credentialId}`);

    // LinkedIn: the prefilled certification form, and the fields to copy by hand.
    const linkedIn = new URL(
      (await page.getByRole('link', { name: 'Add to LinkedIn profile' }).getAttribute('href'))!,
    );
    expect(linkedIn.origin + linkedIn.pathname).toBe('https://www.linkedin.com/profile/add');
    const issued = (await findIssuedCredential(t.ctx.db, credentialId))!;
    expect(Object.fromEntries(linkedIn.searchParams)).toMatchObject({
      startTask: 'CERTIFICATION_NAME',
      name: 'Digital micro-credential creation',
      organizationName: expect.stringMatching(/^Organization /),
      issueYear: String(issued.issuedAt.getUTCFullYear()),
      issueMonth: String(issued.issuedAt.getUTCMonth() + 1),
      expirationYear: String(issued.validUntil!.getUTCFullYear()),
      expirationMonth: String(issued.validUntil!.getUTCMonth() + 1),
      certUrl: `http://localhost:3000/credentials/${credentialId}`,
      certId: `http://localhost:3000/credentials/${credentialId}`,
    });
    expect(await page.locator('dl.linkedin-fields').textContent()).toContain(
      issued.issuedAt.toLocaleDateString('en-GB', {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }),
    );

    // Revoking kills the public page.
    await page.getByRole('button', { name: /^Revoke/ }).click();
    expect(await page.getByRole('status').textContent()).toContain('revoked');
    const gone = await publicPage.goto(local(shareHref!));
    expect(gone?.status()).toBe(404);
    await visitor.close();
    await context.close();
  });
});
