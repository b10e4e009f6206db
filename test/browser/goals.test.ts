/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { checkAccessibility, describeViolations } from '../helpers/axe.ts';
import { hasChromium, useBrowserApp } from '../helpers/browser.ts';
import { createOrganizationOwnedBy, createToken, signUpPerson } from '../helpers/factories.ts';
import { createAlignedAchievement, seedEscoSlice } from '../helpers/goal-factories.ts';

describe.skipIf(!hasChromium)(
  'a learner sets a goal and sees a pathway in headless Chromium',
  () => {
    let t: TestApp;
    let browser: Browser;
    let baseUrl: string;
    useBrowserApp((app) => ({ t, browser, baseUrl } = app));

    it('types a job, picks the occupation, sees the gap chart and the ordered pathway', async () => {
      const esco = await seedEscoSlice(t);
      const owner = await signUpPerson(t, 'Academy Owner');
      const { slug } = await createOrganizationOwnedBy(t, owner);
      const issuer = { slug, token: (await createToken(t, owner, slug, 'issuer')).secret };
      const postgres = await createAlignedAchievement(
        t,
        issuer,
        'PostgreSQL admin',
        [esco.skill.postgres],
        10,
      );
      const sql = await createAlignedAchievement(t, issuer, 'SQL basics', [esco.skill.sql], 20);
      const python = await createAlignedAchievement(
        t,
        issuer,
        'Python for data',
        [esco.skill.python, esco.skill.databases],
        40,
      );
      const offer = await t.request('PUT', `/api/v1/achievements/${python}/offer`, {
        token: issuer.token,
        json: { prerequisiteIds: [sql] },
      });
      expect(offer.status, offer.text).toBe(200);
      const learner = await signUpPerson(t, 'Greta Goalsetter');
      await t.request('POST', `/api/v1/achievements/${postgres}/awards`, {
        token: issuer.token,
        json: { recipient: { email: learner.email } },
      });

      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/learn`);
      await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
      await page.getByLabel('Email').fill(learner.email);
      await page.getByLabel('Password').fill(learner.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/learn');
      await page.getByRole('link', { name: 'Set a career goal' }).click();

      await page.getByLabel('What job do you want?').fill('data engineer');
      await page.getByRole('button', { name: 'Find matching occupations' }).click();
      const choice = page.getByRole('radio', { name: /data engineer/ });
      expect(await choice.isChecked()).toBe(true);
      const choosing = await checkAccessibility(page);
      await page.getByRole('button', { name: 'Set this goal' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/goals\/[0-9a-f-]{36}$/);

      const gap = page.getByRole('table', { name: /Each skill of the goal/ });
      const rows = (await gap.locator('tbody tr').allTextContents()).map((r) =>
        r.replace(/\s+/g, ' ').trim(),
      );
      expect(rows.find((r) => r.startsWith('databases'))).toMatch(
        /Partly covered.*50%.*PostgreSQL/,
      );
      expect(rows.find((r) => r.startsWith('Python'))).toMatch(/Missing/);
      const recommended = page.getByRole('region', { name: 'Recommended pathway' });
      const pathway = recommended.locator('ol.recommended-pathway > li h3');
      expect(await pathway.allTextContents()).toEqual(['SQL basics', 'Python for data']);
      expect(await page.locator('#pathway-totals').textContent()).toMatch(
        /2 micro-credentials, 60 h/,
      );
      expect(
        await recommended.locator('ol.recommended-pathway > li').first().textContent(),
      ).toMatch(/Python for data" builds on it/);
      const detail = await checkAccessibility(page);

      // Options are a plain GET form: a budget too small for the prerequisite chain changes the plan.
      await page.getByLabel('Budget in hours').fill('25');
      await page.getByRole('button', { name: 'Recommend again' }).click();
      expect(await page.locator('ol.recommended-pathway > li h3').allTextContents()).toEqual([
        'SQL basics',
      ]);

      const minor = [choosing, detail].flatMap((r) => describeViolations(r, 'minor'));
      if (minor.length > 0) console.info(`axe-core, minor or moderate:\n${minor.join('\n')}`);
      const failing = [choosing, detail].flatMap((r) => describeViolations(r, 'failing'));
      expect(failing, failing.join('\n')).toEqual([]);
      await context.close();
    }, 120_000);
  },
);
