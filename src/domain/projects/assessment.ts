/**
 * Project and peer-review assessments: what an issuer sets (limits, allowed file types, how many
 * peers review each submission). Stored in `assessments.settings`.
 */
import { z } from 'zod';
import { uploadableMediaTypes } from './files.ts';

export const projectKinds = ['project', 'peer-review'] as const;
export type ProjectKind = (typeof projectKinds)[number];

export const projectSettingsSchema = z.strictObject({
  /** Largest file accepted, in bytes. */
  maxFileBytes: z
    .number()
    .int()
    .min(1)
    .max(100 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  maxFiles: z.number().int().min(0).max(20).default(5),
  allowedTypes: z
    .array(
      z.enum(uploadableMediaTypes, {
        message: `must be one of: ${uploadableMediaTypes.join(', ')}`,
      }),
    )
    .max(uploadableMediaTypes.length)
    .default(['application/pdf', 'text/plain']),
  maxLinks: z.number().int().min(0).max(20).default(5),
  /** Peer-review assessments: how many peers review each submission. */
  peers: z.number().int().min(1).max(10).default(3),
  /** Containment at or above which two submissions are flagged as similar. */
  similarityThreshold: z.number().min(0.05).max(1).default(0.3),
});

export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

export const projectAssessmentInputSchema = z.strictObject({
  kind: z.enum(projectKinds, { message: "must be 'project' or 'peer-review'" }),
  title: z.string().trim().min(1).max(200),
  instructions: z.string().trim().min(1).max(20_000),
  rubricId: z.uuid({ message: 'must be a rubric id (UUID)' }),
  settings: projectSettingsSchema.default(() => projectSettingsSchema.parse({})),
});

export type ProjectAssessmentInput = z.infer<typeof projectAssessmentInputSchema>;

/** What a learner sends: text, links; files travel beside it. */
export const submissionInputSchema = z.strictObject({
  text: z.string().max(100_000).default(''),
  links: z
    .array(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000))
    .max(20)
    .default([]),
  shareAsEvidence: z.boolean().default(false),
});

export type SubmissionInput = z.infer<typeof submissionInputSchema>;

/** Reads stored settings (filled with today's defaults for anything older rows lack). */
export function projectSettingsOf(stored: unknown): ProjectSettings {
  return projectSettingsSchema.parse({ ...(stored as object) });
}
