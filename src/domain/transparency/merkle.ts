/**
 * The Merkle tree of RFC 9162 §2.1 (Certificate Transparency v2), over SHA-256.
 *
 * A tree of `n` leaves is stored as the hashes of its complete subtrees, each addressed by
 * `(level, index)`: the node at level `l`, index `i` covers leaves `[i·2^l, (i+1)·2^l)`. Such a
 * node never changes once written, so appending a leaf only adds nodes (at most log₂ n + 1) and
 * the root of any past size, and every proof, is computed from O(log n) stored nodes.
 * Pure: no I/O; lookups of stored nodes are passed in.
 */
import { createHash } from 'node:crypto';

export type Hash = Uint8Array;

/** Where a complete subtree's hash is stored. */
export type NodeKey = { level: number; index: number };

export type StoredNode = NodeKey & { hash: Hash };

/** Reads a stored node; throws when it is missing (a broken or truncated store). */
export type NodeLookup = (key: NodeKey) => Hash;

/** MTH({}) = SHA-256() (RFC 9162 §2.1.1). */
export const EMPTY_ROOT: Hash = createHash('sha256').digest();

/** MTH({d(0)}) = SHA-256(0x00 || d(0)) (RFC 9162 §2.1.1). */
export function leafHash(leaf: Uint8Array): Hash {
  return createHash('sha256').update(Uint8Array.of(0)).update(leaf).digest();
}

/** SHA-256(0x01 || left || right) (RFC 9162 §2.1.1). */
export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash('sha256').update(Uint8Array.of(1)).update(left).update(right).digest();
}

export function toHex(hash: Hash): string {
  return Buffer.from(hash).toString('hex');
}

export function fromHex(hex: string): Hash {
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new RangeError('A hash is 64 lowercase hex digits.');
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

export function sameHash(a: Hash, b: Hash): boolean {
  return a.length === b.length && Buffer.from(a).equals(Buffer.from(b));
}

/** The largest power of two smaller than n (n > 1), the split point k of RFC 9162 §2.1.1. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  return n >= 1 && 2 ** Math.round(Math.log2(n)) === n;
}

function checkSize(name: string, n: number) {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`${name} must be a whole number ≥ 0.`);
}

/**
 * The complete subtrees whose hashes make up a tree of `size` leaves (its "frontier"), left to
 * right: one per set bit of `size`, largest first.
 */
export function frontierKeys(size: number): NodeKey[] {
  checkSize('size', size);
  const keys: NodeKey[] = [];
  let offset = 0;
  for (let level = Math.floor(Math.log2(size || 1)) + 1; level >= 0; level--) {
    const width = 2 ** level;
    if (offset + width <= size) {
      keys.push({ level, index: offset / width });
      offset += width;
    }
  }
  return keys;
}

/**
 * The nodes that appending leaf number `size` adds: the leaf itself and each subtree it
 * completes. `frontier` holds the hashes of {@link frontierKeys}(size), left to right.
 */
export function appendNodes(size: number, frontier: Hash[], leaf: Hash): StoredNode[] {
  const keys = frontierKeys(size);
  if (keys.length !== frontier.length) throw new RangeError('The frontier does not fit the size.');
  const byLevel = new Map(keys.map((key, i) => [key.level, frontier[i]!]));
  const added: StoredNode[] = [{ level: 0, index: size, hash: leaf }];
  let hash = leaf;
  let index = size;
  let level = 0;
  while (index % 2 === 1) {
    hash = nodeHash(byLevel.get(level)!, hash);
    index = (index - 1) / 2;
    level += 1;
    added.push({ level, index, hash });
  }
  return added;
}

/** The keys needed to compute MTH(D[start:end]) from stored complete subtrees. */
export function rangeKeys(start: number, end: number): NodeKey[] {
  const width = end - start;
  if (width <= 0) return [];
  if (isPowerOfTwo(width) && start % width === 0)
    return [{ level: Math.log2(width), index: start / width }];
  const k = splitPoint(width);
  return [...rangeKeys(start, start + k), ...rangeKeys(start + k, end)];
}

/** MTH(D[start:end]) (RFC 9162 §2.1.1), from stored complete subtrees. */
export function rangeHash(start: number, end: number, lookup: NodeLookup): Hash {
  const width = end - start;
  if (width === 0) return EMPTY_ROOT;
  if (isPowerOfTwo(width) && start % width === 0)
    return lookup({ level: Math.log2(width), index: start / width });
  const k = splitPoint(width);
  return nodeHash(rangeHash(start, start + k, lookup), rangeHash(start + k, end, lookup));
}

/** The subtree ranges whose hashes form PATH(m, D[0:n]) (RFC 9162 §2.1.3.1), in proof order. */
export function inclusionRanges(m: number, n: number): Array<[number, number]> {
  checkSize('treeSize', n);
  if (!Number.isSafeInteger(m) || m < 0 || m >= n)
    throw new RangeError('The leaf index must be below the tree size.');
  const path = (start: number, end: number): Array<[number, number]> => {
    if (end - start === 1) return [];
    const k = splitPoint(end - start);
    return m - start < k
      ? [...path(start, start + k), [start + k, end]]
      : [...path(start + k, end), [start, start + k]];
  };
  return path(0, n);
}

/** The subtree ranges whose hashes form PROOF(m, D[0:n]) (RFC 9162 §2.1.4.1), in proof order. */
export function consistencyRanges(m: number, n: number): Array<[number, number]> {
  checkSize('first', m);
  checkSize('second', n);
  if (m > n) throw new RangeError('The first size must not exceed the second.');
  if (m === 0 || m === n) return [];
  const subproof = (
    size: number,
    start: number,
    end: number,
    complete: boolean,
  ): Array<[number, number]> => {
    if (size === end - start) return complete ? [] : [[start, end]];
    const k = splitPoint(end - start);
    return size <= k
      ? [...subproof(size, start, start + k, complete), [start + k, end]]
      : [...subproof(size - k, start + k, end, false), [start, start + k]];
  };
  return subproof(m, 0, n, true);
}

/** Every stored node a set of ranges needs, without repeats (to read them in one query). */
export function keysOfRanges(ranges: Array<[number, number]>): NodeKey[] {
  const seen = new Map<string, NodeKey>();
  for (const [start, end] of ranges)
    for (const key of rangeKeys(start, end)) seen.set(`${key.level}:${key.index}`, key);
  return [...seen.values()];
}

/** An inclusion proof or consistency proof from the ranges and a node lookup. */
export function proofOf(ranges: Array<[number, number]>, lookup: NodeLookup): Hash[] {
  return ranges.map(([start, end]) => rangeHash(start, end, lookup));
}

/** Verifies an inclusion proof (RFC 9162 §2.1.3.2). Never throws. */
export function verifyInclusion(
  leaf: Hash,
  leafIndex: number,
  treeSize: number,
  proof: Hash[],
  root: Hash,
): boolean {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize)) return false;
  if (leafIndex < 0 || leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && sameHash(r, root);
}

/** Verifies a consistency proof between two tree heads (RFC 9162 §2.1.4.2). Never throws. */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Hash,
  secondRoot: Hash,
  proof: Hash[],
): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second)) return false;
  if (first < 0 || first > second) return false;
  if (first === second) return proof.length === 0 && sameHash(firstRoot, secondRoot);
  // Every tree extends the empty tree, whose root is SHA-256 of nothing.
  if (first === 0) return proof.length === 0 && sameHash(firstRoot, EMPTY_ROOT);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sameHash(fr, firstRoot) && sameHash(sr, secondRoot) && sn === 0;
}
