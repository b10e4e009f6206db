/**
 * The skill gap between a goal and what a learner has proven (issue 7 item 4), pure.
 *
 * Weights: a required (ESCO essential) skill weighs 1, a nice-to-have (ESCO optional) one 0.3,
 * so three nice-to-haves matter about as much as one requirement. A skill is covered when proven
 * itself; partly covered when the learner proved a narrower skill of it (one level down the ESCO
 * skill hierarchy, `isChildOf`): that covers half of it (NARROWER_COVERAGE), since a specialist
 * skill shows part, not all, of its general skill. What is left (`need`) is what to close.
 */

export const REQUIRED_WEIGHT = 1;
export const NICE_TO_HAVE_WEIGHT = 0.3;
export const NARROWER_COVERAGE = 0.5;

export type GoalSkill = {
  competencyId: string;
  uri: string;
  label: string;
  importance: 'required' | 'nice-to-have';
};

export type ProvenRef = {
  competencyId: string;
  label: string;
  source: 'credential' | 'in-progress';
};

export type GapStatus = 'covered' | 'partly-covered' | 'missing';

export type GapSkill = GoalSkill & {
  weight: number;
  status: GapStatus;
  /** 0..1: how much of the skill is shown already. */
  coveredFraction: number;
  /** weight × (1 − coveredFraction): what closing this skill is worth. */
  need: number;
  reason: string;
};

export type Gap = {
  skills: GapSkill[];
  totals: { weight: number; covered: number; need: number; coveredShare: number };
};

/**
 * `parents` maps a competency to its broader competencies (isChildOf targets). Order of the result
 * follows the goal: required before nice-to-have, then as given.
 */
export function computeGap(
  goal: readonly GoalSkill[],
  proven: ReadonlyMap<string, ProvenRef>,
  parents: ReadonlyMap<string, readonly string[]>,
): Gap {
  const provenChildren = new Map<string, ProvenRef[]>();
  for (const ref of proven.values())
    for (const parent of parents.get(ref.competencyId) ?? [])
      provenChildren.set(parent, [...(provenChildren.get(parent) ?? []), ref]);

  const skills = [...goal]
    .sort((a, b) => rank(a) - rank(b))
    .map((skill): GapSkill => {
      const weight = skill.importance === 'required' ? REQUIRED_WEIGHT : NICE_TO_HAVE_WEIGHT;
      const own = proven.get(skill.competencyId);
      if (own)
        return {
          ...skill,
          weight,
          status: 'covered',
          coveredFraction: 1,
          need: 0,
          reason:
            own.source === 'credential'
              ? 'Proven by a verified credential.'
              : 'Mastered in your learning here (you chose to count it).',
        };
      const narrower = provenChildren.get(skill.competencyId) ?? [];
      if (narrower.length > 0)
        return {
          ...skill,
          weight,
          status: 'partly-covered',
          coveredFraction: NARROWER_COVERAGE,
          need: weight * (1 - NARROWER_COVERAGE),
          reason: `Partly shown by the narrower skill${narrower.length > 1 ? 's' : ''} ${narrower.map((n) => `"${n.label}"`).join(', ')}.`,
        };
      return {
        ...skill,
        weight,
        status: 'missing',
        coveredFraction: 0,
        need: weight,
        reason: 'Not proven yet.',
      };
    });
  const weight = sum(skills.map((s) => s.weight));
  const need = sum(skills.map((s) => s.need));
  return {
    skills,
    totals: {
      weight,
      covered: weight - need,
      need,
      coveredShare: weight === 0 ? 1 : (weight - need) / weight,
    },
  };
}

const rank = (s: GoalSkill) => (s.importance === 'required' ? 0 : 1);

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
