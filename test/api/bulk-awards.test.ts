import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { minimalAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import { fromHex, leafHash, verifyInclusion } from '../../src/domain/transparency/merkle.ts';
import { runBulkAwards } from '../../src/services/bulk-awards/run.ts';
import { createBulkSigner } from '../../src/services/bulk-awards/signer.ts';
import { bulkAwardJobHandlers } from '../../src/services/bulk-awards/work.ts';
import { createJobRunner } from '../../src/services/jobs/runner.ts';
import { createTestApp, type TestApp, testAdminToken } from '../helpers/app.ts';
import {
  createOrganizationOwnedBy,
  createToken,
  signUpPerson,
  type TestPerson,
} from '../helpers/factories.ts';

let t: TestApp;
let owner: TestPerson;
let slug: string;
let issuerToken: string;
let achievementId: string;
let otherToken: string;
let otherAchievementId: string;

async function defineAchievement(orgSlug: string, token: string, validityDays?: number) {
  const created = await t.request('POST', `/api/v1/organizations/${orgSlug}/achievements`, {
    token,
    json: { ...minimalAchievementDefinition(), ...(validityDays ? { validityDays } : {}) },
  });
  expect(created.status, created.text).toBe(201);
  return created.json.id.split('/').at(-1) as string;
}

/** Works the queued bulk awards the way `skillmark start` does: through the job runner. */
async function runWorkers() {
  const runner = createJobRunner(
    t.ctx,
    bulkAwardJobHandlers(createBulkSigner({ threads: 0 }).sign),
  );
  return runner.runDue();
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPerson(t, 'Registrar');
  ({ slug } = await createOrganizationOwnedBy(t, owner));
  issuerToken = (await createToken(t, owner, slug, 'issuer')).secret;
  achievementId = await defineAchievement(slug, issuerToken, 365);
  const other = await signUpPerson(t, 'Other registrar');
  const otherOrg = await createOrganizationOwnedBy(t, other);
  otherToken = (await createToken(t, other, otherOrg.slug, 'issuer')).secret;
  otherAchievementId = await defineAchievement(otherOrg.slug, otherToken);
});
afterAll(() => t.close());

const create = (json: unknown, token = issuerToken, orgSlug = slug) =>
  t.request('POST', `/api/v1/organizations/${orgSlug}/bulk-awards`, { token, json });

describe('bulk awards: validation', () => {
  it('reports each rejected row with its reasons, and the report downloads as CSV', async () => {
    const csv = [
      'Email,Narrative,Evidence URL,Grade,Issue date,Achievement',
      'ada@example.org,Capstone,https://example.org/work/1,A,2026-01-15,',
      'not-an-email,,,,,',
      'ADA@example.org,again,,,,',
      `grace@example.org,,ftp://x,,2999-01-01,${otherAchievementId}`,
      '"=HYPERLINK(""http://evil"")",,,,,',
    ].join('\n');
    const response = await create({ achievementId, csv, fileName: 'graduates.csv' });
    expect(response.status, response.text).toBe(201);
    expect(response.json).toMatchObject({
      status: 'validated',
      fileName: 'graduates.csv',
      counts: { total: 5, rejected: 4, accepted: 1, issued: 0 },
    });
    const id = response.json.id;
    const report = await t.request('GET', `/api/v1/bulk-awards/${id}/rejected-rows`, {
      token: issuerToken,
    });
    expect(report.status).toBe(200);
    const byRow = Object.fromEntries(
      report.json.rejectedRows.map((r: { rowNumber: number; reasons: string[] }) => [
        r.rowNumber,
        r.reasons.join(' | '),
      ]),
    );
    expect(byRow[3]).toMatch(/not a valid email/);
    expect(byRow[4]).toMatch(/duplicate of row 2/);
    expect(byRow[5]).toMatch(/evidence URL .* not an http/);
    expect(byRow[5]).toMatch(/in the future/);
    expect(byRow[5]).toMatch(/achievement .* unknown/);
    const csvReport = await t.request('GET', `/api/v1/bulk-awards/${id}/rejected-rows?format=csv`, {
      token: issuerToken,
    });
    expect(csvReport.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csvReport.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'row,reasons,recipient,narrative,evidence_url,result,issue_date,achievement',
    );
    expect(lines).toHaveLength(5);
    // A formula echoed back is neutralized so the spreadsheet does not run it.
    expect(csvReport.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('refuses a file without a recipient column or with unknown columns as a whole', async () => {
    const noRecipient = await create({ achievementId, csv: 'name,grade\nAda,A\n' });
    expect(noRecipient.status).toBe(400);
    expect(noRecipient.headers.get('content-type')).toMatch(/problem\+json/);
    expect(noRecipient.json.detail).toMatch(/Unknown column.*"name"/);
    const unknownAchievement = await create({
      achievementId: otherAchievementId,
      rows: [{ recipient: 'ada@example.org' }],
    });
    expect(unknownAchievement.status).toBe(400);
    expect(unknownAchievement.json.errors[0].field).toBe('achievementId');
  });
});

describe('bulk awards: issuance', () => {
  it('issues every accepted row once, through the same guarantees as a single award', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      recipient: i % 5 === 0 ? `did:key:z6MkLearner${i}` : `learner${i}@example.org`,
      narrative: `Row ${i}`,
      result: i % 2 ? 'Pass' : 'Distinction',
      evidenceUrl: `https://example.org/evidence/${i}`,
      ...(i === 3 ? { issueDate: '2026-01-31' } : {}),
    }));
    const created = await create({ achievementId, rows, start: true, format: 'eddsa-jcs-2022' });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      status: 'running',
      counts: { accepted: 30, pending: 30 },
    });
    await runWorkers();
    const job = await t.request('GET', `/api/v1/bulk-awards/${created.json.id}`, {
      token: issuerToken,
    });
    expect(job.json).toMatchObject({
      status: 'completed',
      counts: { issued: 30, failed: 0, pending: 0 },
      failedRows: [],
    });
    const jobId = created.json.id as string;
    const credentials = await select<{
      id: string;
      signed: string;
      revocation_list_id: string;
      revocation_index: number;
    }>(sql`select c.id, c.signed, c.revocation_list_id, c.revocation_index from issued_credentials c
       join bulk_award_rows r on r.credential_id = c.id where r.job_id = ${jobId}`);
    expect(credentials).toHaveLength(30);
    const slots = new Set(credentials.map((c) => `${c.revocation_list_id}:${c.revocation_index}`));
    expect(slots.size).toBe(30);
    const documents = credentials.map((c) => JSON.parse(c.signed));
    const row3 = documents.find((c) => c.validFrom === '2026-01-31T00:00:00Z');
    expect(row3, 'the issue date becomes validFrom').toBeDefined();
    expect(row3.validUntil).toBe('2027-01-31T00:00:00Z');
    expect(row3.credentialSubject.result).toEqual([expect.objectContaining({ value: 'Pass' })]);
    expect(row3.evidence[0].id).toBe('https://example.org/evidence/3');
    for (const document of documents.slice(0, 3)) {
      const verified = await t.request('POST', '/credentials/verify', {
        json: { verifiableCredential: document },
      });
      expect(verified.json.verified, verified.text).toBe(true);
    }
    const hashes = new Set(credentials.map((c) => createHashHex(c.signed)));
    const logged = await select<{ credential_hash: string }>(
      sql`select credential_hash from transparency_entries where event_type = 'credential.issued'`,
    );
    expect(logged.filter((e) => hashes.has(e.credential_hash))).toHaveLength(30);
    // The batch append builds the same Merkle tree as one append per credential: every
    // credential's inclusion proof checks out against a signed tree head.
    const head = await t.request('POST', '/api/v1/transparency/sth', { token: testAdminToken });
    for (const credential of credentials) {
      const proof = (
        await t.request('GET', `/transparency/proofs/inclusion?credential=${credential.id}`)
      ).json;
      expect(
        verifyInclusion(
          leafHash(new TextEncoder().encode(proof.leaf)),
          proof.leafIndex,
          proof.treeSize,
          proof.auditPath.map(fromHex),
          fromHex(head.json.rootHash),
        ),
      ).toBe(true);
    }
    const [audited] = await select<{ n: number }>(
      sql`select count(*)::int as n from audit_events a join bulk_award_rows r on a.target = r.credential_id::text
          where a.action = 'credential.issued' and r.job_id = ${jobId}`,
    );
    expect(audited!.n).toBe(30);
    const [events] = await select<{ n: number }>(
      sql`select count(*)::int as n from credential_events e join bulk_award_rows r on e.issued_credential_id = r.credential_id
          where e.type = 'issued' and r.job_id = ${jobId}`,
    );
    expect(events!.n, 'one issued event per credential').toBe(30);
    const [reminders] = await select<{ n: number }>(
      sql`select count(distinct j.payload->>'credentialId')::int as n from jobs j join bulk_award_rows r
          on j.payload->>'credentialId' = r.credential_id::text
          where j.kind = 'credential-expiry-reminder' and r.job_id = ${jobId}`,
    );
    expect(reminders!.n).toBe(30);
  });

  it('fails rows whose achievement was archived after the start, and retries them once it is fixed', async () => {
    const archivable = await defineAchievement(slug, issuerToken);
    const created = await create({
      achievementId,
      rows: [
        { recipient: 'first@example.org' },
        { recipient: 'second@example.org', achievementId: archivable },
      ],
      start: true,
    });
    const id = created.json.id;
    await t.ctx.db.execute(
      sql`update achievements set archived_at = now() where id = ${archivable}`,
    );
    await runWorkers();
    const failed = await t.request('GET', `/api/v1/bulk-awards/${id}`, { token: issuerToken });
    expect(failed.json).toMatchObject({ status: 'completed', counts: { issued: 1, failed: 1 } });
    expect(failed.json.failedRows).toEqual([
      { rowNumber: 2, recipient: 'second@example.org', error: expect.stringMatching(/archived/) },
    ]);
    await t.ctx.db.execute(
      sql`update achievements set archived_at = null where id = ${archivable}`,
    );
    const retried = await t.request('POST', `/api/v1/bulk-awards/${id}/retry`, {
      token: issuerToken,
    });
    expect(retried.json).toMatchObject({ requeued: 1, bulkAward: { status: 'running' } });
    await runWorkers();
    const done = await t.request('GET', `/api/v1/bulk-awards/${id}`, { token: issuerToken });
    expect(done.json).toMatchObject({ status: 'completed', counts: { issued: 2, failed: 0 } });
    const [stored] = await select<{ n: number }>(
      sql`select count(*)::int as n from issued_credentials c join bulk_award_rows r on r.credential_id = c.id where r.job_id = ${id}`,
    );
    expect(stored!.n).toBe(2);
  });

  it.skipIf(inject('testDatabase').kind !== 'postgres')(
    'shares a list between concurrent workers on PostgreSQL without issuing a row twice',
    async () => {
      const rows = Array.from({ length: 60 }, (_, i) => ({ recipient: `shared${i}@example.org` }));
      const created = await create({ achievementId, rows, start: true });
      const sign = createBulkSigner({ threads: 0 }).sign;
      const work = () => runBulkAwards(t.ctx, { jobId: created.json.id, sign, batchSize: 5 });
      const [a, b] = await Promise.all([work(), work()]);
      expect(a.issued + b.issued).toBe(60);
      expect(a.issued, 'the first worker took a share').toBeGreaterThan(0);
      expect(b.issued, 'the second worker took a share').toBeGreaterThan(0);
      const [stored] = await select<{ n: number; slots: number }>(
        sql`select count(*)::int as n, count(distinct (c.revocation_list_id, c.revocation_index))::int as slots
            from issued_credentials c join bulk_award_rows r on r.credential_id = c.id where r.job_id = ${created.json.id}`,
      );
      expect(stored).toEqual({ n: 60, slots: 60 });
    },
  );

  it('starts a validated list once; rejected rows stay out', async () => {
    const created = await create({
      achievementId,
      rows: [{ recipient: 'x@example.org' }, { recipient: 'nope' }],
      start: true,
    });
    expect(created.json.status, 'a list with rejected rows waits for the issuer').toBe('validated');
    const started = await t.request('POST', `/api/v1/bulk-awards/${created.json.id}/start`, {
      token: issuerToken,
    });
    expect(started.json).toMatchObject({ status: 'running', counts: { pending: 1, rejected: 1 } });
    const again = await t.request('POST', `/api/v1/bulk-awards/${created.json.id}/start`, {
      token: issuerToken,
    });
    expect(again.status).toBe(409);
  });
});

describe('bulk awards: who may', () => {
  it("keeps other organizations and non-issuers out of an organization's bulk awards", async () => {
    const created = await create({ achievementId, rows: [{ recipient: 'y@example.org' }] });
    const id = created.json.id;
    for (const path of [`/api/v1/bulk-awards/${id}`, `/api/v1/bulk-awards/${id}/rejected-rows`])
      expect((await t.request('GET', path, { token: otherToken })).status).toBe(404);
    expect(
      (await t.request('POST', `/api/v1/bulk-awards/${id}/start`, { token: otherToken })).status,
    ).toBe(404);
    expect(
      (await t.request('POST', `/api/v1/bulk-awards/${id}/retry`, { token: otherToken })).status,
    ).toBe(404);
    expect(
      (await create({ achievementId, rows: [{ recipient: 'z@example.org' }] }, otherToken)).status,
    ).toBe(403);
    expect(
      (await t.request('GET', `/api/v1/organizations/${slug}/bulk-awards`, { token: otherToken }))
        .status,
    ).toBe(403);
    const viewer = (await createToken(t, owner, slug, 'viewer')).secret;
    expect((await t.request('GET', `/api/v1/bulk-awards/${id}`, { token: viewer })).status).toBe(
      403,
    );
    expect(
      (await create({ achievementId, rows: [{ recipient: 'z@example.org' }] }, viewer)).status,
    ).toBe(403);
    expect((await t.request('GET', `/api/v1/bulk-awards/${id}`)).status).toBe(401);
    const list = await t.request('GET', `/api/v1/organizations/${slug}/bulk-awards`, {
      token: issuerToken,
    });
    expect(list.json.bulkAwards.map((b: { id: string }) => b.id)).toContain(id);
  });
});

async function select<T>(query: SQL): Promise<T[]> {
  return ((await t.ctx.db.execute(query)) as unknown as { rows: T[] }).rows;
}

function createHashHex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
