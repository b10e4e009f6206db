import { z } from '@hono/zod-openapi';
import { organizationKinds, passwordRules, slugPattern } from '../domain/accounts.ts';
import { organizationRoles } from '../domain/policy.ts';

/** Request and response shapes shared by several routes; one route's own shapes live in its file. */

export const emailSchema = z
  .email({ message: 'must be an email address like name@example.org' })
  .max(254);

export const passwordSchema = z
  .string()
  .min(passwordRules.minLength, {
    message: `must be at least ${passwordRules.minLength} characters`,
  })
  .max(passwordRules.maxLength, {
    message: `must be at most ${passwordRules.maxLength} characters`,
  });

export const slugSchema = z.string().regex(slugPattern, {
  message:
    'must be 1-63 lowercase letters, digits or hyphens, not starting or ending with a hyphen',
});

export const roleSchema = z.enum(organizationRoles, {
  message: `must be one of: ${organizationRoles.join(', ')}`,
});

export const organizationKindSchema = z.enum(organizationKinds, {
  message: `must be one of: ${organizationKinds.join(', ')}`,
});

export const accountSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    isAdmin: z.boolean(),
    emails: z.array(z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() })),
    organizations: z.array(z.object({ slug: z.string(), name: z.string(), role: z.string() })),
    createdAt: z.iso.datetime(),
  })
  .openapi('Account');

export const organizationSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    kind: z.string(),
    url: z.string().nullable(),
    email: z.string().nullable(),
    description: z.string().nullable(),
    imageUrl: z.string().nullable(),
    country: z.string().nullable(),
    officialIdentifiers: z.array(z.object({ identifierType: z.string(), identifier: z.string() })),
    createdAt: z.iso.datetime(),
  })
  .openapi('Organization');

export const organizationFieldsSchema = z.strictObject({
  name: z.string().trim().min(2).max(200),
  kind: organizationKindSchema,
  url: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .nullable()
    .optional(),
  email: emailSchema.nullable().optional(),
  description: z.string().max(2000).nullable().optional(),
  imageUrl: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .nullable()
    .optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, { message: 'must be a two-letter ISO 3166-1 code such as DE' })
    .transform((code) => code.toUpperCase())
    .nullable()
    .optional(),
  officialIdentifiers: z
    .array(
      z.strictObject({
        identifierType: z.string().regex(/^(ext:[\w-]+|[a-zA-Z]+)$/, {
          message: 'must be an OB3 IdentifierTypeEnum value or start with ext:',
        }),
        identifier: z.string().trim().min(1).max(200),
      }),
    )
    .max(20)
    .optional(),
});

export const slugParamSchema = z.object({
  slug: z.string().openapi({ param: { name: 'slug', in: 'path' }, example: 'demo-university' }),
});

export const bearerSecurity: Array<Record<string, string[]>> = [
  { bearerAuth: [] },
  { sessionCookie: [] },
];
