import { createRoute, z } from '@hono/zod-openapi';
import { exportFormats } from '../../../services/sharing/export-credential.ts';
import { getSharingOverview } from '../../../services/sharing/sharing-overview.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import { json, shareLinkSchema, walletIdParams } from './sharing-schemas.ts';

const sharingSchema = z
  .object({
    formats: z.array(z.enum(exportFormats)),
    publicPage: z.string().nullable().openapi({
      description:
        'Where anyone can verify it: its own page when issued here, else the newest active share link',
    }),
    shareLinks: z.array(shareLinkSchema),
    linkedIn: z
      .object({
        url: z.string().openapi({ description: 'LinkedIn "Add to profile" (certification) URL' }),
        fields: z.array(z.object({ label: z.string(), value: z.string() })).openapi({
          description: 'The same values, to copy by hand where LinkedIn does not fill them in',
        }),
      })
      .nullable(),
    snippet: z
      .string()
      .nullable()
      .openapi({ description: 'HTML to embed on a website: a link and the badge image' }),
  })
  .openapi('CredentialSharing');

const route = createRoute({
  method: 'get',
  path: '/api/v1/me/credentials/{id}/sharing',
  tags: ['Wallet sharing'],
  summary: 'How one of your credentials can be shared: export formats, links, LinkedIn, snippet',
  security: bearerSecurity,
  request: { params: walletIdParams },
  responses: {
    200: { description: 'The sharing options', content: json(sharingSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function mountGetSharing(app: Api) {
  app.openapi(route, async (c) => {
    const overview = await getSharingOverview(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').id,
    );
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        formats: overview.formats,
        publicPage: overview.publicPage ?? null,
        shareLinks: overview.shareLinks,
        linkedIn: overview.linkedIn ?? null,
        snippet: overview.snippet ?? null,
      },
      200,
    );
  });
}
