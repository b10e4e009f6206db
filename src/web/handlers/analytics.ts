import type { Api } from '../../http/env.ts';
import { defaultRange, getIssuerAnalytics } from '../../services/issuer-analytics/analytics.ts';
import { analyticsPage } from '../pages/analytics.ts';
import { formFailure, render, signInFirst } from '../render.ts';

/** The issuer analytics page; a bad month range falls back to the default with the error shown. */
export function mountAnalyticsPages(app: Api) {
  app.get('/organizations/:slug/analytics', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const ctx = c.get('ctx');
    const slug = c.req.param('slug');
    const range = {
      ...(c.req.query('from') ? { from: c.req.query('from') } : {}),
      ...(c.req.query('to') ? { to: c.req.query('to') } : {}),
    };
    c.header('Cache-Control', 'private, no-store');
    try {
      const analytics = await getIssuerAnalytics(ctx, c.get('actor'), slug, range);
      return render(c, { title: 'Analytics', section: 'organizations' }, analyticsPage(analytics));
    } catch (error) {
      const failure = formFailure(error);
      if (failure.status !== 400) throw error;
      const analytics = await getIssuerAnalytics(
        ctx,
        c.get('actor'),
        slug,
        defaultRange(ctx.now()),
      );
      return render(
        c,
        { title: 'Analytics', section: 'organizations' },
        analyticsPage(analytics, { message: failure.message, errors: failure.errors }),
        400,
      );
    }
  });
}
