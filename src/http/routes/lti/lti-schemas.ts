import { z } from '@hono/zod-openapi';
import { slugParamSchema } from '../../schemas.ts';

const url = z.string().trim().max(2000);

export const newLtiPlatformSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    issuer: url,
    clientId: z.string().trim().min(1).max(255),
    deploymentIds: z.array(z.string().trim().min(1).max(255)).min(1, {
      message: 'list at least one deployment id',
    }),
    authLoginUrl: url,
    tokenUrl: url,
    jwksUrl: url,
  })
  .openapi('NewLtiPlatform', {
    example: {
      name: 'University Moodle',
      issuer: 'https://moodle.example.edu',
      clientId: 'Xy12AbCdEf34',
      deploymentIds: ['1'],
      authLoginUrl: 'https://moodle.example.edu/mod/lti/auth.php',
      tokenUrl: 'https://moodle.example.edu/mod/lti/token.php',
      jwksUrl: 'https://moodle.example.edu/mod/lti/certs.php',
    },
  });

export const ltiPlatformSchema = newLtiPlatformSchema
  .extend({ id: z.uuid(), createdAt: z.iso.datetime() })
  .openapi('LtiPlatform');

export const ltiToolConfigurationSchema = z
  .object({
    loginInitiationUrl: z.string(),
    redirectUri: z.string(),
    targetLinkUri: z.string(),
    deepLinkingUrl: z.string(),
    jwksUrl: z.string(),
  })
  .openapi('LtiToolConfiguration', {
    description: 'What to enter in the LMS when adding Skillmark as an LTI 1.3 tool',
    example: {
      loginInitiationUrl: 'https://skillmark.example.org/lti/login',
      redirectUri: 'https://skillmark.example.org/lti/launch',
      targetLinkUri: 'https://skillmark.example.org/lti/launch',
      deepLinkingUrl: 'https://skillmark.example.org/lti/launch',
      jwksUrl: 'https://skillmark.example.org/lti/jwks',
    },
  });

export const ltiResourceLinkSchema = z
  .object({
    id: z.uuid(),
    resourceLinkId: z.string(),
    achievementId: z.uuid(),
    scoreThreshold: z.number(),
    lineItemUrl: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .openapi('LtiResourceLink', {
    example: {
      id: '8d0f3c52-1b7e-4f4e-9d0b-6c7e0b1d2a3f',
      resourceLinkId: '42',
      achievementId: '0e6d7c55-8a1e-4a0c-9b0e-3b2f4d5c6a7b',
      scoreThreshold: 0.8,
      lineItemUrl: 'https://moodle.example.edu/mod/lti/services.php/2/lineitems/7/lineitem',
      createdAt: '2026-06-01T08:00:00.000Z',
    },
  });

export const platformParamSchema = slugParamSchema.extend({
  platformId: z.uuid({ message: 'must be an LMS platform id (UUID)' }),
});
