/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fullAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import type { TestApp } from '../helpers/app.ts';
import { checkAccessibility, describeViolations } from '../helpers/axe.ts';
import { hasChromium, useBrowserApp } from '../helpers/browser.ts';
import { createOrganizationOwnedBy, createToken, signUpPerson } from '../helpers/factories.ts';

describe.skipIf(!hasChromium)('a learner’s pathway map in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  useBrowserApp((app) => ({ t, browser, baseUrl } = app));

  async function defineAchievement(slug: string, token: string, name: string, ects: number) {
    const created = await t.request('POST', `/api/v1/organizations/${slug}/achievements`, {
      token,
      json: { ...fullAchievementDefinition(), name, creditsAvailable: ects },
    });
    expect(created.status, created.text).toBe(201);
    return created.json.id.split('/').at(-1) as string;
  }

  it('shows what is met, what remains, each step’s workload and the percentage', async () => {
    const owner = await signUpPerson(t, 'Pathway Owner');
    const { slug } = await createOrganizationOwnedBy(t, owner);
    const token = (await createToken(t, owner, slug, 'issuer')).secret;
    const basics = await defineAchievement(slug, token, 'Web basics', 4);
    const css = await defineAchievement(slug, token, 'CSS layout', 3);
    const a11y = await defineAchievement(slug, token, 'Accessible forms', 3);
    const certificate = await defineAchievement(slug, token, 'Front-end certificate', 10);
    const created = await t.request('POST', `/api/v1/organizations/${slug}/pathways`, {
      token,
      json: {
        title: 'Front-end certificate',
        description: 'Build accessible web pages.',
        achievementId: certificate,
        requirement: {
          kind: 'all-of',
          of: [
            { kind: 'achievement', achievementId: basics },
            {
              kind: 'min-ects',
              ects: 6,
              of: [
                { kind: 'achievement', achievementId: css },
                { kind: 'achievement', achievementId: a11y },
              ],
            },
          ],
        },
      },
    });
    expect(created.status, created.text).toBe(201);
    const learner = await signUpPerson(t, 'Paula Pathfinder');
    const awarded = await t.request('POST', `/api/v1/achievements/${basics}/awards`, {
      token,
      json: { recipient: { email: learner.email } },
    });
    expect(awarded.status, awarded.text).toBe(201);

    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/pathways/${created.json.id}`);
    // Signed out: sent to sign in first, then back to the map.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByLabel('Email').fill(learner.email);
    await page.getByLabel('Password').fill(learner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/pathways/${created.json.id}`);

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Front-end certificate',
    );
    // all-of: (1 + 0/6) / 2 = 50%.
    expect(await page.locator('#pathway-percentage').textContent()).toBe('50%');
    expect(
      await page.getByRole('progressbar', { name: 'Requirements met' }).getAttribute('value'),
    ).toBe('50');
    const next = page.getByRole('region', { name: 'What is next' });
    expect(await next.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^CSS layout \(workload 3 ECTS · 60 hours\)/),
      expect.stringMatching(/^Accessible forms \(workload 3 ECTS · 60 hours\)/),
    ]);
    const have = page.getByRole('region', { name: 'What you have that counts' });
    expect(await have.textContent()).toContain('Web basics');
    const tree = page.getByRole('region', { name: 'All requirements' });
    const steps = (await tree.locator('li.pathway-step').allTextContents()).map((s) =>
      s.replace(/\s+/g, ' ').trim(),
    );
    expect(steps[1]).toMatch(/^Met: Web basics \(workload 4 ECTS · 60 hours\)/);
    expect(steps[2]).toMatch(/^Still to do: At least 6 ECTS from \(0% done, 0 of 6 ECTS\)/);
    const report = await checkAccessibility(page);

    // One more step completes the pathway; the map says so and links the credential.
    await t.request('POST', `/api/v1/achievements/${css}/awards`, {
      token,
      json: { recipient: { email: learner.email } },
    });
    await t.request('POST', `/api/v1/achievements/${a11y}/awards`, {
      token,
      json: { recipient: { email: learner.email } },
    });
    await page.reload();
    expect(await page.locator('#pathway-percentage').textContent()).toBe('100%');
    expect(await page.getByRole('status').textContent()).toContain('Completed.');
    const done = await checkAccessibility(page);

    const minor = [report, done].flatMap((r) => describeViolations(r, 'minor'));
    if (minor.length > 0) console.info(`axe-core, minor or moderate:\n${minor.join('\n')}`);
    const failing = [report, done].flatMap((r) => describeViolations(r, 'failing'));
    expect(failing, failing.join('\n')).toEqual([]);
    await context.close();
  }, 90_000);
});
