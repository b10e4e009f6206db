/**
 * Pure evaluation of a requirement tree against what a learner holds: per node whether it is
 * met, how far along it is, what counted and what remains. The service hydrates `Holdings`
 * (verified credentials only, external ones already mapped through recognition rules).
 */
import { isGroup, type Requirement, round } from './requirement.ts';

/** A credential that can count toward a requirement. */
export type CountedCredential = {
  /** The credential's URL or id (OB3 `id`), used as evidence in the pathway's credential. */
  credentialUrl?: string;
  walletCredentialId?: string;
  issuedCredentialId?: string;
  issuerId?: string;
  achievementName?: string;
  /** Set when it came from another issuer and counted through recognition of prior learning. */
  external?: { issuerId: string; achievementId?: string; rule?: string };
};

export type Holdings = {
  /** Our achievement id → the credential that certifies it (held or recognized). */
  achievements: ReadonlyMap<string, CountedCredential>;
  /** Verified credentials from other issuers (issuer id, achievement id). */
  external: ReadonlyArray<CountedCredential & { issuerId: string; achievementId?: string }>;
  /** Competency id → the credential certifying it, or null when mastered by evidence here. */
  competencies: ReadonlyMap<string, CountedCredential | null>;
  /** Pathways the learner completed, with the pathway credential. */
  pathways: ReadonlyMap<string, CountedCredential>;
};

/** What each leaf takes: ECTS, hours, a name; looked up from achievement definitions. */
export type Workload = { name: string; ects?: number; hours?: number };
export type Catalog = {
  achievement: (id: string) => Workload | undefined;
  competency: (id: string) => { name: string } | undefined;
  pathway: (id: string) => Workload | undefined;
};

/** 'met'; 'next': still needed; 'optional': not needed any more (a sibling already met the group). */
export type NodeStatus = 'met' | 'next' | 'optional';

export type NodeResult = {
  path: string;
  kind: Requirement['kind'];
  label: string;
  met: boolean;
  status: NodeStatus;
  /** 0..1 */
  progress: number;
  /** ECTS this node contributes now (met leaves; groups: sum of their counted children). */
  earnedEcts: number;
  workload?: Workload;
  /** For n-of and min-ects: the target, for the map's wording. */
  target?: { n?: number; ects?: number };
  counted: CountedCredential[];
  children?: NodeResult[];
};

export type Evaluation = {
  met: boolean;
  percentage: number;
  root: NodeResult;
  /** The credentials the met requirements rest on (what the pathway credential references). */
  counted: CountedCredential[];
  /** Leaves still needed, in tree order. */
  remaining: NodeResult[];
};

function leafResult(
  node: Requirement,
  path: string,
  holdings: Holdings,
  catalog: Catalog,
): NodeResult {
  let held: CountedCredential | null | undefined;
  let label: string;
  let workload: Workload | undefined;
  switch (node.kind) {
    case 'achievement':
      held = holdings.achievements.get(node.achievementId);
      workload = catalog.achievement(node.achievementId);
      label = workload?.name ?? `Achievement ${node.achievementId}`;
      break;
    case 'external-achievement':
      held = holdings.external.find(
        (c) =>
          c.issuerId === node.issuerId &&
          (node.achievementId === undefined || c.achievementId === node.achievementId),
      );
      label = `${node.achievementId ?? 'Any achievement'} from ${node.issuerId}`;
      workload = { name: label, ...(node.ects ? { ects: node.ects } : {}) };
      break;
    case 'competency':
      held = holdings.competencies.get(node.competencyId);
      label = catalog.competency(node.competencyId)?.name ?? `Competency ${node.competencyId}`;
      break;
    case 'pathway':
      held = holdings.pathways.get(node.pathwayId);
      workload = catalog.pathway(node.pathwayId);
      label = workload?.name ?? `Pathway ${node.pathwayId}`;
      break;
    default:
      throw new Error('not a leaf');
  }
  const met = held !== undefined;
  return {
    path,
    kind: node.kind,
    label,
    met,
    status: met ? 'met' : 'next',
    progress: met ? 1 : 0,
    earnedEcts: met ? (workload?.ects ?? 0) : 0,
    ...(workload ? { workload } : {}),
    counted: held ? [held] : [],
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function groupResult(
  node: Extract<Requirement, { of: Requirement[] }>,
  path: string,
  holdings: Holdings,
  catalog: Catalog,
): NodeResult {
  const children = node.of.map((child, i) =>
    evaluateNode(child, `${path}.of[${i}]`, holdings, catalog),
  );
  const metChildren = children.filter((c) => c.met);
  const best = [...children].sort((a, b) => b.progress - a.progress);
  let met: boolean;
  let progress: number;
  let countedFrom: NodeResult[];
  let label: string;
  let target: NodeResult['target'];
  switch (node.kind) {
    case 'all-of':
      met = children.length > 0 && metChildren.length === children.length;
      progress = children.length ? sum(children.map((c) => c.progress)) / children.length : 0;
      countedFrom = metChildren;
      label = 'All of';
      break;
    case 'any-of':
      met = metChildren.length > 0;
      progress = best[0]?.progress ?? 0;
      countedFrom = metChildren.slice(0, 1);
      label = 'Any one of';
      break;
    case 'n-of':
      met = metChildren.length >= node.n;
      progress = Math.min(1, sum(best.slice(0, node.n).map((c) => c.progress)) / node.n);
      countedFrom = metChildren.slice(0, node.n);
      label = `${node.n} of`;
      target = { n: node.n };
      break;
    case 'min-ects': {
      const earned = sum(children.map((c) => c.earnedEcts));
      met = earned + 1e-9 >= node.ects;
      progress = Math.min(1, earned / node.ects);
      // Counts children, largest first, until the target is reached.
      countedFrom = [];
      let running = 0;
      for (const child of [...children].sort((a, b) => b.earnedEcts - a.earnedEcts)) {
        if (running + 1e-9 >= node.ects || child.earnedEcts === 0) break;
        countedFrom.push(child);
        running += child.earnedEcts;
      }
      label = `At least ${node.ects} ECTS from`;
      target = { ects: node.ects };
      break;
    }
  }
  if (met) for (const child of children) markOptional(child);
  return {
    path,
    kind: node.kind,
    label,
    met,
    status: met ? 'met' : 'next',
    progress: met ? 1 : progress,
    earnedEcts: round(sum(countedFrom.map((c) => c.earnedEcts))),
    ...(target ? { target } : {}),
    counted: countedFrom.flatMap((c) => c.counted),
    children,
  };
}

/** Once a group is met, what is still open below it is no longer needed. */
function markOptional(node: NodeResult) {
  if (node.met) return;
  node.status = 'optional';
  for (const child of node.children ?? []) markOptional(child);
}

function evaluateNode(
  node: Requirement,
  path: string,
  holdings: Holdings,
  catalog: Catalog,
): NodeResult {
  return isGroup(node)
    ? groupResult(node, path, holdings, catalog)
    : leafResult(node, path, holdings, catalog);
}

function remainingLeaves(node: NodeResult): NodeResult[] {
  if (node.status !== 'next') return [];
  return node.children ? node.children.flatMap(remainingLeaves) : [node];
}

function unique(credentials: CountedCredential[]): CountedCredential[] {
  const seen = new Set<string>();
  return credentials.filter((c) => {
    const key =
      c.credentialUrl ?? c.walletCredentialId ?? c.issuedCredentialId ?? JSON.stringify(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Evaluates the whole tree: met, percentage (0–100, whole), counted credentials, remaining leaves. */
export function evaluateRequirement(
  root: Requirement,
  holdings: Holdings,
  catalog: Catalog,
): Evaluation {
  const result = evaluateNode(root, 'requirement', holdings, catalog);
  return {
    met: result.met,
    percentage: Math.floor(result.progress * 100 + 1e-9),
    root: result,
    counted: unique(result.counted),
    remaining: remainingLeaves(result),
  };
}
