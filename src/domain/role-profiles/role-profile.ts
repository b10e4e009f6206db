/**
 * Role profiles: the skill profile of a job (an employer's job profile) or of a learner's own goal.
 * Started from an ESCO occupation (essential → required, optional → nice-to-have) or from scratch.
 */
import { z } from 'zod';

export const importances = ['required', 'nice-to-have'] as const;
export type Importance = (typeof importances)[number];

const skillInput = z
  .strictObject({
    competencyId: z.uuid({ error: 'competencyId must be a competency UUID' }).optional(),
    uri: z
      .url({ error: 'uri must be the full URI of a competency (e.g. an ESCO skill)' })
      .optional(),
    importance: z.enum(importances, { error: 'importance must be "required" or "nice-to-have"' }),
    minLevel: z.string().trim().min(1).max(100).nullable().optional(),
  })
  .refine((s) => (s.competencyId === undefined) !== (s.uri === undefined), {
    error: 'give exactly one of competencyId or uri',
    path: ['competencyId'],
  });
export type RoleProfileSkillInput = z.infer<typeof skillInput>;

const title = z.string().trim().min(1, 'title must not be empty').max(200);
const description = z.string().trim().max(5000).nullable().optional();
const skills = z.array(skillInput).max(500, 'a role profile lists at most 500 skills');

export const roleProfileInputSchema = z.strictObject({
  title,
  description,
  fromOccupationId: z.uuid({ error: 'fromOccupationId must be an occupation UUID' }).optional(),
  skills: skills.optional(),
});
export type RoleProfileInput = z.infer<typeof roleProfileInputSchema>;

export const roleProfilePatchSchema = z.strictObject({
  title: title.optional(),
  description,
  /** Replaces the whole skill list when given. */
  skills: skills.optional(),
});
export type RoleProfilePatch = z.infer<typeof roleProfilePatchSchema>;

/** ESCO's relation of a skill to an occupation, as a role profile's importance. */
export function importanceOfEscoRelation(relation: string): Importance {
  return relation === 'essential' ? 'required' : 'nice-to-have';
}

export type ResolvedSkill = {
  competencyId: string;
  importance: Importance;
  minLevel: string | null;
};

/**
 * The profile's skill list: the occupation's skills first, then the explicit ones, which win
 * (an employer who lists a skill again means to change its importance or level). One row per skill.
 */
export function mergeSkills(
  fromOccupation: readonly ResolvedSkill[],
  explicit: readonly ResolvedSkill[],
): ResolvedSkill[] {
  const merged = new Map<string, ResolvedSkill>();
  for (const skill of fromOccupation) merged.set(skill.competencyId, skill);
  for (const skill of explicit) merged.set(skill.competencyId, skill);
  return [...merged.values()];
}
