/// <reference lib="dom" />
import { mkdirSync, writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bakePng } from '../../src/credentials/baking/index.ts';
import { accountEmails, accounts } from '../../src/db/schema.ts';
import { renderBadgePng } from '../../src/services/sharing/badge-image.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { checkAccessibility, describeViolations } from '../helpers/axe.ts';
import { hasChromium, openBrowserOn } from '../helpers/browser.ts';
import { signUpPerson, unique } from '../helpers/factories.ts';
import { awardIntoWallet, createIssuer } from '../helpers/wallet-fixtures.ts';

describe.skipIf(!hasChromium)('verifying a credential in headless Chromium', () => {
  let t: TestApp;
  let closeBrowser: (() => Promise<void>) | undefined;
  let browser: Browser;
  let baseUrl: string;
  let credentialId: string;
  let content: string;
  let issuerSlug: string;

  beforeAll(async () => {
    t = await createTestApp();
    const issuer = await createIssuer(t);
    issuerSlug = issuer.slug;
    const learner = await signUpPerson(t, 'Bea Browser');
    ({ credentialId, content } = await awardIntoWallet(t, issuer, learner));
    ({ baseUrl, browser, close: closeBrowser } = await openBrowserOn(t));
  });

  afterAll(async () => {
    await closeBrowser?.();
    await t?.close();
  });

  it('an employer verifies a baked badge by upload and by URL, and sees what failed in a tampered one', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    mkdirSync('.tmp', { recursive: true });
    const badgePath = '.tmp/verify-badge.png';
    writeFileSync(badgePath, bakePng(renderBadgePng(), content));

    // By upload: no account needed.
    await page.goto(`${baseUrl}/verify`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Verify a credential');
    const blank = await checkAccessibility(page);
    await page.getByLabel('Badge image or credential file').setInputFiles(badgePath);
    await page.getByRole('button', { name: 'Verify the file' }).click();
    const result = page.getByRole('region', { name: 'Result: Verified' });
    await result.waitFor();
    expect(await result.getByRole('status').textContent()).toContain(
      // Hosted here but not on the trusted issuers list (the next test adds it): a point to check.
      'Verified, with points to check. It is authentic and nothing failed, but check issuer trust',
    );
    const checks = await result.locator('ul.checks > li').allTextContents();
    expect(
      checks.some((c) =>
        /Passed\s*·\s*Signature: The issuer’s digital signature is intact/.test(c),
      ),
    ).toBe(true);
    expect(checks.some((c) => /Check this\s*·\s*Issuer trust/.test(c))).toBe(true);
    expect(checks.filter((c) => /Failed\s*·/.test(c))).toEqual([]);
    expect(await result.textContent()).toContain('Baked PNG badge');
    // The technical detail is one click away.
    const signature = result.locator('li.check', { hasText: 'Signature' });
    expect(await signature.locator('details').getAttribute('open')).toBeNull();
    await signature.locator('summary').click();
    expect(await signature.locator('code.detail').textContent()).toContain('eddsa-rdfc-2022');
    await page.screenshot({ path: '.tmp/verify-result.png', fullPage: true });
    const withResult = await checkAccessibility(page);

    // By URL: the credential's public address, as a certificate's QR code would give it.
    await page
      .getByLabel('Web address', { exact: true })
      .fill(`${t.ctx.publicUrl}/credentials/${credentialId}`);
    await page.getByRole('button', { name: 'Verify from the address' }).click();
    await page.getByRole('region', { name: 'Result: Verified' }).waitFor();
    expect(new URL(page.url()).searchParams.get('url')).toBe(
      `${t.ctx.publicUrl}/credentials/${credentialId}`,
    );
    expect(await page.getByRole('status').textContent()).toContain(
      'Verified, with points to check.',
    );

    // A tampered credential says exactly what failed.
    const tampered = JSON.parse(content);
    tampered.credentialSubject.achievement.name = 'Rocket science';
    await page.getByLabel('Credential', { exact: true }).fill(JSON.stringify(tampered));
    await page.getByRole('button', { name: 'Verify the pasted credential' }).click();
    const failed = page.getByRole('region', { name: 'Result: Not verified' });
    await failed.waitFor();
    expect(await failed.getByRole('status').textContent()).toContain(
      'It failed these checks: signature',
    );
    const failedChecks = await failed.locator('ul.checks > li').allTextContents();
    expect(
      failedChecks.some((c) =>
        /Failed\s*·\s*Signature: The digital signature does not match/.test(c),
      ),
    ).toBe(true);
    expect(failedChecks.some((c) => /Passed\s*·\s*Dates/.test(c))).toBe(true);
    const withFailure = await checkAccessibility(page);

    const reports = [blank, withResult, withFailure];
    const minor = reports.flatMap((r) => describeViolations(r, 'minor'));
    if (minor.length > 0) console.info(`axe-core, minor or moderate:\n${minor.join('\n')}`);
    const failing = reports.flatMap((r) => describeViolations(r, 'failing'));
    expect(failing, failing.join('\n')).toEqual([]);
    await context.close();
  }, 90_000);

  it('an administrator adds a trusted issuer, and verification names the entry', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel('Your name').fill('Ada Admin');
    const email = `${unique('ada')}@example.org`;
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/account');
    const [signedUp] = await t.ctx.db
      .select()
      .from(accountEmails)
      .where(eq(accountEmails.email, email));
    await t.ctx.db
      .update(accounts)
      .set({ isAdmin: true })
      .where(eq(accounts.id, signedUp!.accountId));

    await page.goto(`${baseUrl}/admin/trust-registry`);
    const blank = await checkAccessibility(page);
    await page.getByLabel('Identify the issuer by').selectOption('organization');
    await page.getByLabel('Issuer', { exact: true }).fill(issuerSlug);
    await page.getByLabel('Name').fill('Northbridge College');
    await page.getByLabel('Accrediting body').fill('National Quality Agency');
    await page.getByLabel('Accreditation reference').fill('NQA-2026-7');
    await page.getByRole('button', { name: 'Add to the registry' }).click();
    await expect
      .poll(() => new URL(page.url()).pathname)
      .toMatch(/^\/admin\/trust-registry\/[0-9a-f-]{36}$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Northbridge College');
    const entry = await checkAccessibility(page);

    await page.goto(
      `${baseUrl}/verify?url=${encodeURIComponent(`${t.ctx.publicUrl}/credentials/${credentialId}`)}`,
    );
    const trust = page.locator('li.check', { hasText: 'Issuer trust' });
    expect(await trust.textContent()).toContain(
      'on the list of trusted issuers as “Northbridge College” (accredited by National Quality Agency (ref. NQA-2026-7))',
    );
    const failing = [blank, entry].flatMap((r) => describeViolations(r, 'failing'));
    expect(failing, failing.join('\n')).toEqual([]);
    await context.close();
  }, 60_000);
});
