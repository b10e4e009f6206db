import type { ServiceContext } from '../context.ts';
import { latestTreeHead } from './tree-heads.ts';

/**
 * The latest head as a few lines of plain text, to publish anywhere (a public ledger, a
 * newspaper, a mailing list). It names itself, carries everything needed to check it offline,
 * and depends on no ledger.
 */
export async function anchorText(ctx: ServiceContext): Promise<string> {
  const head = await latestTreeHead(ctx);
  const lines = [
    'skillmark-tree-head/v1',
    `origin ${head.origin}`,
    `tree-size ${head.treeSize}`,
    `root-hash sha256:${head.rootHash}`,
    `timestamp ${head.signedAt} (${head.timestamp})`,
    `key ${head.key.id} ${head.key.publicKeyMultibase}`,
    `signature ${head.signature}`,
    ...head.cosignatures.map(
      (c) => `cosignature ${c.witness} ${c.publicKeyMultibase} ${c.signature}`,
    ),
    '# The signature is a compact JWS (EdDSA, RFC 8037) over the JSON',
    '# {"origin","treeSize","rootHash","timestamp"} in that order; the root is an RFC 9162 Merkle',
    `# tree head. Consistency proofs: ${head.origin}/proofs/consistency?first=<size>&second=<size>`,
  ];
  return `${lines.join('\n')}\n`;
}
