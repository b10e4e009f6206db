import { createRoute, z } from '@hono/zod-openapi';
import { getLearnerProgress } from '../../../services/learning/progress.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import { json } from './learning-schemas.ts';

const progressSchema = z
  .object({
    achievements: z.array(z.record(z.string(), z.unknown())),
    streakDays: z.number().int(),
    milestones: z.object({
      evidence: z.number().int(),
      competenciesMastered: z.number().int(),
      credentialsEarned: z.number().int(),
    }),
  })
  .openapi('LearnerProgress', {
    description:
      "Per achievement that can be earned here: each competency's mastery state (not-started, in-progress, mastered), the evidence behind it, what remains and the next assessment to take.",
  });

const route = createRoute({
  method: 'get',
  path: '/api/v1/me/progress',
  tags: ['Learning'],
  summary: 'Your progress toward each credential, per competency, with the next step',
  security: bearerSecurity,
  responses: {
    200: { description: 'Your progress', content: json(progressSchema) },
    ...problemResponses(401, 403),
  },
});

export function mountProgressRoutes(app: Api) {
  app.openapi(route, async (c) => {
    const progress = await getLearnerProgress(c.get('ctx'), c.get('actor'));
    c.header('Cache-Control', 'no-store');
    return c.json(progress as never, 200);
  });
}
