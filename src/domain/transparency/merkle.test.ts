import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryTree, referenceRoot, rootOfFrontier } from './memory-tree.ts';
import {
  EMPTY_ROOT,
  frontierKeys,
  type Hash,
  leafHash,
  toHex,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

// The Certificate Transparency reference vectors (RFC 6962 test data, as used by CT and Trillian).
const ctLeaves = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((leaf) => leafHash(hex(leaf)));
const ctRoots = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

function leavesOf(count: number, seed = 0): Hash[] {
  return Array.from({ length: count }, (_, i) => leafHash(Buffer.from(`leaf ${seed}/${i}`)));
}

describe('Merkle tree (RFC 9162 §2.1)', () => {
  it('matches the Certificate Transparency reference roots for sizes 0 to 8', () => {
    const tree = new MemoryTree();
    expect(toHex(tree.root())).toBe(ctRoots[0]);
    expect(toHex(EMPTY_ROOT)).toBe(ctRoots[0]);
    for (const [i, leaf] of ctLeaves.entries()) {
      tree.append(leaf);
      expect(toHex(tree.root())).toBe(ctRoots[i + 1]);
    }
  });

  it('produces the reference inclusion and consistency proofs', () => {
    const tree = MemoryTree.of(ctLeaves);
    expect(tree.inclusionProof(0, 8).map(toHex)).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(tree.inclusionProof(5, 8).map(toHex)).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    expect(tree.consistencyProof(2, 8).map(toHex)).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(tree.consistencyProof(6, 8).map(toHex)).toEqual([
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
  });

  it('stored-subtree roots equal the recursive definition, and the frontier folds to the root', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), (size) => {
        const leaves = leavesOf(size);
        const tree = MemoryTree.of(leaves);
        const root = referenceRoot(leaves);
        expect(toHex(tree.root())).toBe(toHex(root));
        expect(toHex(rootOfFrontier(frontierKeys(size).map(tree.lookup)))).toBe(toHex(root));
      }),
      { numRuns: 60 },
    );
  });

  it('every inclusion proof verifies for random tree sizes and leaves, and fails for another leaf or size', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 1000 })
          .chain((size) =>
            fc.tuple(
              fc.constant(size),
              fc.integer({ min: 0, max: size - 1 }),
              fc.integer({ min: 1, max: size }),
            ),
          ),
        ([size, index, pastSizeSeed]) => {
          const leaves = leavesOf(size);
          const tree = MemoryTree.of(leaves);
          const proof = tree.inclusionProof(index);
          expect(verifyInclusion(leaves[index]!, index, size, proof, tree.root())).toBe(true);
          expect(
            verifyInclusion(leafHash(Buffer.from('other')), index, size, proof, tree.root()),
          ).toBe(false);
          if (size > 1)
            expect(
              verifyInclusion(leaves[index]!, (index + 1) % size, size, proof, tree.root()),
            ).toBe(false);
          // Any past size that contains the leaf has its own proof, from the same stored nodes.
          const past = Math.max(pastSizeSeed, index + 1);
          expect(
            verifyInclusion(
              leaves[index]!,
              index,
              past,
              tree.inclusionProof(index, past),
              tree.root(past),
            ),
          ).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('every consistency proof verifies for random pairs of sizes, and a changed proof fails', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 1000 })
          .chain((second) => fc.tuple(fc.integer({ min: 0, max: second }), fc.constant(second))),
        ([first, second]) => {
          const tree = MemoryTree.of(leavesOf(second));
          const proof = tree.consistencyProof(first, second);
          expect(verifyConsistency(first, second, tree.root(first), tree.root(second), proof)).toBe(
            true,
          );
          if (proof.length > 0) {
            const broken = proof.map((hash) => new Uint8Array(hash));
            broken[0]![0]! ^= 1;
            expect(
              verifyConsistency(first, second, tree.root(first), tree.root(second), broken),
            ).toBe(false);
            expect(
              verifyConsistency(first, second, tree.root(first), tree.root(second), proof.slice(1)),
            ).toBe(false);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('detects any rewrite of history: a changed, dropped or reordered past leaf breaks consistency', () => {
    const rewrites = fc.constantFrom('change', 'drop', 'reorder');
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 500 })
          .chain((first) =>
            fc.tuple(
              fc.constant(first),
              fc.integer({ min: first, max: first + 300 }),
              fc.integer({ min: 0, max: first - 1 }),
              rewrites,
            ),
          ),
        ([first, second, victim, rewrite]) => {
          const honest = leavesOf(second);
          const seen = { size: first, root: MemoryTree.of(honest).root(first) };
          const forged = [...honest];
          if (rewrite === 'change') forged[victim] = leafHash(Buffer.from('forged'));
          if (rewrite === 'drop') forged.splice(victim, 1);
          if (rewrite === 'reorder') {
            const other = victim === first - 1 ? victim - 1 : victim + 1;
            [forged[victim], forged[other]] = [forged[other]!, forged[victim]!];
          }
          const rewritten = MemoryTree.of(forged);
          const size = rewritten.size;
          if (size < seen.size) return; // a shrunken log is caught before any proof is asked for
          const proof = rewritten.consistencyProof(seen.size, size);
          expect(verifyConsistency(seen.size, size, seen.root, rewritten.root(), proof)).toBe(
            false,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses malformed requests instead of producing a wrong proof', () => {
    const tree = MemoryTree.of(leavesOf(5));
    expect(() => tree.inclusionProof(5, 5)).toThrow(RangeError);
    expect(() => tree.consistencyProof(6, 5)).toThrow(RangeError);
    expect(verifyInclusion(leavesOf(1)[0]!, -1, 5, [], tree.root())).toBe(false);
    expect(verifyConsistency(3, 3, tree.root(3), tree.root(3), [])).toBe(true);
    expect(verifyConsistency(0, 5, EMPTY_ROOT, tree.root(), [])).toBe(true);
    expect(verifyConsistency(3, 3, tree.root(3), tree.root(4), [])).toBe(false);
  });
});
