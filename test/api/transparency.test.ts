import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Ed25519KeyPair,
  generateEd25519KeyPair,
  signCredential,
} from '../../src/credentials/index.ts';
import {
  COSIGNATURE_TYPE,
  cosignTreeHead,
  verifyTreeHeadSignature,
} from '../../src/credentials/tree-head.ts';
import { findIssuedCredential } from '../../src/db/repositories/issued-credentials.ts';
import { decodeLeaf } from '../../src/domain/transparency/events.ts';
import {
  fromHex,
  leafHash,
  verifyConsistency,
  verifyInclusion,
} from '../../src/domain/transparency/merkle.ts';
import { setStatusBit } from '../../src/services/credentials/status-lists.ts';
import { appendLogEvent, credentialHashOf } from '../../src/services/transparency/append.ts';
import { type AuditState, auditLog } from '../../src/services/transparency/audit-log.ts';
import { produceTreeHead } from '../../src/services/transparency/tree-heads.ts';
import { createTestApp, type TestApp, testAdminToken } from '../helpers/app.ts';
import {
  createOrganizationOwnedBy,
  createToken,
  sameOrigin,
  signUpPerson,
  unsignedBadge,
} from '../helpers/factories.ts';

const base = 'http://localhost:3000';
let t: TestApp;
let slug: string;
let issuerToken: string;
let ownerCookie: string;
let issuerId: string;

async function issue(name = 'Data Wrangling') {
  const response = await t.request('POST', '/credentials/issue', {
    token: issuerToken,
    json: { credential: unsignedBadge(issuerId, name) },
  });
  expect(response.status, response.text).toBe(201);
  const vc = response.json.verifiableCredential;
  return { vc, uuid: String(vc.id).split('/').at(-1)! };
}

async function signHead() {
  const response = await t.request('POST', '/api/v1/transparency/sth', { token: testAdminToken });
  expect([200, 201], response.text).toContain(response.status);
  return response.json;
}

/** The auditor's HTTP, answered by the app in-process. */
async function fetchJson(url: string): Promise<unknown> {
  const response = await t.app.request(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

beforeAll(async () => {
  t = await createTestApp();
  const owner = await signUpPerson(t, 'Owner');
  ownerCookie = owner.cookie;
  ({ slug } = await createOrganizationOwnedBy(t, owner));
  issuerToken = (await createToken(t, owner, slug, 'issuer')).secret;
  issuerId = (await t.request('GET', `/api/v1/organizations/${slug}/issuer`)).json.id;
});
afterAll(() => t.close());

describe('the issuance log and its signed tree heads', () => {
  it('logs each issuance in its transaction, without personal data, and signs heads on demand (admins only)', async () => {
    const { uuid } = await issue();
    const entries = (await t.request('GET', '/transparency/entries?start=0&end=100')).json;
    const row = await findIssuedCredential(t.ctx.db, uuid);
    const leaf = entries.entries.find(
      (entry: { leaf: string }) => decodeLeaf(entry.leaf)?.type === 'credential.issued',
    );
    expect(decodeLeaf(leaf.leaf)).toMatchObject({
      type: 'credential.issued',
      issuer: issuerId,
      credential: credentialHashOf(row!.signed),
      status: { purpose: 'revocation' },
    });
    expect(entries.entries.map((e: { leaf: string }) => e.leaf).join()).not.toMatch(/@|Owner/);

    const forbidden = await t.request('POST', '/api/v1/transparency/sth', { token: issuerToken });
    expect(forbidden.status).toBe(403);
    const head = await signHead();
    expect(head.treeSize).toBe(entries.treeSize);
    const check = await verifyTreeHeadSignature(head.signature, head.key.publicKeyMultibase);
    expect(check).toMatchObject({
      valid: true,
      head: { treeSize: head.treeSize, rootHash: head.rootHash },
    });
    expect((await t.request('GET', '/transparency/sth')).json.rootHash).toBe(head.rootHash);
    expect((await t.request('GET', `/transparency/sth/${head.treeSize}`)).json.signature).toBe(
      head.signature,
    );
    // Nothing new: the same head, not a new one.
    expect(
      (await t.request('POST', '/api/v1/transparency/sth', { token: testAdminToken })).status,
    ).toBe(200);
  });

  it('proves a credential is included, by id or by hash, and the verifier reports it as a separate check', async () => {
    const { vc, uuid } = await issue('Included');
    const head = await signHead();
    const byId = await t.request('GET', `/transparency/proofs/inclusion?credential=${uuid}`);
    expect(byId.status, byId.text).toBe(200);
    const proof = byId.json;
    expect(proof.treeSize).toBe(head.treeSize);
    expect(
      verifyInclusion(
        leafHash(new TextEncoder().encode(proof.leaf)),
        proof.leafIndex,
        proof.treeSize,
        proof.auditPath.map(fromHex),
        fromHex(head.rootHash),
      ),
    ).toBe(true);
    const byHash = await t.request(
      'GET',
      `/transparency/proofs/inclusion?credential=${proof.credentialHash}`,
    );
    expect(byHash.json.leafIndex).toBe(proof.leafIndex);

    const verified = await t.request('POST', '/credentials/verify', {
      json: { verifiableCredential: vc },
    });
    const transparency = verified.json.results.find(
      (c: { check: string }) => c.check === 'transparency',
    );
    expect(transparency).toMatchObject({ outcome: 'passed' });
    expect(transparency.detail).toContain(`entry ${proof.leafIndex} of ${head.treeSize}`);
  });

  it('skips the check for a foreign credential, and for one not yet under a signed head', async () => {
    const key = (await generateEd25519KeyPair()) as Ed25519KeyPair;
    const did = `did:key:${key.publicKeyMultibase}`;
    const foreign = await signCredential(unsignedBadge(did), {
      key: { ...key, id: `${did}#${key.publicKeyMultibase}`, controller: did },
      format: 'eddsa-jcs-2022',
    });
    const result = await t.request('POST', '/credentials/verify', {
      json: { verifiableCredential: foreign },
    });
    const check = result.json.results.find((c: { check: string }) => c.check === 'transparency');
    expect(check).toMatchObject({ outcome: 'skipped' });
    expect(result.json.errors.map((c: { check: string }) => c.check)).not.toContain('transparency');

    const { vc } = await issue('Fresh');
    const fresh = await t.request('POST', '/credentials/verify', {
      json: { verifiableCredential: vc },
    });
    expect(
      fresh.json.results.find((c: { check: string }) => c.check === 'transparency'),
    ).toMatchObject({
      outcome: 'skipped',
      message: expect.stringMatching(/next signed tree head/),
    });
  });

  it('embeds the inclusion proof in the public page on request and links it for machines', async () => {
    const { uuid } = await issue('Page');
    await signHead();
    const page = await t.request('GET', `/credentials/${uuid}?proof=inclusion`, {
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Issuance log');
    expect(page.text).toContain('auditPath');
    const machine = await t.request('GET', `/credentials/${uuid}`);
    expect(machine.headers.get('link')).toContain(
      `/transparency/proofs/inclusion?credential=${uuid}`,
    );
  });

  it('logs revocations, suspensions and key rotations, and proves every head consistent with the last', async () => {
    const first = await signHead();
    const { uuid } = await issue('To revoke');
    const revoked = await t.request('POST', `/api/v1/credentials/${uuid}/status`, {
      token: issuerToken,
      json: { action: 'revoke', reason: 'Issued by mistake' },
    });
    expect(revoked.status, revoked.text).toBe(200);
    const rotated = await t.request('POST', `/api/v1/organizations/${slug}/keys/rotate`, {
      cookie: ownerCookie,
      headers: sameOrigin,
    });
    expect(rotated.status, rotated.text).toBe(200);
    issuerId = rotated.json.id;
    const second = await signHead();
    const page = (
      await t.request('GET', `/transparency/entries?start=${first.treeSize}&end=${second.treeSize}`)
    ).json;
    expect(page.entries.map((e: { leaf: string }) => decodeLeaf(e.leaf)?.type)).toEqual([
      'credential.issued',
      'credential.revoked',
      'key.rotated',
    ]);
    const { proof } = (
      await t.request(
        'GET',
        `/transparency/proofs/consistency?first=${first.treeSize}&second=${second.treeSize}`,
      )
    ).json;
    expect(
      verifyConsistency(
        first.treeSize,
        second.treeSize,
        fromHex(first.rootHash),
        fromHex(second.rootHash),
        proof.map(fromHex),
      ),
    ).toBe(true);
    const bad = await t.request('GET', '/transparency/proofs/consistency?first=5&second=100000');
    expect(bad.status).toBe(400);
  });
});

describe('witnesses and the anchor', () => {
  it('accepts a configured witness’s cosignature of a head, shows it, and refuses a forged one', async () => {
    const head = await signHead();
    const witness = (await generateEd25519KeyPair()) as Ed25519KeyPair;
    const signer = { ...witness, id: 'witness.example#key-1', controller: 'witness.example' };
    const added = await t.request('POST', '/api/v1/transparency/witnesses', {
      token: testAdminToken,
      json: { name: 'witness.example', publicKeyMultibase: witness.publicKeyMultibase },
    });
    expect(added.status, added.text).toBe(201);
    const payload = {
      origin: head.origin,
      treeSize: head.treeSize,
      rootHash: head.rootHash,
      timestamp: head.timestamp,
    };
    const forged = await t.request('POST', '/transparency/cosignatures', {
      json: {
        treeSize: head.treeSize,
        witness: 'witness.example',
        signature: await cosignTreeHead({ ...payload, rootHash: '0'.repeat(64) }, signer),
      },
    });
    expect(forged.status).toBe(400);
    const signature = await cosignTreeHead(payload, signer);
    const accepted = await t.request('POST', '/transparency/cosignatures', {
      json: { treeSize: head.treeSize, witness: 'witness.example', signature },
    });
    expect(accepted.status, accepted.text).toBe(200);
    const shown = (await t.request('GET', `/transparency/sth/${head.treeSize}`)).json;
    expect(shown.cosignatures).toEqual([
      expect.objectContaining({ witness: 'witness.example', signature }),
    ]);
    expect(
      (await verifyTreeHeadSignature(signature, witness.publicKeyMultibase!, COSIGNATURE_TYPE))
        .valid,
    ).toBe(true);

    const anchor = await t.request('GET', '/transparency/anchor');
    expect(anchor.headers.get('content-type')).toMatch(/text\/plain/);
    expect(anchor.text).toContain('skillmark-tree-head/v1');
    expect(anchor.text).toContain(`tree-size ${head.treeSize}`);
    expect(anchor.text).toContain(`root-hash sha256:${head.rootHash}`);
    expect(anchor.text).toContain(`signature ${head.signature}`);
    expect(anchor.text).toContain(`cosignature witness.example`);
  });
});

describe('the auditor', () => {
  let state: AuditState;

  it('accepts an honest log that grows, and replays its entries against the status lists', async () => {
    await signHead();
    const first = await auditLog(base, undefined, fetchJson, { entries: true });
    expect(first.findings.filter((f) => f.severity === 'problem')).toEqual([]);
    expect(first.ok).toBe(true);
    await issue('Later');
    await signHead();
    const second = await auditLog(base, first.state, fetchJson, { entries: true });
    expect(second.ok, JSON.stringify(second.findings)).toBe(true);
    expect(second.findings.map((f) => f.message).join('\n')).toMatch(/Consistent/);
    state = second.state!;
  });

  it('detects a revocation that has no log entry', async () => {
    const { uuid } = await issue('Quietly revoked');
    await signHead();
    const row = await findIssuedCredential(t.ctx.db, uuid);
    // Bypass the service: flip the bit as a careless or dishonest operator would.
    await setStatusBit(
      t.ctx.db,
      { listId: row!.revocationListId!, index: row!.revocationIndex! },
      true,
      new Date(),
    );
    const report = await auditLog(base, state, fetchJson, { entries: true });
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.message).join('\n')).toMatch(
      new RegExp(`Bit ${row!.revocationIndex} of .* is set, but the log records no revocation`),
    );
    await setStatusBit(
      t.ctx.db,
      { listId: row!.revocationListId!, index: row!.revocationIndex! },
      false,
      new Date(),
    );
    state = (await auditLog(base, state, fetchJson, { entries: true })).state!;
  });

  it('detects a rewritten history: a changed past entry makes the new head a fork', async () => {
    const db = t.ctx.db;
    const rows = (await db.execute(
      sql`select leaf from transparency_entries order by index`,
    )) as unknown as { rows: Array<{ leaf: string }> };
    const leaves = rows.rows.map((r) => r.leaf);
    // Back-date the first issuance and rebuild the whole log from the edited entries.
    const edited = leaves.map((leaf, i) =>
      i === 0 ? leaf.replace(/"time":"[^"]+"/, '"time":"2000-01-01T00:00:00.000Z"') : leaf,
    );
    await db.transaction(async (tx) => {
      for (const table of [
        'transparency_cosignatures',
        'transparency_heads',
        'transparency_nodes',
        'transparency_entries',
        'transparency_log',
      ])
        await tx.execute(sql.raw(`delete from ${table}`));
      for (const leaf of edited) await appendLogEvent(tx, decodeLeaf(leaf)!, new Date());
    });
    await produceTreeHead(t.ctx);
    const report = await auditLog(base, state, fetchJson);
    expect(report.ok).toBe(false);
    const messages = report.findings.map((f) => f.message).join('\n');
    expect(messages).toMatch(/History rewritten/);
    expect(messages).toMatch(/Fork/);
    // The state is not advanced past a bad head.
    expect(report.state).toEqual(state);
  });
});
