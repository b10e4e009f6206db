import { createRoute, z } from '@hono/zod-openapi';
import { importCredential } from '../../../services/wallet/import-credential.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import { requireAccount, walletCredentialSchema } from './wallet-schemas.ts';

const bodySchema = z
  .union(
    [
      z.strictObject({
        text: z.string().min(1).openapi({
          description:
            'Pasted credential: OB 3.0 JSON, a VC-JWT, CLR 2.0, an OB 2.0 assertion or an SVG badge',
        }),
      }),
      z.strictObject({
        url: z.url({ protocol: /^https$/, message: 'must be an https URL' }).openapi({
          description: 'Where the credential or badge image is published (fetched SSRF-safe)',
        }),
      }),
      z.strictObject({
        file: z.strictObject({
          name: z.string().min(1).max(255),
          contentBase64: z.base64({ message: 'must be base64' }).min(1),
        }),
      }),
    ],
    {
      message: 'must be { "text": ... }, { "url": ... } or { "file": { "name", "contentBase64" } }',
    },
  )
  .openapi('ImportCredential', { example: { url: 'https://badges.example.org/credentials/42' } });

const route = createRoute({
  method: 'post',
  path: '/api/v1/me/credentials/import',
  tags: ['Wallet'],
  summary: 'Import a credential into your wallet: verified first, then kept with its result',
  description:
    'Accepts Open Badges 3.0 credentials (JSON with Data Integrity proofs, VC-JWT), baked PNG (`iTXt` `openbadgecredential`) and SVG (`openbadges:credential`) badges, CLR 2.0 credentials, and Open Badges 2.0 assertions (hosted and signed). A credential that does not verify is still imported, with its status (`invalid`, `revoked`, `expired`…), never `valid`. Input that is not a credential, crafted images and unsafe URLs (private, loopback, link-local addresses) are refused with 400.',
  security: bearerSecurity,
  request: { body: { required: true, content: { 'application/json': { schema: bodySchema } } } },
  responses: {
    201: {
      description: 'Imported (or already in the wallet): the entry with its verification',
      content: {
        'application/json': {
          schema: walletCredentialSchema
            .extend({
              verified: z.boolean().openapi({ description: 'True iff no check failed' }),
              achievements: z
                .array(
                  z.object({
                    id: z.string().nullable(),
                    name: z.string(),
                    description: z.string().nullable(),
                    verified: z.boolean().nullable(),
                  }),
                )
                .optional()
                .openapi({ description: 'For a CLR: the achievements it records' }),
            })
            .openapi('ImportedCredential'),
        },
      },
    },
    ...problemResponses(400, 401, 413, 415),
  },
});

export function mountImportCredential(app: Api) {
  app.openapi(route, async (c) => {
    const ctx = c.get('ctx');
    const actor = requireAccount(c.get('actor'), 'import into your wallet');
    const body = c.req.valid('json');
    const source =
      'file' in body
        ? {
            file: new Uint8Array(Buffer.from(body.file.contentBase64, 'base64')),
            fileName: body.file.name,
          }
        : body;
    const { entry, achievements } = await importCredential(
      ctx,
      ctx.verifyCredential,
      actor.accountId,
      source,
    );
    c.header('Location', `/api/v1/me/credentials/${entry.id}`);
    c.header('Cache-Control', 'no-store');
    const verified = entry.verification.every((check) => check.outcome !== 'failed');
    return c.json({ ...entry, verified, ...(achievements ? { achievements } : {}) }, 201);
  });
}
