import { createRoute, z } from '@hono/zod-openapi';
import { submissionInputSchema } from '../../../domain/projects/assessment.ts';
import { attachmentDisposition } from '../../../domain/projects/files.ts';
import {
  accessSubmission,
  presentSubmission,
  readSubmissionFile,
  submitProject,
} from '../../../services/projects/index.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity } from '../../schemas.ts';
import { idParams, json, submissionSchema } from './project-schemas.ts';
import { storageOf } from './storage-of.ts';

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

const bodySchema = submissionInputSchema
  .extend({
    files: z
      .array(
        z.strictObject({
          name: z
            .string()
            .max(1000)
            .openapi({ description: 'Shown to reviewers only; never a path' }),
          contentBase64: z.string().regex(base64Pattern, { message: 'must be base64' }),
        }),
      )
      .max(20)
      .default([]),
  })
  .openapi('SubmissionInput', {
    description:
      'The web form at /assessments/{id}/submit takes the same as multipart/form-data. File types are sniffed from the bytes.',
    example: {
      text: 'My data story…',
      links: ['https://example.org/story'],
      shareAsEvidence: true,
      files: [{ name: 'story.txt', contentBase64: 'TXkgZGF0YSBzdG9yeQ==' }],
    },
  });

const submitRoute = createRoute({
  method: 'post',
  path: '/api/v1/project-assessments/{id}/submissions',
  tags: ['Projects'],
  summary: 'Submit work (text, links, files) to a project or peer-review assessment (learners)',
  security: bearerSecurity,
  request: {
    params: idParams('an assessment'),
    body: { required: true, content: json(bodySchema) },
  },
  responses: {
    201: { description: 'Submitted', content: json(submissionSchema) },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/submissions/{id}',
  tags: ['Projects'],
  summary: 'A submission: to its learner, assessors of the organization and its peer reviewers',
  security: bearerSecurity,
  request: { params: idParams('a submission') },
  responses: {
    200: { description: 'The submission', content: json(submissionSchema) },
    ...problemResponses(400, 401, 404),
  },
});

const fileRoute = createRoute({
  method: 'get',
  path: '/api/v1/submissions/{id}/files/{fileId}',
  tags: ['Projects'],
  summary: 'Download a submitted file (always as an attachment)',
  security: bearerSecurity,
  request: {
    params: idParams('a submission').extend({
      fileId: z.uuid({ message: 'must be a file id (UUID)' }),
    }),
  },
  responses: {
    200: {
      description: 'The file, with its sniffed type',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...problemResponses(400, 401, 404),
  },
});

export function mountSubmissionRoutes(app: Api) {
  app.openapi(submitRoute, async (c) => {
    const ctx = c.get('ctx');
    const { files, ...input } = c.req.valid('json');
    const row = await submitProject(
      ctx,
      storageOf(c),
      c.get('actor'),
      c.req.valid('param').id,
      input,
      files.map((file) => ({
        name: file.name,
        bytes: new Uint8Array(Buffer.from(file.contentBase64, 'base64')),
      })),
    );
    const view = await presentSubmission(ctx, await accessSubmission(ctx, c.get('actor'), row.id));
    return c.json(view, 201, { location: `/api/v1/submissions/${row.id}` });
  });
  app.openapi(getRoute, async (c) => {
    const ctx = c.get('ctx');
    const access = await accessSubmission(ctx, c.get('actor'), c.req.valid('param').id);
    c.header('Cache-Control', 'private, no-store');
    return c.json(await presentSubmission(ctx, access), 200);
  });
  app.openapi(fileRoute, async (c) => {
    const { id, fileId } = c.req.valid('param');
    const file = await readSubmissionFile(c.get('ctx'), storageOf(c), c.get('actor'), id, fileId);
    // Never rendered by the browser: attachment, the sniffed type, no sniffing, no scripts.
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': file.contentType,
      'content-disposition': attachmentDisposition(file.fileName),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
    }) as never;
  });
}
