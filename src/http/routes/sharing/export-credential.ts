import { createRoute, z } from '@hono/zod-openapi';
import { exportCredential, exportFormats } from '../../../services/sharing/export-credential.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import { walletIdParams } from './sharing-schemas.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/me/credentials/{id}/export',
  tags: ['Wallet sharing'],
  summary:
    'Download one of your credentials: signed JSON, VC-JWT, baked PNG/SVG badge, or PDF certificate',
  description:
    '`json` is the credential exactly as signed (Data Integrity), `jwt` the VC-JWT when it was issued as one; `png` and `svg` are badge images with the credential baked in (OB 3.0 §5.3); `pdf` is a printable certificate whose QR code opens the public verification page (for a credential from elsewhere, printing it creates a share link).',
  security: bearerSecurity,
  request: {
    params: walletIdParams,
    query: z.object({
      format: z.enum(exportFormats, { message: `must be one of: ${exportFormats.join(', ')}` }),
    }),
  },
  responses: {
    200: {
      description: 'The file, as an attachment',
      content: {
        'application/vc+ld+json': { schema: z.string() },
        'application/vc+jwt': { schema: z.string() },
        'image/png': { schema: z.string().openapi({ format: 'binary' }) },
        'image/svg+xml': { schema: z.string() },
        'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function mountExportCredential(app: Api) {
  app.openapi(route, async (c) => {
    const file = await exportCredential(
      c.get('ctx'),
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('query').format,
    );
    const body = typeof file.body === 'string' ? file.body : new Uint8Array(file.body);
    return c.body(body as never, 200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'no-store',
    }) as never;
  });
}
