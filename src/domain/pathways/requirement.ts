/**
 * A pathway's requirement tree: groups (all-of, any-of, n-of, min-ects) over leaves (our
 * achievements, other issuers' achievements, competencies, other pathways). The schema checks
 * the shape; `validateRequirement` checks what the shape cannot: that the tree can be met at all
 * and that nested pathways never lead back to themselves. Messages name the node path.
 */
import { z } from 'zod';

export type RequirementLeaf =
  | { kind: 'achievement'; achievementId: string }
  | { kind: 'external-achievement'; issuerId: string; achievementId?: string; ects?: number }
  | { kind: 'competency'; competencyId: string }
  | { kind: 'pathway'; pathwayId: string };

export type RequirementGroup =
  | { kind: 'all-of'; of: Requirement[] }
  | { kind: 'any-of'; of: Requirement[] }
  | { kind: 'n-of'; n: number; of: Requirement[] }
  | { kind: 'min-ects'; ects: number; of: Requirement[] };

export type Requirement = RequirementGroup | RequirementLeaf;

const uuid = (field: string) => z.uuid({ error: `${field} must be a UUID` });
const children = (): z.ZodType<Requirement[]> =>
  z.array(
    z.lazy(() => requirementSchema),
    { error: 'of must be a list of requirements' },
  );

/** The requirement tree as issuers send it (JSON); unknown fields are refused. */
export const requirementSchema: z.ZodType<Requirement> = z.lazy(() =>
  z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('all-of'), of: children() }),
      z.strictObject({ kind: z.literal('any-of'), of: children() }),
      z.strictObject({
        kind: z.literal('n-of'),
        n: z.number({ error: 'n must be a whole number' }).int('n must be a whole number').min(1),
        of: children(),
      }),
      z.strictObject({
        kind: z.literal('min-ects'),
        ects: z.number({ error: 'ects must be a number' }).positive('ects must be above 0'),
        of: children(),
      }),
      z.strictObject({ kind: z.literal('achievement'), achievementId: uuid('achievementId') }),
      z.strictObject({
        kind: z.literal('external-achievement'),
        issuerId: z.string().trim().min(1, 'issuerId must not be empty').max(2000),
        achievementId: z.string().trim().min(1).max(2000).optional(),
        ects: z.number().positive('ects must be above 0').max(999).optional(),
      }),
      z.strictObject({ kind: z.literal('competency'), competencyId: uuid('competencyId') }),
      z.strictObject({ kind: z.literal('pathway'), pathwayId: uuid('pathwayId') }),
    ],
    {
      error:
        'kind must be one of all-of, any-of, n-of, min-ects, achievement, external-achievement, competency, pathway',
    },
  ),
);

export type RequirementIssue = { path: string; message: string };

/** What validation needs to know about the world; looked up by the service beforehand. */
export type RequirementContext = {
  /** The pathway being defined (to catch it requiring itself); absent when new. */
  selfId?: string;
  /** ECTS an achievement of ours carries; undefined when the achievement does not exist. */
  achievementCredits: (achievementId: string) => number | null | undefined;
  /** Whether a competency exists. */
  competencyExists: (competencyId: string) => boolean;
  /** Another pathway's tree and its own credential's ECTS; undefined when it does not exist. */
  pathway: (pathwayId: string) => { requirement: Requirement; ects: number | null } | undefined;
};

export function isGroup(node: Requirement): node is RequirementGroup {
  return 'of' in node;
}

/** Dotted path of a node, for messages: `requirement.of[1].of[0]`. */
export function childPath(path: string, index: number): string {
  return `${path}.of[${index}]`;
}

/** The most ECTS a node can contribute (all of its subtree held). */
export function maxCredits(node: Requirement, context: RequirementContext): number {
  switch (node.kind) {
    case 'achievement':
      return context.achievementCredits(node.achievementId) ?? 0;
    case 'external-achievement':
      return node.ects ?? 0;
    case 'competency':
      return 0;
    case 'pathway':
      return context.pathway(node.pathwayId)?.ects ?? 0;
    default:
      return node.of.reduce((sum, child) => sum + maxCredits(child, context), 0);
  }
}

/** Pathway ids a tree names directly (not through nested pathways). */
export function referencedPathways(node: Requirement): string[] {
  if (node.kind === 'pathway') return [node.pathwayId];
  return isGroup(node) ? node.of.flatMap(referencedPathways) : [];
}

/**
 * The cycle through nested pathways starting at `start`, as the list of ids walked, or
 * undefined. `selfId` closes a cycle when reached again.
 */
function findCycle(
  selfId: string,
  start: string,
  context: RequirementContext,
  seen: readonly string[],
): string[] | undefined {
  if (start === selfId) return [...seen, start];
  if (seen.includes(start)) return undefined;
  const nested = context.pathway(start);
  if (!nested) return undefined;
  for (const next of referencedPathways(nested.requirement)) {
    const cycle = findCycle(selfId, next, context, [...seen, start]);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * Every reason the tree cannot be used as given: empty groups, `n` above the number of
 * children, an ECTS target above what the children can add up to, unknown achievements,
 * competencies or pathways, and cycles through nested pathways. Empty when it is sound.
 */
export function validateRequirement(
  root: Requirement,
  context: RequirementContext,
  rootPath = 'requirement',
): RequirementIssue[] {
  const issues: RequirementIssue[] = [];
  const selfId = context.selfId ?? '(this pathway)';
  const visit = (node: Requirement, path: string) => {
    switch (node.kind) {
      case 'achievement':
        if (context.achievementCredits(node.achievementId) === undefined)
          issues.push({ path, message: `there is no achievement ${node.achievementId}` });
        return;
      case 'competency':
        if (!context.competencyExists(node.competencyId))
          issues.push({ path, message: `there is no competency ${node.competencyId}` });
        return;
      case 'external-achievement':
        return;
      case 'pathway': {
        if (node.pathwayId === context.selfId) {
          issues.push({ path, message: 'a pathway cannot require itself' });
          return;
        }
        if (!context.pathway(node.pathwayId)) {
          issues.push({ path, message: `there is no pathway ${node.pathwayId}` });
          return;
        }
        const cycle = findCycle(selfId, node.pathwayId, context, [selfId]);
        if (cycle)
          issues.push({
            path,
            message: `cycle through nested pathways: ${cycle.join(' → ')}`,
          });
        return;
      }
    }
    if (node.of.length === 0)
      issues.push({ path, message: `an empty ${node.kind} group can never be met` });
    if (node.kind === 'n-of' && node.n > node.of.length)
      issues.push({
        path,
        message: `n-of asks for ${node.n} but lists only ${node.of.length} requirement${node.of.length === 1 ? '' : 's'}`,
      });
    if (node.kind === 'min-ects') {
      const available = maxCredits(node, context);
      if (node.ects > available + 1e-9)
        issues.push({
          path,
          message: `min-ects asks for ${node.ects} ECTS but its requirements carry only ${round(available)} ECTS`,
        });
    }
    node.of.forEach((child, index) => {
      visit(child, childPath(path, index));
    });
  };
  visit(root, rootPath);
  return issues;
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
