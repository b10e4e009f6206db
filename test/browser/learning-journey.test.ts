import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoAssessments,
  demoPeerSubmitters,
  demoQuizItems,
} from '../../src/services/demo-catalog.ts';
import { demoPassword, seedDemo } from '../../src/services/demo-seed.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { type AxeReport, checkAccessibility, describeViolations } from '../helpers/axe.ts';
import { hasChromium, openBrowserOn } from '../helpers/browser.ts';
import { unique } from '../helpers/factories.ts';

const achievementName = 'Data Wrangling with Python';

describe.skipIf(!hasChromium)('the demo learning journey in headless Chromium', () => {
  let t: TestApp;
  let closeBrowser: (() => Promise<void>) | undefined;
  let browser: Browser;
  let baseUrl: string;
  const reports: AxeReport[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.ctx);
    ({ baseUrl, browser, close: closeBrowser } = await openBrowserOn(t));
  });

  afterAll(async () => {
    const minor = reports.flatMap((r) => describeViolations(r, 'minor'));
    console.info(
      `axe-core checked ${reports.length} pages: ${reports.flatMap((r) => r.failing).length} serious or critical, ${minor.length} minor or moderate violations.${minor.length > 0 ? `\n${minor.join('\n')}` : ''}`,
    );
    await closeBrowser?.();
    await t?.close();
  });

  /** Every page on the way is checked; serious and critical violations fail the test at the end. */
  async function audit(page: Page) {
    await page.waitForLoadState('load');
    reports.push(await checkAccessibility(page));
  }

  // axe-core is injected as an inline script, which the app's CSP (rightly) refuses.
  const newContext = () => browser.newContext({ bypassCSP: true });

  async function signIn(context: BrowserContext, email: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => new URL(page.url()).pathname).not.toBe('/sign-in');
    return page;
  }

  async function scoreRubric(page: Page, levels: Record<string, number>) {
    for (const [criterion, level] of Object.entries(levels))
      await page
        .getByRole('group', { name: criterion, exact: true })
        .getByRole('radio', { name: new RegExp(`^${level} · `) })
        .check();
  }

  async function openAssessment(page: Page, title: string) {
    await page.goto(`${baseUrl}/learn`);
    await page
      .getByRole('article', { name: achievementName })
      .getByRole('link', { name: title })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      title.split(':')[0],
    );
  }

  it('a new learner signs up, passes the quiz, submits work, is reviewed, reaches mastery and receives a credential that verifies', async () => {
    const learnerName = `Lin ${unique('learner')}`;
    const learnerEmail = `${unique('lin')}@example.org`;
    const learner = await newContext();
    const page = await learner.newPage();

    // Sign up through the pages.
    await page.goto(`${baseUrl}/sign-up`);
    await audit(page);
    await page.getByLabel('Your name').fill(learnerName);
    await page.getByLabel('Email').fill(learnerEmail);
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.url()).toBe(`${baseUrl}/account`);
    await audit(page);

    // The dashboard offers the demo micro-credential with its competencies.
    await page.goto(`${baseUrl}/learn`);
    await audit(page);
    const card = page.getByRole('article', { name: achievementName });
    await expect(card.getByRole('table').textContent()).resolves.toContain(
      'Clean data: missing values, duplicates and inconsistent types',
    );

    // The quiz, answered through its form (order and options are shuffled on each attempt).
    await openAssessment(page, demoAssessments.quiz.title);
    await audit(page);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await expect.poll(() => page.url()).toMatch(/\/attempts\/[0-9a-f-]{36}$/);
    await audit(page);
    for (const item of demoQuizItems) {
      const question = page.locator('fieldset', { hasText: item.prompt });
      if (item.kind === 'single' || item.kind === 'multiple') {
        for (const option of item.options.filter((o) => o.correct))
          await question.getByLabel(option.text, { exact: true }).check();
      } else if (item.kind === 'numeric') {
        await question.getByLabel('Your answer (a number)').fill(String(item.answer));
      } else {
        await question.getByLabel('Your answer', { exact: true }).fill(item.acceptedAnswers[0]!);
      }
    }
    await page.getByRole('button', { name: 'Submit answers' }).click();
    const result = page.getByRole('status');
    await expect(result.textContent()).resolves.toContain('Passed');
    await expect(result.textContent()).resolves.toContain('100%');
    await audit(page);

    // The project, through the submission form, consenting to show it as evidence.
    await openAssessment(page, demoAssessments.project.title);
    await audit(page);
    await page
      .getByRole('textbox', { name: /^Your work/ })
      .fill(
        'I profiled the customer export with df.info() and df.isna().sum(): 8% of ages were missing and 21 customer ids appeared twice. I kept the latest record of each customer, coerced the price column with pd.to_numeric, and merged the orders with validate="one_to_many", checking that the row count stayed 4,512.',
      );
    await page
      .getByRole('textbox', { name: /^Links/ })
      .fill('https://example.org/lin/customer-cleaning');
    await page.getByLabel('Show this work as evidence in my credential').check();
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/\/submissions\/[0-9a-f-]{36}$/);
    await audit(page);

    // The peer-reviewed write-up: the two demo learners who handed in before become its peers.
    const writeUp =
      'Run "make clean-data": it downloads nothing, reads raw/customers.csv and raw/orders.csv, and writes clean/customers.parquet. Each step is a function in pipeline.py with a docstring giving its reason: duplicates are resolved by keeping the newest record because the export appends changes; missing ages stay missing because imputing them would bias the age analysis.';
    await openAssessment(page, demoAssessments.peerReview.title);
    await audit(page);
    await page.getByRole('textbox', { name: /^Your work/ }).fill(writeUp);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/\/submissions\/[0-9a-f-]{36}$/);

    // The learner reviews the two peers' write-ups, anonymously.
    await page.goto(`${baseUrl}/learn`);
    await page.getByRole('link', { name: 'your peer reviews' }).click();
    await audit(page);
    await expect(page.getByRole('link', { name: /submission/ }).count()).resolves.toBe(2);
    for (let i = 0; i < 2; i += 1) {
      await page.goto(`${baseUrl}/peer-reviews`);
      await page
        .getByRole('link', { name: /submission/ })
        .first()
        .click();
      if (i === 0) await audit(page);
      const shown = (await page.locator('main').textContent()) ?? '';
      expect(demoPeerSubmitters.some((s) => shown.includes(s.text.slice(0, 40)))).toBe(true);
      expect(shown).not.toMatch(/Mary|Emmy/);
      await scoreRubric(page, { 'Reproducible steps': 3, 'Explained decisions': 3 });
      await page.getByLabel('Feedback').fill('Clear steps; say which pandas version you used.');
      await page.getByRole('button', { name: 'Send review' }).click();
      await expect(page.getByRole('status').textContent()).resolves.toContain('your review');
    }

    // Each peer signs in and reviews the newcomer's write-up among their tasks.
    for (const [index, peer] of demoPeerSubmitters.entries()) {
      const context = await newContext();
      const peerPage = await signIn(context, peer.email);
      await peerPage.goto(`${baseUrl}/peer-reviews`);
      const links = await peerPage
        .getByRole('link', { name: /submission/ })
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      let reviewed = false;
      for (const href of links) {
        await peerPage.goto(href);
        if (!((await peerPage.locator('main').textContent()) ?? '').includes(writeUp.slice(0, 40)))
          continue;
        if (index === 0) await audit(peerPage);
        expect(await peerPage.locator('main').textContent()).not.toContain(learnerName);
        await scoreRubric(peerPage, {
          'Reproducible steps': 4 - index,
          'Explained decisions': 3,
        });
        await peerPage.getByLabel('Feedback').fill('Easy to rerun; the reasons are convincing.');
        await peerPage.getByRole('button', { name: 'Send review' }).click();
        await expect(peerPage.getByRole('status').textContent()).resolves.toContain('your review');
        reviewed = true;
      }
      expect(reviewed, `${peer.email} was assigned the newcomer's write-up`).toBe(true);
      await context.close();
    }

    // The assessor works the review queue and accepts both with rubric levels.
    const assessor = await newContext();
    const review = await signIn(assessor, 'barbara@demo-university.example.org');
    await review.goto(`${baseUrl}/organizations/demo-university`);
    await audit(review);
    await review
      .getByRole('navigation', { name: 'Organization' })
      .getByRole('link', { name: 'Reviews' })
      .click();
    await expect.poll(() => review.url()).toBe(`${baseUrl}/organizations/demo-university/reviews`);
    await audit(review);
    const decide = async (title: string, levels: Record<string, number>) => {
      await review.goto(`${baseUrl}/organizations/demo-university/reviews`);
      await review
        .getByRole('row')
        .filter({ hasText: title })
        .filter({ hasText: learnerName })
        .getByRole('link', { name: learnerName })
        .click();
      await expect.poll(() => review.url()).toMatch(/\/reviews\/[0-9a-f-]{36}$/);
      await audit(review);
      await scoreRubric(review, levels);
      await review.getByLabel('Feedback to the learner').fill('Well done: thorough and clear.');
      await review.getByLabel(/^Accept/).check();
      await review.getByRole('button', { name: 'Save decision' }).click();
      await expect(review.getByRole('status').textContent()).resolves.toContain('Decision saved.');
    };
    await decide(demoAssessments.project.title, {
      'Profiling before cleaning': 3,
      'Missing values, duplicates and types': 4,
      'Joining and reshaping': 3,
    });
    await audit(review);
    await decide(demoAssessments.peerReview.title, {
      'Reproducible steps': 3,
      'Explained decisions': 3,
    });
    await expect(review.locator('main').textContent()).resolves.toContain(
      'Combined from 2 reviews',
    );
    await assessor.close();

    // Mastery: the credential was issued at once; the dashboard and the mailbox say so.
    await page.goto(`${baseUrl}/learn`);
    await audit(page);
    const earned = page.getByRole('region', { name: 'Earned' });
    await expect(earned.getByRole('heading', { name: achievementName }).count()).resolves.toBe(1);
    await expect(
      page.getByRole('region', { name: 'Your milestones' }).textContent(),
    ).resolves.toMatch(/4 competencies mastered[\s\S]*1 credential earned/);
    await page.goto(`${baseUrl}/dev/mailbox`);
    await audit(page);
    await expect(
      page.getByRole('heading', { name: `You earned ${achievementName}` }).count(),
    ).resolves.toBe(1);

    // Its public page verifies it live.
    await page.goto(`${baseUrl}/learn`);
    await earned.getByRole('link', { name: 'View your credential' }).click();
    await expect.poll(() => page.url()).toMatch(/\/credentials\/[0-9a-f-]{36}$/);
    const credentialUrl = page.url();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      achievementName,
    );
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Verified');
    await audit(page);
    await learner.close();

    // And a verifier gets the signed credential and checks it.
    const signed = await (
      await fetch(credentialUrl, { headers: { accept: 'application/vc+ld+json' } })
    ).json();
    expect(signed.credentialSubject.result).toHaveLength(4);
    expect(JSON.stringify(signed.credentialSubject.achievement.alignment)).toContain(
      'http://data.europa.eu/esco/skill/50b100ea-74fd-4706-99db-3e4ca55e51b8',
    );
    expect(JSON.stringify(signed.evidence)).toContain('/submissions/');
    const verification = await fetch(`${baseUrl}/credentials/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ verifiableCredential: signed }),
    });
    const verdict = await verification.json();
    expect(verdict.verified, JSON.stringify(verdict)).toBe(true);
    expect(verification.status).toBe(200);

    const failing = reports.flatMap((r) => describeViolations(r, 'failing'));
    expect(failing, failing.join('\n')).toEqual([]);
  }, 240_000);
});
