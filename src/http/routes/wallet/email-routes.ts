import { createRoute, z } from '@hono/zod-openapi';
import {
  addEmail,
  listEmails,
  removeEmail,
  resendEmailVerification,
  setPrimaryEmail,
  verifyEmail,
} from '../../../services/wallet/emails.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { bearerSecurity, emailSchema } from '../../schemas.ts';
import { emailViewSchema, requireAccount } from './wallet-schemas.ts';

const tags = ['Account addresses'];
const emailParams = z.object({ email: emailSchema });
const emailsResponse = {
  description: 'The account’s addresses',
  content: { 'application/json': { schema: z.object({ emails: z.array(emailViewSchema) }) } },
};

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/me/emails',
  tags,
  summary: 'The signed-in account’s email addresses',
  security: bearerSecurity,
  responses: { 200: emailsResponse, ...problemResponses(401) },
});

const addRoute = createRoute({
  method: 'post',
  path: '/api/v1/me/emails',
  tags,
  summary: 'Add an address; a single-use verification link (valid 24 hours) is mailed to it',
  security: bearerSecurity,
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.strictObject({ email: emailSchema }) } },
    },
  },
  responses: {
    202: {
      description: 'Added, unverified; the link is on its way',
      content: { 'application/json': { schema: emailViewSchema } },
    },
    ...problemResponses(400, 401, 409, 415, 429),
  },
});

const verifyRoute = createRoute({
  method: 'post',
  path: '/api/v1/me/emails/verify',
  tags,
  summary: 'Verify an address with the token from its link; credentials issued to it are claimed',
  security: bearerSecurity,
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: z.strictObject({ token: z.string().min(1).max(200) }) },
      },
    },
  },
  responses: {
    200: {
      description: 'Verified',
      content: {
        'application/json': {
          schema: z.object({ email: z.string(), claimed: z.number().int() }),
        },
      },
    },
    ...problemResponses(400, 401, 404, 415),
  },
});

const resendRoute = createRoute({
  method: 'post',
  path: '/api/v1/me/emails/{email}/verification',
  tags,
  summary: 'Send a new verification link to an unverified address (the sign-up address too)',
  security: bearerSecurity,
  request: { params: emailParams },
  responses: { 202: { description: 'Sent' }, ...problemResponses(400, 401, 404, 409, 429) },
});

const primaryRoute = createRoute({
  method: 'post',
  path: '/api/v1/me/emails/{email}/primary',
  tags,
  summary: 'Make a verified address the primary one',
  security: bearerSecurity,
  request: { params: emailParams },
  responses: { 200: emailsResponse, ...problemResponses(400, 401, 404) },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/api/v1/me/emails/{email}',
  tags,
  summary: 'Remove a non-primary address (credentials already in the wallet stay)',
  security: bearerSecurity,
  request: { params: emailParams },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 404, 409) },
});

export function mountEmailRoutes(app: Api) {
  app.openapi(listRoute, async (c) => {
    const actor = requireAccount(c.get('actor'), 'see your addresses');
    return c.json({ emails: await listEmails(c.get('ctx'), actor) }, 200);
  });
  app.openapi(addRoute, async (c) => {
    const actor = requireAccount(c.get('actor'), 'add an address');
    return c.json(await addEmail(c.get('ctx'), actor, c.req.valid('json').email), 202);
  });
  app.openapi(verifyRoute, async (c) => {
    const actor = requireAccount(c.get('actor'), 'verify an address');
    return c.json(await verifyEmail(c.get('ctx'), actor, c.req.valid('json').token), 200);
  });
  app.openapi(resendRoute, async (c) => {
    const actor = requireAccount(c.get('actor'), 'verify an address');
    await resendEmailVerification(c.get('ctx'), actor, c.req.valid('param').email);
    return c.body(null, 202);
  });
  app.openapi(primaryRoute, async (c) => {
    const ctx = c.get('ctx');
    const actor = requireAccount(c.get('actor'), 'change your addresses');
    await setPrimaryEmail(ctx, actor, c.req.valid('param').email);
    return c.json({ emails: await listEmails(ctx, actor) }, 200);
  });
  app.openapi(removeRoute, async (c) => {
    const actor = requireAccount(c.get('actor'), 'change your addresses');
    await removeEmail(c.get('ctx'), actor, c.req.valid('param').email);
    return c.body(null, 204);
  });
}
