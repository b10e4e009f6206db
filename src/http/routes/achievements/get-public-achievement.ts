import { MICRO_CREDENTIAL_CONTEXT } from '../../../credentials/index.ts';
import { requireAchievement } from '../../../services/achievements.ts';
import { endorsedAchievementDocument } from '../../../services/endorsements/list.ts';
import type { Api } from '../../env.ts';

/** The URLs that signed credentials point at: each achievement's `id`, and our JSON-LD context. */
export function mountPublicAchievementDocuments(app: Api) {
  app.get('/achievements/:id', async (c) => {
    const ctx = c.get('ctx');
    const document = await endorsedAchievementDocument(
      ctx,
      await requireAchievement(ctx, c.req.param('id')),
    );
    return c.body(JSON.stringify(document), 200, {
      'content-type': 'application/ld+json',
      'access-control-allow-origin': '*',
    });
  });
  app.get('/contexts/micro-credential/v1', (c) =>
    c.body(JSON.stringify(MICRO_CREDENTIAL_CONTEXT), 200, {
      'content-type': 'application/ld+json',
      'cache-control': 'public, max-age=86400, immutable',
      'access-control-allow-origin': '*',
    }),
  );
}
