import { describe, expect, it } from 'vitest';
import { buildTree, wouldCreateCycle } from './tree.ts';

const node = (id: string, code: string | null = null) => ({ id, statement: id, code, type: null });

describe('buildTree', () => {
  it('orders children by sequence number, then code, and roots by their link to the document', () => {
    const tree = buildTree(
      [node('root-b'), node('root-a'), node('c2', 'X.2'), node('c10', 'X.10'), node('c1', 'X.1')],
      [
        { childId: 'root-b', parentId: 'document-uri', sequenceNumber: 1 },
        { childId: 'root-a', parentId: 'document-uri', sequenceNumber: 2 },
        { childId: 'c10', parentId: 'root-b', sequenceNumber: null },
        { childId: 'c2', parentId: 'root-b', sequenceNumber: null },
        { childId: 'c1', parentId: 'root-b', sequenceNumber: 0 },
      ],
    );
    expect(tree.roots.map((r) => r.id)).toEqual(['root-b', 'root-a']);
    expect(tree.roots[0]!.children.map((c) => c.id)).toEqual(['c1', 'c2', 'c10']);
    expect(tree.truncated).toBe(false);
  });

  it('shows a node under each of its parents and cuts cycles', () => {
    const tree = buildTree(
      [node('a'), node('b'), node('shared'), node('x'), node('y')],
      [
        { childId: 'shared', parentId: 'a', sequenceNumber: null },
        { childId: 'shared', parentId: 'b', sequenceNumber: null },
        { childId: 'x', parentId: 'y', sequenceNumber: null },
        { childId: 'y', parentId: 'x', sequenceNumber: null },
      ],
    );
    expect(tree.roots.map((r) => r.id)).toEqual(['a', 'b']);
    expect(tree.roots.every((r) => r.children[0]?.id === 'shared')).toBe(true);
  });

  it('stops at the depth asked for and says so, keeping the child count', () => {
    const tree = buildTree(
      [node('a'), node('b'), node('c')],
      [
        { childId: 'b', parentId: 'a', sequenceNumber: null },
        { childId: 'c', parentId: 'b', sequenceNumber: null },
      ],
      { maxDepth: 2 },
    );
    expect(tree.truncated).toBe(true);
    expect(tree.roots[0]!.children[0]).toMatchObject({ id: 'b', childCount: 1, children: [] });
  });
});

describe('wouldCreateCycle', () => {
  const links = [
    { childId: 'b', parentId: 'a', sequenceNumber: null },
    { childId: 'c', parentId: 'b', sequenceNumber: null },
  ];
  it('refuses a parent below the child, and the child itself', () => {
    expect(wouldCreateCycle(links, 'a', 'c')).toBe(true);
    expect(wouldCreateCycle(links, 'a', 'a')).toBe(true);
    expect(wouldCreateCycle(links, 'c', 'a')).toBe(false);
  });
});
