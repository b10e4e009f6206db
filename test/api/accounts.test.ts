import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signUpPerson, unique } from '../helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function accountCount(): Promise<number> {
  const rows = await t.ctx.db.execute(sql`select count(*)::int as n from accounts`);
  return Number((rows as unknown as { rows: Array<{ n: number }> }).rows[0]!.n);
}

describe('sign-up and sign-in', () => {
  it('creates an account, sets an HTTP-only SameSite session cookie and never returns the password', async () => {
    const email = `${unique('ada')}@Example.org`;
    const response = await t.request('POST', '/api/v1/accounts', {
      json: { email, password: 'correct horse battery', displayName: 'Ada' },
    });
    expect(response.status).toBe(201);
    expect(response.json.emails).toEqual([
      { email: email.toLowerCase(), primary: true, verified: false },
    ]);
    expect(response.setCookie).toMatch(/skillmark_session=sess_[\w-]+;/);
    expect(response.setCookie).toMatch(/HttpOnly/);
    expect(response.setCookie).toMatch(/SameSite=Lax/);
    expect(response.text).not.toContain('correct horse battery');
    expect(response.text).not.toContain('scrypt');
  });

  it('signs in with the right password only, with the same message for unknown emails', async () => {
    const person = await signUpPerson(t);
    const ok = await t.request('POST', '/api/v1/sessions', {
      json: { email: person.email, password: person.password },
    });
    expect(ok.status).toBe(200);
    const me = await t.request('GET', '/api/v1/me', { cookie: ok.setCookie!.split(';')[0] });
    expect(me.json.id).toBe(person.accountId);

    const wrong = await t.request('POST', '/api/v1/sessions', {
      json: { email: person.email, password: 'not the password' },
    });
    const unknown = await t.request('POST', '/api/v1/sessions', {
      json: { email: 'nobody@example.org', password: 'x' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json.detail).toBe(unknown.json.detail);
    expect(wrong.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses a second account with the same email, in any letter case, and writes nothing', async () => {
    const person = await signUpPerson(t);
    const before = await accountCount();
    const response = await t.request('POST', '/api/v1/accounts', {
      json: {
        email: person.email.toUpperCase(),
        password: 'another password',
        displayName: 'Copy',
      },
    });
    expect(response.status).toBe(409);
    expect(response.json.code).toBe('conflict');
    expect(await accountCount()).toBe(before);
  });

  it('signs out: the session stops working', async () => {
    const person = await signUpPerson(t);
    const out = await t.request('DELETE', '/api/v1/sessions/current', {
      cookie: person.cookie,
      headers: { origin: 'http://localhost:3000' },
    });
    expect(out.status).toBe(204);
    expect((await t.request('GET', '/api/v1/me', { cookie: person.cookie })).status).toBe(401);
  });
});

describe('bad input gets problem+json and writes nothing', () => {
  it('malformed JSON → 400 malformed_json', async () => {
    const before = await accountCount();
    const response = await t.request('POST', '/api/v1/accounts', {
      body: '{"email": "a@example.org", "password": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.json).toMatchObject({
      status: 400,
      code: 'malformed_json',
      type: '/problems/malformed_json',
    });
    expect(await accountCount()).toBe(before);
  });

  it('wrong types name the field', async () => {
    const response = await t.request('POST', '/api/v1/accounts', {
      json: { email: 'not-an-email', password: 12345, displayName: 'X' },
    });
    expect(response.status).toBe(400);
    expect(response.json.code).toBe('validation_failed');
    const fields = response.json.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password']));
    expect(response.json.detail).toContain('email');
  });

  it('unknown fields are refused by name (no silent mass assignment)', async () => {
    const response = await t.request('POST', '/api/v1/accounts', {
      json: {
        email: `${unique('x')}@example.org`,
        password: 'long enough password',
        displayName: 'X',
        isAdmin: true,
      },
    });
    expect(response.status).toBe(400);
    expect(response.json.errors).toContainEqual({
      field: 'isAdmin',
      message: 'is not a known field',
    });
  });

  it('oversize bodies → 413', async () => {
    const before = await accountCount();
    const response = await t.request('POST', '/api/v1/accounts', {
      json: {
        email: 'big@example.org',
        password: 'long enough password',
        displayName: 'x'.repeat(2_000_000),
      },
    });
    expect(response.status).toBe(413);
    expect(response.json.code).toBe('payload_too_large');
    expect(await accountCount()).toBe(before);
  });

  it('a body that is not JSON → 415', async () => {
    const response = await t.request('POST', '/api/v1/accounts', {
      body: 'email=a@example.org',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(415);
    expect(response.json.code).toBe('unsupported_media_type');
  });

  it('unknown paths → 404 problem+json', async () => {
    const response = await t.request('GET', '/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.json.code).toBe('not_found');
  });
});

describe('one learner cannot read another', () => {
  it("another learner's account is 404, anonymous is 401", async () => {
    const ada = await signUpPerson(t, 'Ada');
    const bob = await signUpPerson(t, 'Bob');
    expect(
      (await t.request('GET', `/api/v1/accounts/${ada.accountId}`, { cookie: ada.cookie })).status,
    ).toBe(200);
    const other = await t.request('GET', `/api/v1/accounts/${ada.accountId}`, {
      cookie: bob.cookie,
    });
    expect(other.status).toBe(404);
    expect(other.text).not.toContain(ada.email);
    expect((await t.request('GET', `/api/v1/accounts/${ada.accountId}`)).status).toBe(401);
  });

  it('the operator admin token may read any account', async () => {
    const ada = await signUpPerson(t, 'Ada');
    const response = await t.request('GET', `/api/v1/accounts/${ada.accountId}`, {
      token: 'admin-'.padEnd(46, 'x'),
    });
    expect(response.status).toBe(200);
  });
});

describe('rate limiting on authentication', () => {
  it('refuses the 11th sign-in attempt within a minute with 429 and Retry-After', async () => {
    const limited = await createTestApp({ now: () => new Date('2026-01-01T10:00:05Z') });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 11; attempt++) {
        const response = await limited.request('POST', '/api/v1/sessions', {
          json: { email: 'who@example.org', password: 'guess' },
          headers: { 'x-forwarded-for': '203.0.113.7' },
        });
        statuses.push(response.status);
        if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBe(55);
      }
      expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
      expect(statuses[10]).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('secrets stay out of logs', () => {
  it('no password, session token or cookie appears in any log line', async () => {
    const person = await signUpPerson(t);
    await t.request('GET', '/api/v1/me', { cookie: person.cookie });
    const logs = t.logs.join('\n');
    expect(logs).toContain('"path":"/api/v1/me"');
    expect(logs).not.toContain(person.password);
    expect(logs).not.toContain(person.cookie.split('=')[1]);
    expect(logs).not.toMatch(/sess_[\w-]{20,}/);
  });
});

describe('upload routes', () => {
  it('accept bodies over the JSON limit up to the upload limit, and refuse beyond with 413', async () => {
    const big = 'x'.repeat(2_000_000);
    const upload = await t.request(
      'POST',
      '/api/v1/project-assessments/00000000-0000-4000-8000-000000000000/submissions',
      { json: { text: big } },
    );
    expect(upload.status).not.toBe(413);
    const tooBig = await t.request(
      'POST',
      '/api/v1/project-assessments/00000000-0000-4000-8000-000000000000/submissions',
      { json: { text: 'x'.repeat(27_000_000) } },
    );
    expect(tooBig.status).toBe(413);
  });
});
