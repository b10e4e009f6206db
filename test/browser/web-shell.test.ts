/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { hasChromium, useBrowserApp } from '../helpers/browser.ts';
import { unique } from '../helpers/factories.ts';

describe.skipIf(!hasChromium)('web shell in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  useBrowserApp((app) => ({ t, browser, baseUrl } = app));

  it('an issuer signs up, creates an organization and an API token, keyboard and no JavaScript needed', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');

    await page.getByRole('link', { name: 'Create account' }).click();
    await page.getByLabel('Your name').fill('Grace Browser');
    await page.getByLabel('Email').fill(`${unique('grace')}@example.org`);
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.url()).toBe(`${baseUrl}/account`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Grace Browser');

    const slug = unique('browser-org');
    await page.getByRole('link', { name: 'Organizations' }).click();
    await page.getByLabel('Name').fill('Browser University');
    await page.getByLabel('Address').fill(slug);
    await page.getByLabel('Kind').selectOption('university');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await expect.poll(() => page.url()).toBe(`${baseUrl}/organizations/${slug}`);

    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByLabel('Name').fill('LMS');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.locator('#new-token').textContent();
    expect(secret).toMatch(/^skm_/);
    const api = await fetch(`${baseUrl}/api/v1/organizations/${slug}/members`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(api.status).toBe(200);
    await context.close();
  });

  it('fits a small phone screen without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    for (const path of ['/', '/sign-up', '/organizations', '/sign-in']) {
      await page.goto(`${baseUrl}${path}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    mkdirSync('.tmp', { recursive: true });
    await page.goto(`${baseUrl}/`);
    await page.screenshot({ path: '.tmp/home-phone.png', fullPage: true });
    await context.close();
  });

  it('every form control has an accessible name', async () => {
    const page = await browser.newPage();
    for (const path of ['/sign-up', '/sign-in']) {
      await page.goto(`${baseUrl}${path}`);
      const unnamed = await page.evaluate(
        () =>
          [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(
            (el) => !(el as HTMLInputElement).labels?.length,
          ).length,
      );
      expect(unnamed, path).toBe(0);
    }
    await page.close();
  });
});
