/**
 * A framework's hierarchy is its isChildOf associations (CASE §4.2.1: origin is the child,
 * destination the parent). It is a graph, not a strict tree: an ESCO skill has several broader
 * groups, so a node appears under each parent. Cycles in imported data are cut, never followed.
 */

export type TreeCompetency = {
  id: string;
  statement: string;
  code: string | null;
  type: string | null;
};

export type ChildLink = { childId: string; parentId: string; sequenceNumber: number | null };

export type TreeNode = TreeCompetency & { childCount: number; children: TreeNode[] };

export type Tree = {
  roots: TreeNode[];
  /** True when `maxDepth` or `maxNodes` left part of the hierarchy out. */
  truncated: boolean;
  nodeCount: number;
};

function compareNodes(
  a: { competency: TreeCompetency; sequenceNumber: number | null },
  b: { competency: TreeCompetency; sequenceNumber: number | null },
): number {
  const sa = a.sequenceNumber ?? Number.MAX_SAFE_INTEGER;
  const sb = b.sequenceNumber ?? Number.MAX_SAFE_INTEGER;
  if (sa !== sb) return sa - sb;
  const byCode = (a.competency.code ?? '').localeCompare(b.competency.code ?? '', 'en', {
    numeric: true,
  });
  return byCode !== 0 ? byCode : a.competency.statement.localeCompare(b.competency.statement);
}

/**
 * Builds the hierarchy from the framework's competencies and its isChildOf links. Roots are the
 * competencies without a parent in the framework (in CASE, those that are children of the
 * CFDocument itself).
 */
export function buildTree(
  competencies: readonly TreeCompetency[],
  links: readonly ChildLink[],
  limits: { maxDepth?: number; maxNodes?: number } = {},
): Tree {
  const byId = new Map(competencies.map((c) => [c.id, c]));
  const children = new Map<
    string,
    Array<{ competency: TreeCompetency; sequenceNumber: number | null }>
  >();
  const hasParent = new Set<string>();
  // A link to a parent outside the framework (the CASE CFDocument) still orders the roots.
  const rootSequence = new Map<string, number | null>();
  for (const link of links) {
    const child = byId.get(link.childId);
    if (child && !byId.has(link.parentId)) rootSequence.set(link.childId, link.sequenceNumber);
    if (!child || !byId.has(link.parentId) || link.childId === link.parentId) continue;
    hasParent.add(link.childId);
    const list = children.get(link.parentId) ?? [];
    list.push({ competency: child, sequenceNumber: link.sequenceNumber });
    children.set(link.parentId, list);
  }
  const roots = competencies
    .filter((c) => !hasParent.has(c.id))
    .map((competency) => ({ competency, sequenceNumber: rootSequence.get(competency.id) ?? null }))
    .sort(compareNodes);
  const maxDepth = limits.maxDepth ?? Number.POSITIVE_INFINITY;
  const maxNodes = limits.maxNodes ?? Number.POSITIVE_INFINITY;
  let nodeCount = 0;
  let truncated = false;

  const grow = (competency: TreeCompetency, depth: number, path: Set<string>): TreeNode => {
    nodeCount++;
    const below = (children.get(competency.id) ?? []).filter((c) => !path.has(c.competency.id));
    const node: TreeNode = { ...pick(competency), childCount: below.length, children: [] };
    if (below.length === 0) return node;
    if (depth + 1 >= maxDepth || nodeCount >= maxNodes) {
      truncated = true;
      return node;
    }
    path.add(competency.id);
    for (const child of below.sort(compareNodes)) {
      if (nodeCount >= maxNodes) {
        truncated = true;
        break;
      }
      node.children.push(grow(child.competency, depth + 1, path));
    }
    path.delete(competency.id);
    return node;
  };

  const rootNodes: TreeNode[] = [];
  for (const root of roots) {
    if (nodeCount >= maxNodes) {
      truncated = true;
      break;
    }
    rootNodes.push(grow(root.competency, 0, new Set()));
  }
  return { roots: rootNodes, truncated, nodeCount };
}

function pick(c: TreeCompetency): TreeCompetency {
  return { id: c.id, statement: c.statement, code: c.code, type: c.type };
}

/** Whether linking `childId` under `parentId` would close a loop in the hierarchy. */
export function wouldCreateCycle(
  links: readonly ChildLink[],
  childId: string,
  parentId: string,
): boolean {
  if (childId === parentId) return true;
  const parentsOf = new Map<string, string[]>();
  for (const link of links) {
    const list = parentsOf.get(link.childId) ?? [];
    list.push(link.parentId);
    parentsOf.set(link.childId, list);
  }
  // A loop exists if `childId` is already an ancestor of `parentId`.
  const seen = new Set<string>();
  const stack = [parentId];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current === childId) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    stack.push(...(parentsOf.get(current) ?? []));
  }
  return false;
}
