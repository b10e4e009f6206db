import { z } from '@hono/zod-openapi';

const text = (max: number) => z.string().trim().min(1).max(max);

export const talentConsentInput = z
  .strictObject({
    optedIn: z.boolean(),
    showName: z.boolean().default(false),
    headline: text(200).nullable().default(null),
    location: text(120).nullable().default(null),
    showHeadline: z.boolean().default(false),
    contactEmail: z
      .email({ message: 'must be an email address' })
      .max(254)
      .nullable()
      .default(null),
    showEmail: z.boolean().default(false),
    hiddenIssuers: z.array(text(500)).max(200).default([]),
    hiddenCredentials: z
      .array(z.uuid({ message: 'must be a wallet credential id' }))
      .max(1000)
      .default([]),
  })
  .openapi('TalentConsentInput');

export const talentProfileSchema = z
  .object({
    optedIn: z.boolean(),
    showName: z.boolean(),
    headline: z.string().nullable(),
    location: z.string().nullable(),
    showHeadline: z.boolean(),
    contactEmail: z.string().nullable(),
    showEmail: z.boolean(),
    hiddenIssuers: z.array(z.string()),
    hiddenCredentials: z.array(z.string()),
    optedInAt: z.iso.datetime().nullable(),
    withdrawnAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .openapi('TalentProfile');

export const profileViewSchema = z
  .object({
    organization: z.object({ slug: z.string(), name: z.string() }),
    kind: z.enum(['search', 'profile']),
    viewedAt: z.iso.datetime(),
  })
  .openapi('TalentProfileView');

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date like 2025-06-30' })
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be a real date' });

export const talentSearchInput = z
  .strictObject({
    jobProfileId: z.uuid({ message: 'must be a job profile id (UUID)' }).optional(),
    skills: z.array(text(500)).max(50).optional(),
    achievements: z.array(text(200)).max(20).optional(),
    issuers: z.array(text(500)).max(20).optional(),
    issuedSince: day.optional(),
    limit: z.number().int().min(1).max(50).optional(),
  })
  .openapi('TalentSearchInput');

const evidenceSchema = z.object({
  achievementName: z.string().nullable(),
  issuerId: z.string().nullable(),
  issuerName: z.string().nullable(),
  issuedOn: z.string().nullable(),
});
const wantedSchema = z.object({
  uri: z.string(),
  label: z.string(),
  importance: z.enum(['required', 'nice-to-have']),
});
const identity = {
  candidateId: z.uuid(),
  name: z.string().nullable(),
  headline: z.string().nullable(),
  location: z.string().nullable(),
  contactEmail: z.string().nullable(),
};
const tally = z.object({ covered: z.number().int(), total: z.number().int() });

export const talentSearchResultSchema = z
  .object({
    jobProfile: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    criteria: z.array(wantedSchema),
    candidates: z.array(
      z.object({
        ...identity,
        required: tally,
        niceToHave: tally,
        matches: z.array(wantedSchema.extend({ evidence: z.array(evidenceSchema) })),
        missing: z.array(wantedSchema),
        latestEvidenceOn: z.string().nullable(),
        explanation: z.string(),
      }),
    ),
  })
  .openapi('TalentSearchResult');

export const candidateProfileSchema = z
  .object({
    ...identity,
    skills: z.array(
      z.object({ uri: z.string(), label: z.string(), evidence: z.array(evidenceSchema) }),
    ),
  })
  .openapi('CandidateProfile');

export const candidateParams = z.object({
  slug: z.string(),
  candidateId: z.uuid({ message: 'must be a candidate id (UUID)' }),
});
