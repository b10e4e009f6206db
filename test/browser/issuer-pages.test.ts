/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { hasChromium, useBrowserApp } from '../helpers/browser.ts';
import { unique } from '../helpers/factories.ts';

describe.skipIf(!hasChromium)('issuer pages in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  useBrowserApp((app) => ({ t, browser, baseUrl } = app));

  it('an issuer defines a micro-credential and awards it, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel('Your name').fill('Ines Issuer');
    await page.getByLabel('Email').fill(`${unique('ines')}@example.org`);
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.url()).toBe(`${baseUrl}/account`);

    const slug = unique('browser-uni');
    await page.goto(`${baseUrl}/organizations`);
    await page.getByLabel('Name').fill('Browser University');
    await page.getByLabel('Address').fill(slug);
    await page.getByRole('button', { name: 'Create organization' }).click();
    await expect.poll(() => page.url()).toBe(`${baseUrl}/organizations/${slug}`);

    await page
      .getByRole('navigation', { name: 'Organization' })
      .getByRole('link', { name: 'Achievements' })
      .click();
    await page.getByRole('link', { name: 'New achievement' }).click();
    const unnamed = await page.evaluate(
      () =>
        [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(
          (el) => !(el as HTMLInputElement).labels?.length,
        ).length,
    );
    expect(unnamed).toBe(0);

    await page.getByLabel('Name', { exact: true }).fill('Accessible web design');
    await page.getByLabel('Description', { exact: true }).fill('Builds pages everyone can use.');
    await page.getByLabel('Type', { exact: true }).selectOption('Course');
    await page.getByLabel('Criteria', { exact: true }).fill('Audit and fix a real site.');
    await page.getByLabel('Tags').fill('accessibility, WCAG');
    await page.getByLabel('Credits (ECTS)').fill('2,5');
    await page.getByLabel('EQF level').selectOption('6');
    await page
      .getByLabel('Learning outcomes')
      .fill('Audits a page against WCAG 2.2\nFixes barriers');
    await page.getByLabel('Type of assessment').fill('Practical audit');
    await page.getByLabel('Form of participation').selectOption('blended');
    await page.getByLabel('Quality assurance').fill('Programme board');
    await page.getByLabel('Country of the awarding body').fill('AT');
    const alignment = page.getByRole('group', { name: 'Alignment 1' });
    await alignment.getByLabel('Skill or competency').fill('web accessibility');
    await alignment.getByLabel('Link (URL)').fill('https://esco.example/web-accessibility');
    mkdirSync('.tmp', { recursive: true });
    await page.screenshot({ path: '.tmp/achievement-form.png', fullPage: true });
    await page.getByRole('button', { name: 'Create achievement' }).click();

    await expect.poll(() => page.url()).toMatch(/\/achievements\/[0-9a-f-]{36}\?saved=1$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Accessible web design',
    );
    expect(await page.getByRole('status').first().textContent()).toContain('Saved.');

    const achievementUrl = page.url().split('?')[0]!;
    await page.screenshot({ path: '.tmp/achievement-page.png', fullPage: true });
    await page.getByLabel('Recipient').fill('learner@example.org');
    await page.getByLabel('Can be suspended').check();
    await page.getByRole('button', { name: 'Award' }).click();
    const issued = page.getByRole('status').getByRole('link');
    const credentialPath = await issued.getAttribute('href');
    expect(credentialPath).toMatch(/^\/credentials\/[0-9a-f-]{36}$/);

    await issued.click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Accessible web design',
    );
    expect(await page.getByRole('status').textContent()).toContain('Verified.');

    await page.goto(`${baseUrl}/organizations/${slug}/credentials`);
    await page.getByLabel(/^Reason/).fill('Testing suspension');
    await page.getByRole('button', { name: /^Suspend/ }).click();
    expect(await page.getByRole('status').textContent()).toContain('is suspended');
    await page.screenshot({ path: '.tmp/issued-credentials.png', fullPage: true });
    await context.close();

    const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const small = await phone.newPage();
    for (const url of [achievementUrl, `${baseUrl}/organizations/${slug}/achievements`]) {
      await small.goto(url);
      const overflow = await small.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
    await phone.close();
  });
});
