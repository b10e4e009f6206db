/// <reference lib="dom" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ltiClaims } from '../../src/domain/lti/claims.ts';
import { fullAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { checkAccessibility, describeViolations } from '../helpers/axe.ts';
import { hasChromium, openBrowserOn } from '../helpers/browser.ts';
import { createOrganizationOwnedBy, createToken, signUpPerson } from '../helpers/factories.ts';
import { createLtiPlatform, instructorRole, type LtiPlatform } from '../helpers/lti-platform.ts';

/**
 * The LMS's side in a real browser: a course page frames Skillmark, posts the signed launch into
 * the frame, and receives the deep linking response posted back from inside the frame. Only a
 * browser enforces the pages' frame-ancestors and form-action policies, so only this test shows
 * the round trip works inside an LMS.
 */
describe.skipIf(!hasChromium)('LTI deep linking inside an LMS frame', () => {
  let t: TestApp;
  let lms: LtiPlatform;
  let lmsServer: Server;
  let lmsOrigin: string;
  let browser: Browser;
  let baseUrl: string;
  let closeBrowser: (() => Promise<void>) | undefined;
  let coursePage = '';
  const returned: string[] = [];

  beforeAll(async () => {
    lmsServer = createServer((request, response) => {
      if (request.method === 'GET' && request.url === '/course') {
        response.setHeader('content-type', 'text/html; charset=utf-8');
        response.end(coursePage);
        return;
      }
      if (request.method !== 'POST' || request.url !== '/deep_linking_return') {
        response.statusCode = 404;
        response.end();
        return;
      }
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        returned.push(new URLSearchParams(Buffer.concat(chunks).toString()).get('JWT') ?? '');
        response.setHeader('content-type', 'text/html; charset=utf-8');
        response.end('<!doctype html><title>Back in the course</title><p>Item added.</p>');
      });
    });
    await new Promise<void>((resolve) => lmsServer.listen(0, '127.0.0.1', resolve));
    lmsOrigin = `http://127.0.0.1:${(lmsServer.address() as AddressInfo).port}`;
    lms = await createLtiPlatform(lmsOrigin);
    t = await createTestApp({ outboundHttp: lms.outboundHttp });
    lms.attach(t);
    ({ baseUrl, browser, close: closeBrowser } = await openBrowserOn(t));
  });

  afterAll(async () => {
    await closeBrowser?.();
    await t?.close();
    await new Promise<void>((resolve) => lmsServer?.close(() => resolve()));
  });

  it('an instructor picks an achievement and the signed response reaches the LMS', async () => {
    const owner = await signUpPerson(t, 'Frame Owner');
    const { slug } = await createOrganizationOwnedBy(t, owner);
    const token = (await createToken(t, owner, slug, 'owner')).secret;
    const achievement = await t.request('POST', `/api/v1/organizations/${slug}/achievements`, {
      token,
      json: fullAchievementDefinition(),
    });
    const achievementId = achievement.json.id.split('/').at(-1);
    const registered = await t.request('POST', `/api/v1/organizations/${slug}/lti/platforms`, {
      token,
      json: lms.registration,
    });
    expect(registered.status, registered.text).toBe(201);

    const { state, nonce } = await lms.login(t, 'teacher-1');
    const idToken = await lms.idToken(nonce, {
      sub: 'teacher-1',
      messageType: 'LtiDeepLinkingRequest',
      roles: [instructorRole],
    });
    coursePage = `<!doctype html><title>Course</title>
<iframe name="tool" title="Skillmark" width="900" height="700"></iframe>
<form id="launch" method="post" target="tool" action="${baseUrl}/lti/launch">
<input type="hidden" name="id_token" value="${idToken}"><input type="hidden" name="state" value="${state}">
</form><script>document.getElementById('launch').submit();</script>`;

    const page = await browser.newPage();
    await page.goto(`${lmsOrigin}/course`);
    const frame = () => page.frame({ name: 'tool' })!;
    await expect
      .poll(async () =>
        frame()
          ?.locator('h1')
          .textContent()
          .catch(() => ''),
      )
      .toBe('Place a Skillmark achievement in this course');
    await frame().getByLabel('Passing score (percent of the maximum)').fill('70');
    await frame().getByRole('button', { name: 'Add to course' }).click();
    await expect.poll(() => returned.length, { timeout: 10_000 }).toBe(1);

    const { payload } = await lms.receiveDeepLinkingResponse(returned[0]!);
    const [item] = payload[ltiClaims.deepLinkingContentItems] as Array<{
      custom: Record<string, string>;
    }>;
    expect(item!.custom).toEqual({
      skillmark_achievement: achievementId,
      skillmark_threshold: '0.7',
    });
    await expect.poll(() => frame()?.locator('p').textContent()).toBe('Item added.');
    await page.close();

    // The owner's integration pages pass axe (WCAG 2 A/AA), with a webhook and a platform listed.
    await t.request('POST', `/api/v1/organizations/${slug}/webhooks`, {
      token,
      json: { url: 'https://hooks.example.com/in', eventTypes: ['credential.issued'] },
    });
    const context = await browser.newContext({ bypassCSP: true });
    const [name, value] = owner.cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: baseUrl }]);
    const ownerPage = await context.newPage();
    const failing: string[] = [];
    for (const path of [`/organizations/${slug}/webhooks`, `/organizations/${slug}/lti`]) {
      await ownerPage.goto(`${baseUrl}${path}`);
      expect(await ownerPage.locator('h1').textContent()).toMatch(/^(Webhooks|LMS connections)/);
      failing.push(...describeViolations(await checkAccessibility(ownerPage), 'failing'));
    }
    expect(failing).toEqual([]);
    await context.close();
  });
});
