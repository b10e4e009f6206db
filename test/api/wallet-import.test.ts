import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bakePng, extractFromPng } from '../../src/credentials/baking/index.ts';
import { iTxt, tinyPng } from '../../src/credentials/baking/testing.ts';
import type { SafeFetch } from '../../src/credentials/index.ts';
import { importCredential } from '../../src/services/wallet/import-credential.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  createExampleIssuersFetch,
  ob3ExamplesDir,
  readOb3Example,
  safeResponse,
} from '../helpers/example-issuers.ts';
import { sameOrigin, signUpPerson, type TestPerson } from '../helpers/factories.ts';
import { sharedDataPath } from '../helpers/shared-data.ts';
import { awardIntoWallet, createIssuer } from '../helpers/wallet-fixtures.ts';

const examplesDir = ob3ExamplesDir;
const readBytes = readOb3Example;
const response = safeResponse;

let t: TestApp;
let learner: TestPerson;
const clock = { now: new Date('2026-05-14T09:30:00Z') };

beforeAll(async () => {
  t = await createTestApp({
    now: () => clock.now,
    safeFetch: createExampleIssuersFetch(),
  });
  learner = await signUpPerson(t, 'Ida Importer');
});
afterAll(() => t.close());
afterEach(() => vi.restoreAllMocks());

const importAs = (person: TestPerson, json: unknown) =>
  t.request('POST', '/api/v1/me/credentials/import', {
    cookie: person.cookie,
    headers: sameOrigin,
    json,
  });
const file = (name: string, bytes: Uint8Array) => ({
  file: { name, contentBase64: Buffer.from(bytes).toString('base64') },
});
const check = (entry: { verification: Array<{ check: string }> }, name: string) =>
  entry.verification.find((c) => c.check === name);

describe.skipIf(!examplesDir)('importing the 1EdTech baked badges', () => {
  it('the baked PNG (JSON inside) imports and shows its verification: the proof passes', async () => {
    const imported = await importAs(learner, file('simple-json.png', readBytes('simple-json.png')));
    expect(imported.status, imported.text).toBe(201);
    expect(imported.headers.get('location')).toBe(`/api/v1/me/credentials/${imported.json.id}`);
    expect(imported.json).toMatchObject({
      source: 'imported',
      receivedAs: 'png',
      issuerId: 'https://example.com/issuers/876543',
      issuerName: 'Example Corp',
      achievementName: 'Teamwork',
      issuedOn: '2010-01-01T00:00:00.000Z',
    });
    expect(check(imported.json, 'proof')).toMatchObject({ outcome: 'passed' });
    expect(check(imported.json, 'issuer-key')).toMatchObject({ outcome: 'passed' });
    // An issuer unknown to this platform is a warning, not a failure.
    expect(check(imported.json, 'trust')).toMatchObject({ outcome: 'warning' });
    expect(imported.json.status).toBe('valid');
    expect(imported.json.verified).toBe(true);

    const listed = await t.request('GET', `/api/v1/me/credentials/${imported.json.id}`, {
      cookie: learner.cookie,
    });
    expect(listed.status).toBe(200);
    expect(listed.json.content).toBe(extractFromPng(readBytes('simple-json.png')));
  });

  it('the baked SVG with a JWT: its key is only embedded in the JWT header, and that is said', async () => {
    const imported = await importAs(learner, file('simple-jwt.svg', readBytes('simple-jwt.svg')));
    expect(imported.status, imported.text).toBe(201);
    expect(imported.json.receivedAs).toBe('svg');
    expect(check(imported.json, 'issuer-key')).toMatchObject({
      outcome: 'failed',
      detail: expect.stringContaining('embedded in the JWT header'),
    });
    expect(imported.json.status).toBe('invalid');
  });

  it('importing the same badge again returns the entry already there', async () => {
    const first = await importAs(learner, file('simple-json.png', readBytes('simple-json.png')));
    const again = await importAs(learner, { text: extractFromPng(readBytes('simple-json.png')) });
    expect(again.json.id).toBe(first.json.id);
  });

  it('a tampered credential imports as invalid, never valid, pasted or re-baked', async () => {
    const original = JSON.parse(extractFromPng(readBytes('simple-json.png')));
    const tampered = JSON.stringify({ ...original, name: 'Leadership Badge' });
    const pasted = await importAs(learner, { text: tampered });
    expect(pasted.status, pasted.text).toBe(201);
    expect(pasted.json.receivedAs).toBe('json');
    expect(check(pasted.json, 'proof')).toMatchObject({ outcome: 'failed' });
    expect(pasted.json.status).toBe('invalid');
    expect(pasted.json.verified).toBe(false);

    const rebaked = await importAs(
      learner,
      file(
        'badge.png',
        bakePng(
          readBytes('simple-json.png'),
          JSON.stringify({ ...original, validFrom: '2009-01-01T00:00:00Z' }),
        ),
      ),
    );
    expect(rebaked.json.receivedAs).toBe('png');
    expect(rebaked.json.status).toBe('invalid');
  });
});

describe('refusals', () => {
  it('an SVG with a DOCTYPE and ENTITY declaration is refused with a clear message', async () => {
    const svg = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential>&xxe;</openbadges:credential></svg>`;
    const refused = await importAs(learner, file('evil.svg', new TextEncoder().encode(svg)));
    expect(refused.status).toBe(400);
    expect(refused.json.errors).toEqual([
      {
        field: 'file',
        message: expect.stringContaining('SVG images with ENTITY declarations are refused'),
      },
    ]);
    const pasted = await importAs(learner, { text: svg });
    expect(pasted.json.errors[0].field).toBe('text');
  });

  it('a URL to 127.0.0.1 is refused without any request', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const refused = await importAs(learner, { url: 'https://127.0.0.1/credential.json' });
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0]).toEqual({
      field: 'url',
      message: expect.stringContaining('non-public address 127.0.0.1'),
    });
    const http = await importAs(learner, { url: 'http://example.org/credential.json' });
    expect(http.status).toBe(400);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('a PNG with two credential chunks is refused', async () => {
    const jwt = 'eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6ZXhhbXBsZToxIn0.c2lnbmF0dXJl';
    const png = tinyPng(iTxt('openbadgecredential', jwt), iTxt('openbadgecredential', jwt));
    const refused = await importAs(learner, file('two.png', png));
    expect(refused.status).toBe(400);
    expect(refused.json.detail).toBe(
      'The PNG image holds 2 credential chunks; a baked badge holds exactly one.',
    );
  });

  it.each([
    [{ text: 'hello world' }, 'This is not a credential we can read'],
    [{ text: '{"name": "not a credential"}' }, 'This JSON is not a credential'],
    [{ text: '{"broken": ' }, 'This is not valid JSON'],
    [
      file('photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])),
      'Only PNG and SVG badge images',
    ],
    [file('empty.png', tinyPng()), 'holds no baked Open Badges credential'],
  ])('garbage %j is refused with a reason', async (body, reason) => {
    const refused = await importAs(learner, body);
    expect(refused.status).toBe(400);
    expect(refused.json.detail).toContain(reason);
  });

  it('the body must be one of text, url or file; tokens and anonymous callers are refused', async () => {
    expect((await importAs(learner, { text: 'x', url: 'https://a.example' })).status).toBe(400);
    const anonymous = await t.request('POST', '/api/v1/me/credentials/import', {
      json: { text: '{}' },
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('the import service', () => {
  it('imports from a URL that serves a baked PNG, through the injected safe fetch', async () => {
    const asked: string[] = [];
    const safeFetch: SafeFetch = async (url, init) => {
      asked.push(`${url} ${init?.accept?.includes('image/png') ? 'accepts png' : ''}`);
      return response(url, readBytes('simple-json.png'), 'image/png');
    };
    if (!examplesDir) return;
    const { entry } = await importCredential(
      t.ctx,
      t.ctx.verifyCredential,
      learner.accountId,
      { url: 'https://badges.example.org/teamwork.png' },
      { safeFetch },
    );
    expect(asked).toEqual(['https://badges.example.org/teamwork.png accepts png']);
    expect(entry).toMatchObject({ receivedAs: 'png', achievementName: 'Teamwork' });
  });

  it('an issued credential of this platform imports as valid, and a revoked one as revoked', async () => {
    const issuer = await createIssuer(t);
    const holder = await signUpPerson(t, 'Holder');
    const { content, credentialId } = await awardIntoWallet(t, issuer, holder);
    const other = await signUpPerson(t, 'Other Learner');
    const imported = await importAs(other, { text: content });
    expect(imported.json).toMatchObject({ receivedAs: 'json', status: 'valid' });
    // The published status list is cached by its last change time: let time pass, as it does.
    clock.now = new Date(clock.now.getTime() + 60_000);
    const revoke = await t.request('POST', `/api/v1/credentials/${credentialId}/status`, {
      token: issuer.token,
      json: { action: 'revoke', reason: 'test' },
    });
    expect(revoke.status, revoke.text).toBe(200);
    const third = await signUpPerson(t, 'Third');
    const revoked = await importAs(third, { text: content });
    expect(revoked.json.status).toBe('revoked');
    expect(revoked.json.verified).toBe(false);
  });

  it('a CLR 2.0 credential imports as clr and lists its achievements', async () => {
    const clrPath = sharedDataPath('standards/examples/clr2/simple.json');
    if (!clrPath) return;
    const imported = await importAs(learner, { text: readFileSync(clrPath, 'utf8') });
    expect(imported.status, imported.text).toBe(201);
    expect(imported.json.receivedAs).toBe('clr');
    expect(imported.json.achievements.map((a: { name: string }) => a.name)).toEqual(
      expect.arrayContaining(['Achievement 1', 'Teamwork']),
    );
  });

  it('an Open Badges 2.0 hosted badge imports as ob2, verified through the injected fetch', async () => {
    const assertionUrl = 'https://badges.example.org/assertions/7';
    const assertion = {
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      id: assertionUrl,
      recipient: { type: 'email', hashed: false, identity: 'ida@example.org' },
      badge: 'https://badges.example.org/badges/teamwork',
      verification: { type: 'hosted' },
      issuedOn: '2024-01-15T10:00:00Z',
    };
    const documents: Record<string, unknown> = {
      [assertionUrl]: assertion,
      'https://badges.example.org/badges/teamwork': {
        type: 'BadgeClass',
        id: 'https://badges.example.org/badges/teamwork',
        name: 'Teamwork (OB 2.0)',
        issuer: 'https://badges.example.org/issuer',
        alignment: [{ targetName: 'Collaborate', targetUrl: 'https://esco.example/skill/1' }],
      },
      'https://badges.example.org/issuer': {
        type: 'Issuer',
        id: 'https://badges.example.org/issuer',
        name: 'Old Badges Inc.',
      },
    };
    const asked: string[] = [];
    const safeFetch: SafeFetch = async (url) => {
      asked.push(url);
      if (!(url in documents)) throw new Error(`offline: ${url}`);
      return response(url, JSON.stringify(documents[url]));
    };
    // A baked PNG that carries only the assertion's URL (OB 2.0 hosted baking).
    const png = tinyPng(iTxt('openbadges', assertionUrl));
    const { entry } = await importCredential(
      t.ctx,
      t.ctx.verifyCredential,
      learner.accountId,
      { file: png, fileName: 'old-badge.png' },
      { safeFetch },
    );
    expect(entry).toMatchObject({
      receivedAs: 'ob2',
      status: 'valid',
      issuerName: 'Old Badges Inc.',
      achievementName: 'Teamwork (OB 2.0)',
      skills: [{ name: 'Collaborate', url: 'https://esco.example/skill/1' }],
      issuedOn: '2024-01-15T10:00:00.000Z',
    });
    expect(entry.verification.find((c) => c.check === 'format')?.outcome).toBe('warning');
    expect(asked[0]).toBe(assertionUrl);
  });
});
