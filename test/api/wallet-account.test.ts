import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { listNotifications } from '../../src/db/repositories/notifications.ts';
import { fullAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  addMember,
  createOrganizationOwnedBy,
  createToken,
  sameOrigin,
  signUpPerson,
  type TestPerson,
} from '../helpers/factories.ts';

let t: TestApp;
let owner: TestPerson;
let slug: string;
let issuerToken: string;
let achievementId: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPerson(t, 'Owner');
  ({ slug } = await createOrganizationOwnedBy(t, owner));
  issuerToken = (await createToken(t, owner, slug, 'issuer')).secret;
  const created = await t.request('POST', `/api/v1/organizations/${slug}/achievements`, {
    token: issuerToken,
    json: fullAchievementDefinition(),
  });
  expect(created.status, created.text).toBe(201);
  achievementId = created.json.id.split('/').at(-1);
});
afterAll(() => t.close());

async function rows(query: SQL): Promise<unknown[]> {
  return ((await t.ctx.db.execute(query)) as unknown as { rows: unknown[] }).rows;
}

const me = (person: TestPerson) => ({ cookie: person.cookie, headers: sameOrigin });

/** A learner whose sign-up address is verified and who holds one JSON and one JWT credential. */
async function learnerWithCredentials() {
  const learner = await signUpPerson(t, 'Exporter');
  await t.request(
    'POST',
    `/api/v1/me/emails/${encodeURIComponent(learner.email)}/verification`,
    me(learner),
  );
  const mail = (await listNotifications(t.ctx.db, { accountId: learner.accountId })).find(
    (m) => m.kind === 'email.verify',
  );
  const token = new URL(mail!.link!).searchParams.get('token');
  const verified = await t.request('POST', '/api/v1/me/emails/verify', {
    ...me(learner),
    json: { token },
  });
  expect(verified.status, verified.text).toBe(200);
  const issued: Array<{ id: string; signed: string }> = [];
  for (const format of ['eddsa-rdfc-2022', 'vc-jwt']) {
    const response = await t.request('POST', `/api/v1/achievements/${achievementId}/awards`, {
      token: issuerToken,
      json: { recipient: { email: learner.email }, format },
    });
    expect(response.status, response.text).toBe(201);
    const vc = response.json.verifiableCredential;
    issued.push({ id: response.json.id, signed: typeof vc === 'string' ? vc : '' });
  }
  return { learner, issued };
}

function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

async function download(person: TestPerson) {
  const response = await t.app.request('/api/v1/me/export', {
    headers: { cookie: person.cookie },
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

describe('account export', () => {
  it('is a zip with account.json and every credential verbatim', async () => {
    const { learner } = await learnerWithCredentials();
    const exported = await download(learner);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('application/zip');
    expect(exported.headers.get('content-disposition')).toMatch(
      /attachment; filename="skillmark-export-/,
    );
    const files = await unzip(exported.bytes);
    const account = JSON.parse(files.get('account.json')!.toString());
    expect(account.profile.id).toBe(learner.accountId);
    expect(JSON.stringify(account)).not.toMatch(/password|scrypt/i);
    expect(account.emails[0]).toMatchObject({ email: learner.email, primary: true });

    const list = (await t.request('GET', '/api/v1/me/credentials', me(learner))).json.credentials;
    expect(list).toHaveLength(2);
    for (const entry of list) {
      const detail = await t.request('GET', `/api/v1/me/credentials/${entry.id}`, me(learner));
      const name = [...files.keys()].find((f) => f.startsWith(`credentials/${entry.id}.`))!;
      expect(name.endsWith(entry.receivedAs === 'jwt' ? '.jwt' : '.json')).toBe(true);
      expect(files.get(name)!.toString()).toBe(detail.json.content);
    }
    for (const name of ['submissions.json', 'quiz-attempts.json', 'notifications.json']) {
      expect(Array.isArray(JSON.parse(files.get(name)!.toString()))).toBe(true);
    }
    // The verification link (a capability) is not copied into the export.
    expect(files.get('notifications.json')!.toString()).not.toMatch(/token=/);
  });

  it('is only ever the signed-in account’s own', async () => {
    expect((await download({ cookie: '' } as TestPerson)).status).toBe(401);
    const byToken = await t.request('GET', '/api/v1/me/export', { token: issuerToken });
    expect(byToken.status).toBe(401);
  });
});

describe('account deletion', () => {
  it('needs the password, keeps issued credentials and audits the deletion without personal data', async () => {
    const { learner, issued } = await learnerWithCredentials();
    const wrong = await t.request('DELETE', '/api/v1/me', {
      ...me(learner),
      json: { password: 'not the password' },
    });
    expect(wrong.status).toBe(400);
    const deleted = await t.request('DELETE', '/api/v1/me', {
      ...me(learner),
      json: { password: learner.password },
    });
    expect(deleted.status, deleted.text).toBe(204);

    // Signed out for good: the session went with the account.
    expect((await t.request('GET', '/api/v1/me', me(learner))).status).toBe(401);
    // The issuer's records stay: the credential's public page still answers.
    for (const credential of issued)
      expect((await t.request('GET', `/credentials/${credential.id}`)).status).toBe(200);
    const wallet = await rows(
      sql`select 1 from wallet_credentials where account_id = ${learner.accountId}`,
    );
    expect(wallet).toHaveLength(0);
    const emails = await rows(
      sql`select 1 from account_emails where account_id = ${learner.accountId}`,
    );
    expect(emails).toHaveLength(0);
    const kept = await rows(
      sql`select 1 from issued_credentials where recipient_email = ${learner.email}`,
    );
    expect(kept).toHaveLength(2);
    const audit = await rows(
      sql`select actor, target, detail from audit_events where action = 'account.deleted' and target = ${learner.accountId}`,
    );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain(learner.email);
    // The address is free again.
    const again = await t.request('POST', '/api/v1/accounts', {
      json: { email: learner.email, password: 'a long enough password', displayName: 'New' },
    });
    expect(again.status).toBe(201);
  });

  it('refuses the last owner of an organization until ownership is handed over', async () => {
    const founder = await signUpPerson(t, 'Founder');
    const { slug: own } = await createOrganizationOwnedBy(t, founder);
    const refused = await t.request('DELETE', '/api/v1/me', {
      ...me(founder),
      json: { password: founder.password },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toMatch(/last owner/);
    const successor = await signUpPerson(t, 'Successor');
    await addMember(t, founder, own, successor, 'owner');
    const deleted = await t.request('DELETE', '/api/v1/me', {
      ...me(founder),
      json: { password: founder.password },
    });
    expect(deleted.status, deleted.text).toBe(204);
  });
});
