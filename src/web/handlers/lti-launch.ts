import type { Context } from 'hono';
import { z } from 'zod';
import { SkillmarkError } from '../../domain/errors.ts';
import { LtiLaunchError } from '../../domain/lti/claims.ts';
import type { Api } from '../../http/env.ts';
import { achievementsToPlace, respondToDeepLinking } from '../../services/lti/deep-linking.ts';
import { handleLtiLaunch } from '../../services/lti/launch.ts';
import { linkLaunchToAccount, liveLaunch } from '../../services/lti/linking.ts';
import { initiateLtiLogin } from '../../services/lti/login.ts';
import { findPlatformOfLaunch } from '../../services/lti/platform-of-launch.ts';
import {
  ltiLinkPage,
  ltiPickPage,
  ltiRefusedPage,
  ltiResourcePage,
  ltiReturnPage,
} from '../pages/lti-launch.ts';
import {
  csrfTokenOf,
  fieldErrorsOf,
  formExpired,
  formFailure,
  formIsTrusted,
  readForm,
  render,
  signInFirst,
  type WebContext,
} from '../render.ts';

/**
 * An LMS shows these pages in a frame and the deep linking answer posts back to it, so their
 * policy names the platform's origins where the site-wide one says 'none' and 'self'.
 */
function allowPlatform(
  c: Context,
  platform: { issuer: string; authLoginUrl: string },
  postsTo?: string,
) {
  const origins = [
    ...new Set([platform.issuer, platform.authLoginUrl].map((url) => new URL(url).origin)),
  ];
  c.header(
    'content-security-policy',
    [
      "default-src 'self'",
      "img-src 'self' data:",
      "style-src 'self' 'unsafe-inline'",
      "script-src 'self'",
      "object-src 'none'",
      `frame-ancestors 'self' ${origins.join(' ')}`,
      `form-action 'self'${postsTo ? ` ${new URL(postsTo).origin}` : ''}`,
      "base-uri 'self'",
    ].join('; '),
  );
}

function refused(c: WebContext, error: unknown) {
  if (error instanceof LtiLaunchError) {
    c.get('ctx').logger.warn({ reason: error.message }, 'LTI launch refused');
    return render(c, { title: 'Launch refused' }, ltiRefusedPage(error.message), error.status);
  }
  if (error instanceof SkillmarkError && error.code !== 'internal') {
    const failure = formFailure(error);
    return render(
      c,
      { title: 'Launch refused' },
      ltiRefusedPage(failure.message),
      error.code === 'not_found' ? 404 : failure.status,
    );
  }
  throw error;
}

const pickForm = z.object({
  launch: z.string().min(1),
  achievementId: z.string().min(1, { message: 'must be chosen' }),
  thresholdPercent: z.coerce
    .number({ message: 'must be a number' })
    .min(0, { message: 'must be at least 0' })
    .max(100, { message: 'must be at most 100' }),
});

const autopostScript = `document.getElementById('lti-autopost')?.submit();\n`;

async function login(c: WebContext) {
  const params = c.req.method === 'POST' ? await readForm(c) : c.req.query();
  try {
    return c.redirect(await initiateLtiLogin(c.get('ctx'), params), 302);
  } catch (error) {
    return refused(c, error);
  }
}

export function mountLtiLaunchPages(app: Api) {
  app.get('/lti/login', login);
  app.post('/lti/login', login);

  app.post('/lti/launch', async (c) => {
    const ctx = c.get('ctx');
    try {
      const outcome = await handleLtiLaunch(ctx, await readForm(c));
      allowPlatform(c, outcome.platform);
      if (outcome.launch.messageType === 'LtiDeepLinkingRequest') {
        const achievements = await achievementsToPlace(ctx, outcome.launchId);
        return render(
          c,
          { title: 'Place an achievement' },
          ltiPickPage(outcome.launchId, outcome.platform.name, achievements),
        );
      }
      return render(
        c,
        { title: outcome.placement?.achievementName ?? 'Skillmark' },
        ltiResourcePage({
          platformName: outcome.platform.name,
          lmsName: outcome.launch.name,
          linked: outcome.accountId !== null,
          launchId: outcome.launchId,
          placement: outcome.placement,
          publicUrl: ctx.publicUrl,
        }),
      );
    } catch (error) {
      return refused(c, error);
    }
  });

  app.post('/lti/deep-linking', async (c) => {
    const ctx = c.get('ctx');
    const form = await readForm(c);
    try {
      // The launch id (256 random bits, one hour) is the capability: the LMS frame has no
      // Skillmark session to carry a CSRF token.
      const platform = await findPlatformOfLaunch(ctx, form.launch ?? '');
      allowPlatform(c, platform);
      const parsed = pickForm.safeParse(form);
      if (!parsed.success) {
        const achievements = await achievementsToPlace(ctx, form.launch ?? '');
        return render(
          c,
          { title: 'Place an achievement' },
          ltiPickPage(form.launch ?? '', platform.name, achievements, {
            values: form,
            errors: fieldErrorsOf(parsed.error),
          }),
          400,
        );
      }
      const response = await respondToDeepLinking(ctx, parsed.data.launch, parsed.data);
      allowPlatform(c, platform, response.returnUrl);
      return render(
        c,
        { title: 'Returning to the course' },
        ltiReturnPage(response.returnUrl, response.jwt, response.achievementName),
      );
    } catch (error) {
      return refused(c, error);
    }
  });

  app.get('/lti/autopost.js', (c) =>
    c.body(autopostScript, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    }),
  );

  app.get('/lti/link/:launchId', async (c) => {
    const ctx = c.get('ctx');
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    try {
      const launch = await liveLaunch(ctx, c.req.param('launchId'));
      const platform = await findPlatformOfLaunch(ctx, launch.id);
      const claims = launch.claims as { name?: string | null };
      return render(
        c,
        { title: 'Link your course account' },
        ltiLinkPage(launch.id, platform.name, claims.name ?? null, csrfTokenOf(c)),
      );
    } catch (error) {
      return refused(c, error);
    }
  });

  app.post('/lti/link/:launchId', async (c) => {
    const ctx = c.get('ctx');
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    try {
      const launchId = c.req.param('launchId');
      const platform = await findPlatformOfLaunch(ctx, launchId);
      await linkLaunchToAccount(ctx, c.get('actor'), launchId);
      return render(
        c,
        { title: 'Accounts linked' },
        ltiLinkPage(
          launchId,
          platform.name,
          null,
          undefined,
          `Your ${platform.name} account is now linked to this Skillmark account.`,
        ),
      );
    } catch (error) {
      return refused(c, error);
    }
  });
}
