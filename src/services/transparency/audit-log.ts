/**
 * The auditor: checks a Skillmark log from the outside, over its public HTTP API only. It
 * verifies the latest signed head, then that the log still holds the head seen last time
 * (the state) and that the new head extends it (RFC 9162 §2.1.4 consistency proof). With
 * `entries`, it also replays every leaf into the signed root and compares the issuers' status
 * lists with the logged revocations and suspensions. A fork, a rewrite or a quiet revocation is
 * a problem (the CLI exits 1). The fetcher is injected: plain fetch in the CLI, the in-process
 * app in tests.
 */
import { decodeStatusList, getStatus } from '../../credentials/index.ts';
import { verifyTreeHeadSignature } from '../../credentials/tree-head.ts';
import { auditStatusSlots, decodeLeaf, type LogEvent } from '../../domain/transparency/events.ts';
import { MemoryTree } from '../../domain/transparency/memory-tree.ts';
import { fromHex, leafHash, toHex, verifyConsistency } from '../../domain/transparency/merkle.ts';

export type AuditState = {
  origin: string;
  treeSize: number;
  rootHash: string;
  /** Keys the log has signed heads with (publicKeyMultibase), pinned on first sight. */
  keys: string[];
  checkedAt: string;
};

export type AuditFinding = { severity: 'problem' | 'note'; message: string };

export type AuditReport = {
  ok: boolean;
  findings: AuditFinding[];
  /** The state to keep for next time (unchanged when the new head could not be trusted). */
  state: AuditState | undefined;
};

/** Fetches JSON; throws with the HTTP status on anything but 2xx, `undefined` on 404. */
export type FetchJson = (url: string) => Promise<unknown>;

type Head = {
  origin: string;
  treeSize: number;
  rootHash: string;
  signature: string;
  key: { id: string; publicKeyMultibase: string };
};

async function verifiedHead(raw: unknown, where: string): Promise<Head | string> {
  const head = raw as Head;
  if (
    !head ||
    typeof head.signature !== 'string' ||
    typeof head.key?.publicKeyMultibase !== 'string'
  )
    return `${where} is not a signed tree head.`;
  const check = await verifyTreeHeadSignature(head.signature, head.key.publicKeyMultibase);
  if (!check.valid) return `${where}: the signature does not verify (${check.reason}).`;
  if (
    check.head.treeSize !== head.treeSize ||
    check.head.rootHash !== head.rootHash ||
    check.head.origin !== head.origin
  )
    return `${where}: the head's fields differ from what its signature covers.`;
  return head;
}

async function readAllEvents(
  base: string,
  treeSize: number,
  fetchJson: FetchJson,
): Promise<{ tree: MemoryTree; events: LogEvent[] }> {
  const tree = new MemoryTree();
  const events: LogEvent[] = [];
  while (tree.size < treeSize) {
    const page = (await fetchJson(
      `${base}/transparency/entries?start=${tree.size}&end=${treeSize}`,
    )) as { entries: Array<{ index: number; leaf: string }> };
    if (!page?.entries?.length) break;
    for (const entry of page.entries) {
      if (entry.index !== tree.size) throw new Error(`entry ${entry.index} arrived out of order`);
      tree.append(leafHash(new TextEncoder().encode(entry.leaf)));
      const event = decodeLeaf(entry.leaf);
      if (event) events.push(event);
    }
  }
  return { tree, events };
}

async function setBitsOf(url: string, fetchJson: FetchJson): Promise<number[]> {
  const list = (await fetchJson(url)) as { credentialSubject?: { encodedList?: string } };
  const encoded = list?.credentialSubject?.encodedList;
  if (typeof encoded !== 'string') throw new Error(`${url} is not a status list credential`);
  const bits = decodeStatusList(encoded);
  const set: number[] = [];
  for (let index = 0; index < bits.length * 8; index++) if (getStatus(bits, index)) set.push(index);
  return set;
}

/** Audits the log at `baseUrl` against the state of the previous audit. Never throws on a bad log. */
export async function auditLog(
  baseUrl: string,
  previous: AuditState | undefined,
  fetchJson: FetchJson,
  options: { entries?: boolean; now?: () => Date } = {},
): Promise<AuditReport> {
  const base = baseUrl.replace(/\/+$/, '');
  const findings: AuditFinding[] = [];
  const problem = (message: string) => findings.push({ severity: 'problem', message });
  const note = (message: string) => findings.push({ severity: 'note', message });
  const done = (state: AuditState | undefined): AuditReport => ({
    ok: findings.every((f) => f.severity !== 'problem'),
    findings,
    state,
  });
  try {
    const latest = await verifiedHead(
      await fetchJson(`${base}/transparency/sth`),
      'The latest head',
    );
    if (typeof latest === 'string') {
      problem(latest);
      return done(previous);
    }
    note(`Latest head: size ${latest.treeSize}, root ${latest.rootHash}, signature valid.`);
    const keys = new Set(previous?.keys ?? []);
    const newKey = previous !== undefined && !keys.has(latest.key.publicKeyMultibase);
    if (previous && latest.origin !== previous.origin)
      problem(`The log now calls itself ${latest.origin}, not ${previous.origin}.`);

    if (previous) {
      if (latest.treeSize < previous.treeSize) {
        problem(
          `Rollback: the log shrank from ${previous.treeSize} to ${latest.treeSize} entries.`,
        );
      } else {
        const old = await verifiedHead(
          await fetchJson(`${base}/transparency/sth/${previous.treeSize}`),
          `The head at size ${previous.treeSize}`,
        );
        if (typeof old === 'string') problem(`History rewritten: ${old}`);
        else if (old.rootHash !== previous.rootHash)
          problem(
            `History rewritten: the head at size ${previous.treeSize} now has root ${old.rootHash}; it was ${previous.rootHash}.`,
          );
        const { proof } = (await fetchJson(
          `${base}/transparency/proofs/consistency?first=${previous.treeSize}&second=${latest.treeSize}`,
        )) as { proof: string[] };
        const consistent = verifyConsistency(
          previous.treeSize,
          latest.treeSize,
          fromHex(previous.rootHash),
          fromHex(latest.rootHash),
          proof.map(fromHex),
        );
        if (consistent)
          note(
            `Consistent: size ${latest.treeSize} extends the size ${previous.treeSize} seen before.`,
          );
        else
          problem(
            `Fork: the head at size ${latest.treeSize} does not extend the head at size ${previous.treeSize} seen before (the consistency proof fails); past entries were changed, dropped or reordered.`,
          );
      }
    }

    if (options.entries) {
      const { tree, events } = await readAllEvents(base, latest.treeSize, fetchJson);
      if (tree.size !== latest.treeSize || toHex(tree.root()) !== latest.rootHash)
        problem(
          `The ${tree.size} entries served do not hash to the signed root of size ${latest.treeSize}.`,
        );
      else note(`All ${tree.size} entries replay to the signed root.`);
      if (newKey) {
        const logged = events.some(
          (e) => e.type === 'key.rotated' && e.key === latest.key.publicKeyMultibase,
        );
        if (logged) note(`The log's new signing key ${latest.key.publicKeyMultibase} was logged.`);
        else problem(`The head is signed by a key never logged: ${latest.key.publicKeyMultibase}.`);
      }
      const lists = new Set(
        events.flatMap((e) => (e.type !== 'key.rotated' && e.status ? [e.status.list] : [])),
      );
      const setBits = new Map<string, number[]>();
      for (const list of lists) {
        try {
          setBits.set(list, await setBitsOf(list, fetchJson));
        } catch (error) {
          note(`Status list ${list} could not be read: ${(error as Error).message}`);
        }
      }
      const discrepancies = auditStatusSlots(events, setBits);
      for (const discrepancy of discrepancies) problem(discrepancy.message);
      if (discrepancies.length === 0 && setBits.size > 0)
        note(`${setBits.size} status list(s) agree with the logged events.`);
    } else if (newKey) {
      note(
        `The log signs with a key not seen before (${latest.key.publicKeyMultibase}); run with --entries to check that its rotation was logged.`,
      );
    }
    keys.add(latest.key.publicKeyMultibase);
    const trusted = findings.every((f) => f.severity !== 'problem');
    return done(
      trusted
        ? {
            origin: latest.origin,
            treeSize: latest.treeSize,
            rootHash: latest.rootHash,
            keys: [...keys],
            checkedAt: (options.now ?? (() => new Date()))().toISOString(),
          }
        : previous,
    );
  } catch (error) {
    problem(`The audit could not be completed: ${(error as Error).message}`);
    return done(previous);
  }
}
