/**
 * A Merkle tree held in memory, built the same way as the stored one (complete subtrees by
 * level and index). The auditor replays fetched leaves with it; tests compare it with the
 * RFC 9162 definition.
 */
import {
  appendNodes,
  consistencyRanges,
  EMPTY_ROOT,
  frontierKeys,
  type Hash,
  inclusionRanges,
  type NodeKey,
  nodeHash,
  proofOf,
  rangeHash,
  splitPoint,
} from './merkle.ts';

export class MemoryTree {
  #nodes = new Map<string, Hash>();
  #size = 0;

  static of(leafHashes: Hash[]): MemoryTree {
    const tree = new MemoryTree();
    for (const leaf of leafHashes) tree.append(leaf);
    return tree;
  }

  get size(): number {
    return this.#size;
  }

  append(leaf: Hash): void {
    const frontier = frontierKeys(this.#size).map(this.lookup);
    for (const node of appendNodes(this.#size, frontier, leaf))
      this.#nodes.set(`${node.level}:${node.index}`, node.hash);
    this.#size += 1;
  }

  lookup = (key: NodeKey): Hash => {
    const hash = this.#nodes.get(`${key.level}:${key.index}`);
    if (!hash) throw new RangeError(`No node at level ${key.level}, index ${key.index}.`);
    return hash;
  };

  root(size = this.#size): Hash {
    return rangeHash(0, size, this.lookup);
  }

  inclusionProof(leafIndex: number, size = this.#size): Hash[] {
    return proofOf(inclusionRanges(leafIndex, size), this.lookup);
  }

  consistencyProof(first: number, second = this.#size): Hash[] {
    return proofOf(consistencyRanges(first, second), this.lookup);
  }
}

/** MTH(D[n]) straight from the definition (RFC 9162 §2.1.1), for comparison in tests. */
export function referenceRoot(leafHashes: Hash[]): Hash {
  if (leafHashes.length === 0) return EMPTY_ROOT;
  if (leafHashes.length === 1) return leafHashes[0]!;
  const k = splitPoint(leafHashes.length);
  return nodeHash(referenceRoot(leafHashes.slice(0, k)), referenceRoot(leafHashes.slice(k)));
}

/** The root of a tree given its frontier hashes (left to right): folded from the right. */
export function rootOfFrontier(frontier: Hash[]): Hash {
  if (frontier.length === 0) return EMPTY_ROOT;
  let root = frontier.at(-1)!;
  for (let i = frontier.length - 2; i >= 0; i--) root = nodeHash(frontier[i]!, root);
  return root;
}
