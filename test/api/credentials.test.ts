import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSafeFetch } from '../../src/credentials/index.ts';
import { openPrivateKey } from '../../src/services/issuers/key-sealing.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  addMember,
  createOrganizationOwnedBy,
  createToken,
  sameOrigin,
  signUpPerson,
  type TestPerson,
  unsignedBadge,
} from '../helpers/factories.ts';
import { sharedDataPath } from '../helpers/shared-data.ts';

const schemaPath = sharedDataPath('standards/schemas/ob_v3p0_achievementcredential_schema.json');

let fetchSpy: ReturnType<typeof vi.fn>;
let t: TestApp;
let owner: TestPerson;
let slug: string;
let issuerToken: string;
let issuerId: string;

beforeAll(async () => {
  fetchSpy = vi.fn(async () => new Response('{}'));
  t = await createTestApp({
    safeFetch: createSafeFetch({ fetchImpl: fetchSpy as unknown as typeof fetch }),
  });
  owner = await signUpPerson(t, 'Owner');
  ({ slug } = await createOrganizationOwnedBy(t, owner));
  issuerToken = (await createToken(t, owner, slug, 'issuer')).secret;
  issuerId = (await t.request('GET', `/api/v1/organizations/${slug}/issuer`)).json.id;
});
afterAll(() => t.close());

async function issue(credential: unknown, options?: Record<string, unknown>, token = issuerToken) {
  return t.request('POST', '/credentials/issue', {
    token,
    json: { credential, ...(options ? { options } : {}) },
  });
}

async function verify(verifiableCredential: unknown) {
  return t.request('POST', '/credentials/verify', { json: { verifiableCredential } });
}

describe('issuer profile', () => {
  it('is an OB3 Profile under a did:key when the public URL is not https', async () => {
    const response = await t.request('GET', `/api/v1/organizations/${slug}/issuer`);
    expect(response.status).toBe(200);
    expect(response.json.id).toMatch(/^did:key:z6Mk/);
    expect(response.json.type).toContain('Profile');
    expect(response.text).not.toMatch(/secret|sealed|privateKey/i);
  });
});

describe('issuer profile fields', () => {
  it('carries logo, country and official identifiers into the Profile and the credentials', async () => {
    const editor = await signUpPerson(t, 'Editor');
    const org = await createOrganizationOwnedBy(t, editor);
    const patch = await t.request('PATCH', `/api/v1/organizations/${org.slug}`, {
      cookie: editor.cookie,
      headers: sameOrigin,
      json: {
        url: 'https://www.uni.example',
        email: 'registrar@uni.example',
        imageUrl: 'https://www.uni.example/logo.png',
        country: 'de',
        officialIdentifiers: [{ identifierType: 'ext:ErasmusCode', identifier: 'D BERLIN01' }],
      },
    });
    expect(patch.status, patch.text).toBe(200);
    const profile = (await t.request('GET', `/api/v1/organizations/${org.slug}/issuer`)).json;
    expect(profile).toMatchObject({
      url: 'https://www.uni.example',
      email: 'registrar@uni.example',
    });
    expect(JSON.stringify(profile)).toContain('D BERLIN01');
    expect(JSON.stringify(profile)).toContain('"DE"');
    const token = (await createToken(t, editor, org.slug, 'issuer')).secret;
    const vc = (await issue(unsignedBadge(profile.id), undefined, token)).json.verifiableCredential;
    expect(vc.issuer.otherIdentifier[0].identifier).toBe('D BERLIN01');
    expect((await verify(vc)).json.verified).toBe(true);
    const bad = await t.request('PATCH', `/api/v1/organizations/${org.slug}`, {
      cookie: editor.cookie,
      headers: sameOrigin,
      json: { country: 'Germany' },
    });
    expect(bad.json.errors[0]).toMatchObject({ field: 'country' });
  });
});

describe('POST /credentials/issue and /credentials/verify', () => {
  it('signs an OpenBadgeCredential with eddsa-rdfc-2022, proof as an array, status entries and schema', async () => {
    const response = await issue(unsignedBadge(issuerId));
    expect(response.status, response.text).toBe(201);
    const vc = response.json.verifiableCredential;
    expect(Array.isArray(vc.proof)).toBe(true);
    expect(vc.proof[0]).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
    });
    expect(vc.id).toMatch(/^http:\/\/localhost:3000\/credentials\/[0-9a-f-]{36}$/);
    expect(vc.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
    });
    expect(vc.credentialSchema[0].type).toBe('1EdTechJsonSchemaValidator2019');
    expect(vc['@context']).toContain('https://purl.imsglobal.org/spec/ob/v3p0/extensions.json');
    expect(vc.issuer.id).toBe(issuerId);

    const result = await verify(vc);
    expect(result.status, result.text).toBe(200);
    expect(result.json.verified).toBe(true);
    expect(result.json.checks).toEqual(
      expect.arrayContaining(['proof', 'issuer-key', 'validity', 'status', 'schema']),
    );
    // Hosted here is not vetted: without a trust registry entry the issuer is a warning.
    expect(result.json.warnings).toEqual([
      expect.objectContaining({
        check: 'trust',
        message: expect.stringContaining('on this platform'),
      }),
    ]);
    expect(result.json.errors).toEqual([]);
  });

  it('stores the signed credential verbatim and serves it at its id', async () => {
    const response = await issue(unsignedBadge(issuerId));
    const signedText = response.text.slice('{"verifiableCredential":'.length, -1);
    const id = response.json.verifiableCredential.id.split('/').at(-1);
    const served = await t.request('GET', `/credentials/${id}`, {
      headers: { accept: 'application/ld+json' },
    });
    expect(served.status).toBe(200);
    expect(served.text).toBe(signedText);
  });

  it.skipIf(!schemaPath)(
    'issues credentials that validate against the official 1EdTech OB3 schema',
    async () => {
      const ajv = new Ajv2019.default({ allErrors: true, strict: false });
      addFormats.default(ajv);
      const validate = ajv.compile(JSON.parse(readFileSync(schemaPath!, 'utf8')));
      for (const options of [undefined, { format: 'eddsa-jcs-2022' }]) {
        const vc = (await issue(unsignedBadge(issuerId), options)).json.verifiableCredential;
        expect(validate(vc), JSON.stringify(validate.errors)).toBe(true);
      }
    },
  );

  it('signs eddsa-jcs-2022 and VC-JWT (EdDSA) on request, and both verify', async () => {
    const jcs = await issue(unsignedBadge(issuerId), { format: 'eddsa-jcs-2022' });
    expect(jcs.json.verifiableCredential.proof[0].cryptosuite).toBe('eddsa-jcs-2022');
    expect((await verify(jcs.json.verifiableCredential)).json.verified).toBe(true);
    const jwt = await issue(unsignedBadge(issuerId), { format: 'vc-jwt' });
    expect(jwt.json.verifiableCredential).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    const result = await verify(jwt.json.verifiableCredential);
    expect(result.json.verified, JSON.stringify(result.json.errors)).toBe(true);
  });

  it('refuses RS256 under did:key with a message that says how to get it', async () => {
    const response = await issue(unsignedBadge(issuerId), {
      format: 'vc-jwt',
      jwtAlgorithm: 'RS256',
    });
    expect(response.status).toBe(400);
    expect(response.json.detail).toMatch(/SKILLMARK_PUBLIC_URL/);
  });

  it('names the failing check when any field of a signed credential is tampered with', async () => {
    const vc = (await issue(unsignedBadge(issuerId))).json.verifiableCredential;
    const tamperings: Array<[string, (c: typeof vc) => void]> = [
      ['subject', (c) => (c.credentialSubject.id = 'did:example:mallory')],
      ['achievement name', (c) => (c.credentialSubject.achievement.name = 'Brain Surgery')],
      ['validFrom', (c) => (c.validFrom = '2001-01-01T00:00:00Z')],
      ['issuer', (c) => (c.issuer.name = 'Someone Else')],
      ['proof', (c) => (c.proof[0].proofValue = `z${'1'.repeat(86)}`)],
    ];
    for (const [what, tamper] of tamperings) {
      const copy = structuredClone(vc);
      tamper(copy);
      const result = await verify(copy);
      expect(result.status, what).toBe(400);
      expect(result.json.verified, what).toBe(false);
      expect(
        result.json.errors.map((e: { check: string }) => e.check),
        what,
      ).toContain('proof');
    }
  });

  it('refuses bad requests with problem+json naming the field', async () => {
    const noIssuer = await issue({ ...unsignedBadge(issuerId), issuer: undefined });
    expect(noIssuer.status).toBe(400);
    expect(noIssuer.json.errors.map((e: { field: string }) => e.field)).toContain(
      'credential.issuer',
    );
    const withStatus = await issue({
      ...unsignedBadge(issuerId),
      credentialStatus: { id: 'x', type: 'BitstringStatusListEntry' },
    });
    expect(withStatus.status).toBe(400);
    const undefinedTerm = await issue({ ...unsignedBadge(issuerId), favouriteColour: 'green' });
    expect(undefinedTerm.status).toBe(400);
    expect(undefinedTerm.json.code).toBe('validation_failed');
  });
});

describe('who may sign', () => {
  it('organization A cannot sign as organization B (token or member), viewers cannot issue, anonymous is 401', async () => {
    const otherOwner = await signUpPerson(t, 'Other');
    const other = await createOrganizationOwnedBy(t, otherOwner);
    const otherIssuerId = (await t.request('GET', `/api/v1/organizations/${other.slug}/issuer`))
      .json.id;
    const asOther = await issue(unsignedBadge(otherIssuerId));
    expect(asOther.status).toBe(403);
    const memberCookie = await t.request('POST', '/credentials/issue', {
      cookie: owner.cookie,
      headers: sameOrigin,
      json: { credential: unsignedBadge(otherIssuerId) },
    });
    expect(memberCookie.status).toBe(403);
    const viewerToken = (await createToken(t, owner, slug, 'viewer')).secret;
    expect((await issue(unsignedBadge(issuerId), undefined, viewerToken)).status).toBe(403);
    const anonymous = await t.request('POST', '/credentials/issue', {
      json: { credential: unsignedBadge(issuerId) },
    });
    expect(anonymous.status).toBe(401);
  });

  it('an assessor member cannot revoke; another organization cannot see the credential', async () => {
    const vc = (await issue(unsignedBadge(issuerId))).json.verifiableCredential;
    const id = vc.id.split('/').at(-1);
    const assessor = await signUpPerson(t, 'Assessor');
    await addMember(t, owner, slug, assessor, 'assessor');
    const byAssessor = await t.request('POST', `/api/v1/credentials/${id}/status`, {
      cookie: assessor.cookie,
      headers: sameOrigin,
      json: { action: 'revoke', reason: 'not mine to revoke' },
    });
    expect(byAssessor.status).toBe(404);
    const otherOwner = await signUpPerson(t, 'Other');
    const other = await createOrganizationOwnedBy(t, otherOwner);
    const otherToken = (await createToken(t, otherOwner, other.slug, 'issuer')).secret;
    const byOther = await t.request('POST', `/api/v1/credentials/${id}/status`, {
      token: otherToken,
      json: { action: 'revoke', reason: 'hostile revocation' },
    });
    expect(byOther.status).toBe(404);
    expect((await verify(vc)).json.verified).toBe(true);
  });
});

describe('revocation and suspension', () => {
  it('suspendable credentials are suspended, reinstated and revoked, each reported as such', async () => {
    const vc = (await issue(unsignedBadge(issuerId), { statusPurpose: 'suspension' })).json
      .verifiableCredential;
    expect(vc.credentialStatus.statusPurpose).toBe('suspension');
    const id = vc.id.split('/').at(-1);
    const change = (action: string) =>
      t.request('POST', `/api/v1/credentials/${id}/status`, {
        token: issuerToken,
        json: { action, reason: 'testing status changes' },
      });

    expect((await change('suspend')).status).toBe(200);
    const result = await verify(vc);
    expect(result.status).toBe(400);
    expect(result.json.errors).toContainEqual(
      expect.objectContaining({ check: 'status', message: expect.stringMatching(/suspended/) }),
    );

    expect((await change('unsuspend')).status).toBe(200);
    expect((await verify(vc)).json.verified).toBe(true);

    expect((await change('revoke')).status).toBe(200);
    expect((await verify(vc)).json.verified).toBe(false);
    expect((await change('unsuspend')).status).toBe(409);
  });

  it('revocable credentials (the default) are reported revoked, and cannot be suspended', async () => {
    const vc = (await issue(unsignedBadge(issuerId))).json.verifiableCredential;
    const id = vc.id.split('/').at(-1);
    const change = (action: string) =>
      t.request('POST', `/api/v1/credentials/${id}/status`, {
        token: issuerToken,
        json: { action, reason: 'testing status changes' },
      });
    expect((await change('suspend')).status).toBe(409);
    expect((await change('revoke')).status).toBe(200);
    const result = await verify(vc);
    expect(result.status).toBe(400);
    expect(result.json.errors).toContainEqual(
      expect.objectContaining({ check: 'status', message: expect.stringMatching(/revoked/) }),
    );
    expect((await change('revoke')).status).toBe(409);

    const audit = await t.request('GET', `/api/v1/organizations/${slug}/audit-events`, {
      cookie: owner.cookie,
    });
    expect(audit.json.events).toContainEqual(
      expect.objectContaining({
        action: 'credential.revoked',
        detail: { reason: 'testing status changes' },
      }),
    );
  });

  it('publishes signed status lists with caching headers', async () => {
    const vc = (await issue(unsignedBadge(issuerId))).json.verifiableCredential;
    const listUrl = new URL(vc.credentialStatus.statusListCredential);
    const list = await t.request('GET', listUrl.pathname);
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(list.json.type).toContain('BitstringStatusListCredential');
    expect(list.json.proof).toBeDefined();
    expect((await verify(list.json)).json.verified).toBe(true);
  });
});

describe('key rotation', () => {
  it('a new key signs from now on and credentials signed with the old key still verify', async () => {
    const rotatingOwner = await signUpPerson(t, 'Rotator');
    const org = await createOrganizationOwnedBy(t, rotatingOwner);
    const token = (await createToken(t, rotatingOwner, org.slug, 'issuer')).secret;
    const before = (await t.request('GET', `/api/v1/organizations/${org.slug}/issuer`)).json.id;
    const old = (await issue(unsignedBadge(before), undefined, token)).json.verifiableCredential;

    const rotated = await t.request('POST', `/api/v1/organizations/${org.slug}/keys/rotate`, {
      cookie: rotatingOwner.cookie,
      headers: sameOrigin,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.json.id).not.toBe(before);
    expect((await issue(unsignedBadge(before), undefined, token)).status).toBe(403);
    const fresh = (await issue(unsignedBadge(rotated.json.id), undefined, token)).json
      .verifiableCredential;
    expect(fresh.proof[0].verificationMethod).not.toBe(old.proof[0].verificationMethod);
    expect((await verify(old)).json.verified).toBe(true);
    expect((await verify(fresh)).json.verified).toBe(true);
    // The retired did:key still names this organization (a hosted issuer, not an unknown one).
    expect((await verify(old)).json.results).toContainEqual(
      expect.objectContaining({
        check: 'trust',
        outcome: 'warning',
        message: expect.stringContaining('an organization on this platform'),
      }),
    );
  });

  it('only owners rotate keys', async () => {
    const response = await t.request('POST', `/api/v1/organizations/${slug}/keys/rotate`, {
      token: issuerToken,
    });
    expect(response.status).toBe(403);
  });
});

describe('private keys', () => {
  it('are sealed at rest and never appear in responses or logs', async () => {
    const responses: string[] = [];
    responses.push((await t.request('GET', `/api/v1/organizations/${slug}/issuer`)).text);
    responses.push((await issue(unsignedBadge(issuerId))).text);
    const rows = await t.ctx.db.query.issuerKeys.findMany();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const secret = openPrivateKey(t.ctx.secretKey, row.id, row.sealedPrivateKey);
      expect(row.sealedPrivateKey).not.toContain(secret);
      for (const text of [...responses, t.logs.join('\n')]) expect(text).not.toContain(secret);
    }
  });
});

describe('verifying foreign credentials', () => {
  it('refuses issuer keys at private addresses without making a request', async () => {
    fetchSpy.mockClear();
    for (const host of ['127.0.0.1', '10.0.0.1', '169.254.169.254']) {
      const forged = {
        ...unsignedBadge(`did:web:${host}`),
        proof: [
          {
            type: 'DataIntegrityProof',
            cryptosuite: 'eddsa-rdfc-2022',
            proofPurpose: 'assertionMethod',
            verificationMethod: `did:web:${host}#key-1`,
            proofValue: 'z3FXQ',
          },
        ],
      };
      const result = await verify(forged);
      expect(result.json.verified).toBe(false);
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('reports an unknown issuer as a warning, not an error', async () => {
    const result = await verify({ not: 'a credential' });
    expect(result.status).toBe(400);
    expect(result.json.errors[0].check).toBe('format');
  });
});

describe('did:web issuers (https public URL)', () => {
  it('serves DID documents, issues under did:web, signs RS256 VC-JWT and verifies', async () => {
    const web = await createTestApp({
      env: { SKILLMARK_PUBLIC_URL: 'https://credentials.example.edu' },
    });
    try {
      const person = await signUpPerson(web, 'Web Owner');
      const org = await createOrganizationOwnedBy(web, person);
      const profile = (await web.request('GET', `/api/v1/organizations/${org.slug}/issuer`)).json;
      expect(profile.id).toBe(`did:web:credentials.example.edu:issuers:${org.slug}`);
      const token = (await createToken(web, person, org.slug, 'issuer')).secret;
      const issueOn = (options?: Record<string, unknown>) =>
        web.request('POST', '/credentials/issue', {
          token,
          json: { credential: unsignedBadge(profile.id), options },
        });
      const vc = (await issueOn()).json.verifiableCredential;
      expect(vc.proof[0].verificationMethod).toBe(`${profile.id}#key-1`);
      const rs256 = await issueOn({ format: 'vc-jwt', jwtAlgorithm: 'RS256' });
      expect(rs256.status, rs256.text).toBe(201);
      expect(
        JSON.parse(
          Buffer.from(rs256.json.verifiableCredential.split('.')[0], 'base64url').toString(),
        ).alg,
      ).toBe('RS256');

      const didDocument = await web.request('GET', `/issuers/${org.slug}/did.json`);
      expect(didDocument.status).toBe(200);
      expect(didDocument.json.id).toBe(profile.id);
      expect(didDocument.json.verificationMethod.map((m: { type: string }) => m.type)).toEqual([
        'Multikey',
        'JsonWebKey',
      ]);
      expect(didDocument.text).not.toMatch(/"d"\s*:|secretKey/);
      expect((await web.request('GET', '/.well-known/did.json')).json.id).toBe(
        'did:web:credentials.example.edu',
      );

      for (const credential of [vc, rs256.json.verifiableCredential]) {
        const result = await web.request('POST', '/credentials/verify', {
          json: { verifiableCredential: credential },
        });
        expect(result.json.verified, JSON.stringify(result.json.errors)).toBe(true);
      }
    } finally {
      await web.close();
    }
  });
});

describe('POST /presentations/verify', () => {
  it('verifies a holder-signed presentation with its challenge and each credential inside', async () => {
    const { buildPresentation, generateEd25519KeyPair, signPresentation } = await import(
      '../../src/credentials/index.ts'
    );
    const holder = await generateEd25519KeyPair();
    const vc = (await issue(unsignedBadge(issuerId))).json.verifiableCredential;
    const presentation = await signPresentation(
      buildPresentation({ holder: holder.controller, verifiableCredential: [vc] }),
      {
        key: holder,
        challenge: 'job-application-42',
      },
    );
    const ok = await t.request('POST', '/presentations/verify', {
      json: { verifiablePresentation: presentation, options: { challenge: 'job-application-42' } },
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.verified).toBe(true);
    const replayed = await t.request('POST', '/presentations/verify', {
      json: { verifiablePresentation: presentation, options: { challenge: 'another-request' } },
    });
    expect(replayed.status).toBe(400);
    expect(replayed.json.errors.map((e: { check: string }) => e.check)).toContain('holder-proof');
  });
});
