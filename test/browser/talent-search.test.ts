/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../../src/services/demo-seed.ts';
import type { TestApp } from '../helpers/app.ts';
import { checkAccessibility, describeViolations } from '../helpers/axe.ts';
import { hasChromium, useBrowserApp } from '../helpers/browser.ts';

describe.skipIf(!hasChromium)('an employer’s talent search in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  useBrowserApp(async (app) => {
    ({ t, browser, baseUrl } = app);
    await seedDemo(t.ctx);
  }, 120_000);

  it('signs in as the demo employer, opens a job profile, searches and sees the explained match', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('Email').fill('hedy@contoso-analytics.example.com');
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => new URL(page.url()).pathname).not.toBe('/sign-in');
    await page.goto(`${baseUrl}/organizations/contoso-analytics`);
    await page
      .getByRole('navigation', { name: 'Organization' })
      .getByRole('link', { name: 'Job profiles' })
      .click();
    await expect
      .poll(() => new URL(page.url()).pathname)
      .toBe('/organizations/contoso-analytics/job-profiles');

    await page.getByRole('link', { name: 'Junior data analyst' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Junior data analyst');
    const profileReport = await checkAccessibility(page);
    await page.getByRole('link', { name: 'Find candidates' }).click();
    await expect
      .poll(() => new URL(page.url()).pathname)
      .toBe('/organizations/contoso-analytics/talent');

    const results = page.getByRole('region', { name: /candidate/ });
    expect(await results.getByRole('heading', { level: 2 }).textContent()).toBe(
      '1 candidate for Junior data analyst',
    );
    const first = results.getByRole('listitem').first();
    expect(await first.getByRole('heading', { level: 3 }).textContent()).toBe('Ada Lovelace');
    expect(await first.textContent()).toContain('Data analyst in training');
    expect(await first.locator('.explanation').textContent()).toMatch(
      /^3 of 3 required skills proven: .+ by credential Data Wrangling with Python from issuer Demo University, \d{4}-\d{2}/,
    );
    // Hasan holds the same credential but never opted in.
    expect(await page.content()).not.toContain('Hasan');
    const searchReport = await checkAccessibility(page);

    await first.getByRole('link', { name: 'Ada Lovelace' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ada Lovelace');
    expect(await page.getByRole('table').textContent()).toContain('Data Wrangling with Python');

    const reports = [profileReport, searchReport];
    const minor = reports.flatMap((r) => describeViolations(r, 'minor'));
    if (minor.length > 0) console.info(`axe-core, minor or moderate:\n${minor.join('\n')}`);
    const failing = reports.flatMap((r) => describeViolations(r, 'failing'));
    expect(failing, failing.join('\n')).toEqual([]);
    await context.close();
  }, 120_000);
});
