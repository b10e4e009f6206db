/**
 * Inclusion and consistency proofs (RFC 9162 §2.1.3, §2.1.4) from the stored subtree hashes,
 * the log's entries for mirrors and auditors, and the lookup behind the verifier's
 * `transparency` check.
 */
import type { TransparencyLookup } from '../../credentials/index.ts';
import type { Credential } from '../../credentials/types.ts';
import { findIssuedCredential } from '../../db/repositories/issued-credentials.ts';
import {
  findEntryByCredentialHash,
  findHead,
  findLatestHead,
  listEntries,
  logSize,
  type TransparencyEntryRow,
  type TransparencyHeadRow,
} from '../../db/repositories/transparency.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import {
  consistencyRanges,
  inclusionRanges,
  keysOfRanges,
  leafHash,
  proofOf,
  toHex,
} from '../../domain/transparency/merkle.ts';
import type { ServiceContext } from '../context.ts';
import { requireIssuedCredential } from '../credentials/issue-credential.ts';
import { organizationOfIssuerId } from '../issuers/issuer-directory.ts';
import { credentialHashOf } from './append.ts';
import { nodeLookup, type PublishedHead, presentHead } from './tree-heads.ts';

async function auditPath(ctx: ServiceContext, ranges: Array<[number, number]>) {
  const lookup = await nodeLookup(ctx.db, keysOfRanges(ranges));
  return proofOf(ranges, lookup).map(toHex);
}

function leafHashOf(entry: TransparencyEntryRow): string {
  return toHex(leafHash(new TextEncoder().encode(entry.leaf)));
}

export type InclusionProof = {
  credentialHash: string;
  leafIndex: number;
  treeSize: number;
  leaf: string;
  leafHash: string;
  auditPath: string[];
  /** The signed head at `treeSize`, when one was signed at that size. */
  head: PublishedHead | null;
};

/**
 * The inclusion proof of a credential's issuance, by its id (UUID) or hex SHA-256, in the tree
 * of `treeSize` leaves, or by default in the latest signed head.
 */
export async function inclusionProofOf(
  ctx: ServiceContext,
  credential: string,
  treeSize?: number,
): Promise<InclusionProof> {
  let hash: string;
  if (/^[0-9a-f]{64}$/.test(credential)) hash = credential;
  else if (/^[0-9a-f-]{36}$/.test(credential))
    hash = credentialHashOf((await requireIssuedCredential(ctx, credential)).signed);
  else
    throw new ValidationError('Name the credential by its id (UUID) or its SHA-256 in hex.', [
      { field: 'query.credential', message: 'must be a UUID or 64 hex digits' },
    ]);
  const entry = await findEntryByCredentialHash(ctx.db, hash);
  if (!entry) throw new NotFoundError('This credential is not in the transparency log.');
  let head: TransparencyHeadRow | undefined;
  let size: number;
  if (treeSize === undefined) {
    head = await findLatestHead(ctx.db);
    if (!head || head.treeSize <= entry.index)
      throw new NotFoundError(
        `The credential is entry ${entry.index} of the log; no signed tree head covers it yet. Ask again after the next head, or name a treeSize.`,
      );
    size = head.treeSize;
  } else {
    if (treeSize <= entry.index || treeSize > (await logSize(ctx.db)))
      throw new ValidationError(
        `treeSize must be above the entry's index (${entry.index}) and at most the log's size.`,
        [{ field: 'query.treeSize', message: 'is out of range' }],
      );
    size = treeSize;
    head = await findHead(ctx.db, treeSize);
  }
  return {
    credentialHash: hash,
    leafIndex: entry.index,
    treeSize: size,
    leaf: entry.leaf,
    leafHash: leafHashOf(entry),
    auditPath: await auditPath(ctx, inclusionRanges(entry.index, size)),
    head: head ? await presentHead(ctx, head) : null,
  };
}

/** The consistency proof between two sizes the log has reached. */
export async function consistencyProofOf(ctx: ServiceContext, first: number, second: number) {
  const size = await logSize(ctx.db);
  if (first > second || second > size)
    throw new ValidationError(`Need 0 ≤ first ≤ second ≤ ${size} (the log's size).`, [
      { field: 'query.second', message: 'is out of range' },
    ]);
  return { first, second, proof: await auditPath(ctx, consistencyRanges(first, second)) };
}

export const MAX_ENTRIES_PER_PAGE = 1000;

/** Entries `[start, end)` for mirrors and auditors, at most a page at a time. */
export async function logEntries(ctx: ServiceContext, start: number, end: number) {
  const size = await logSize(ctx.db);
  const last = Math.min(end, size, start + MAX_ENTRIES_PER_PAGE);
  const rows = start < last ? await listEntries(ctx.db, start, last) : [];
  return {
    treeSize: size,
    entries: rows.map((row) => ({ index: row.index, leaf: row.leaf, leafHash: leafHashOf(row) })),
  };
}

function issuerIdOf(credential: Credential): string | undefined {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  if (
    issuer &&
    typeof issuer === 'object' &&
    !Array.isArray(issuer) &&
    typeof issuer.id === 'string'
  )
    return issuer.id;
  return undefined;
}

/**
 * The verifier's view of this platform's log. A credential is found by its id URL (the stored
 * text) or, failing that, by the SHA-256 of its JWT or compact JSON; a credential of a foreign
 * issuer is not this log's business (undefined: the check is skipped).
 */
export function transparencyLookup(ctx: ServiceContext): TransparencyLookup {
  const prefix = `${ctx.publicUrl}/credentials/`;
  return async (credential, jwt) => {
    let stored: string | undefined;
    if (typeof credential.id === 'string' && credential.id.startsWith(prefix)) {
      const id = credential.id.slice(prefix.length);
      if (/^[0-9a-f-]{36}$/.test(id)) stored = (await findIssuedCredential(ctx.db, id))?.signed;
    }
    const candidate = stored ?? jwt ?? JSON.stringify(credential);
    const entry = await findEntryByCredentialHash(ctx.db, credentialHashOf(candidate));
    if (!entry) {
      const issuer = issuerIdOf(credential);
      const ours = stored !== undefined || (issuer && (await organizationOfIssuerId(ctx, issuer)));
      return ours ? 'not-logged' : undefined;
    }
    const head = await findLatestHead(ctx.db);
    if (!head || head.treeSize <= entry.index)
      return { leaf: entry.leaf, leafIndex: entry.index, stored: candidate, proof: [] };
    const published = await presentHead(ctx, head);
    return {
      leaf: entry.leaf,
      leafIndex: entry.index,
      stored: candidate,
      proof: await auditPath(ctx, inclusionRanges(entry.index, head.treeSize)),
      head: {
        signature: published.signature,
        publicKeyMultibase: published.key.publicKeyMultibase,
      },
    };
  };
}
