import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFromPng, extractFromSvg } from '../../src/credentials/baking/index.ts';
import { addToWallet } from '../../src/services/wallet/add-to-wallet.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createExampleIssuersFetch } from '../helpers/example-issuers.ts';
import { sameOrigin, signUpPerson, type TestPerson } from '../helpers/factories.ts';
import { pdfLinks, pdfText } from '../helpers/pdf-text.ts';
import { sharedDataPath } from '../helpers/shared-data.ts';
import { awardIntoWallet, createIssuer, type IssuerFixture } from '../helpers/wallet-fixtures.ts';

const examplesDir = sharedDataPath('standards/examples/ob3');
const examples = examplesDir
  ? readdirSync(examplesDir)
      .filter((name) => /\.(json|jwt)$/.test(name))
      .sort()
  : [];
const readExample = (name: string) => readFileSync(`${examplesDir}/${name}`, 'utf8').trim();

let t: TestApp;
let issuer: IssuerFixture;
let learner: TestPerson;
let walletId: string;
let credentialId: string;
let content: string;

beforeAll(async () => {
  t = await createTestApp({
    now: () => new Date('2026-05-14T09:30:00Z'),
    safeFetch: createExampleIssuersFetch(),
  });
  issuer = await createIssuer(t);
  learner = await signUpPerson(t, 'Zoë Ångström-Łukasiewicz');
  ({ walletId, credentialId, content } = await awardIntoWallet(t, issuer, learner));
});
afterAll(() => t.close());

const as = (person: TestPerson) => ({ cookie: person.cookie, headers: sameOrigin });

async function download(id: string, format: string) {
  const response = await t.app.request(`/api/v1/me/credentials/${id}/export?format=${format}`, {
    headers: { cookie: learner.cookie },
  });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe('export', () => {
  it('JSON is the signed credential verbatim, as an attachment', async () => {
    const { response, bytes } = await download(walletId, 'json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vc+ld+json');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="digital-micro-credential-creation.json"',
    );
    expect(new TextDecoder().decode(bytes)).toBe(content);
  });

  it('JWT only for a credential issued as one', async () => {
    const refused = await t.request(
      'GET',
      `/api/v1/me/credentials/${walletId}/export?format=jwt`,
      as(learner),
    );
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].field).toBe('format');
    const jwt = await awardIntoWallet(t, issuer, learner, 'vc-jwt');
    const { response, bytes } = await download(jwt.walletId, 'jwt');
    expect(response.headers.get('content-type')).toBe('application/vc+jwt');
    expect(new TextDecoder().decode(bytes)).toBe(jwt.content);
    expect((await download(jwt.walletId, 'json')).response.status).toBe(400);
    expect((await download(walletId, 'gif')).response.status).toBe(400);
  });

  it('baked PNG and SVG carry the credential, which still verifies', async () => {
    const png = await download(walletId, 'png');
    expect(png.response.headers.get('content-type')).toBe('image/png');
    expect(extractFromPng(png.bytes)).toBe(content);
    const svg = await download(walletId, 'svg');
    expect(svg.response.headers.get('content-type')).toBe('image/svg+xml');
    const svgText = new TextDecoder().decode(svg.bytes);
    expect(svgText).toContain('Digital micro-credential creation');
    const extracted = extractFromSvg(svgText);
    expect(extracted).toBe(content);
    expect((await t.ctx.verifyCredential(extracted)).verified).toBe(true);
  });

  it('the PDF certificate shows the elements and a QR code to the verification page, whose URL it prints', async () => {
    const { response, bytes } = await download(walletId, 'pdf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const url = `http://localhost:3000/credentials/${credentialId}`;
    const text = pdfText(bytes);
    expect(text).toContain(url);
    expect(pdfLinks(bytes)).toContain(url);
    // The QR code is an embedded image.
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    for (const expected of [
      'Certificate',
      'Digital micro-credential creation',
      'Zoë Ångström-Lukasiewicz', // Ł is outside the standard fonts' WinAnsi: its base letter stands in.
      'EQF level: ',
      'Credits (ECTS): ',
      'Notional workload (hours): ',
      'Learning outcomes: ',
      'Developing digital content',
      'Type of assessment: ',
      'Quality assurance: ',
      'Country of the awarding body: ',
      '14 May 2026',
      '13 May 2029', // 1095 days later (2028 is a leap year)
      `Credential ID: ${url}`,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('the PDF of a credential from elsewhere points to a new share link, listed for the owner', async () => {
    if (!examplesDir) return;
    const entry = await addToWallet(t.ctx, t.ctx.verifyCredential, learner.accountId, {
      content: readExample('simple.json'),
      receivedAs: 'json',
      source: 'imported',
    });
    const { bytes } = await download(entry.id, 'pdf');
    const links = await t.request(
      'GET',
      `/api/v1/me/credentials/${entry.id}/share-links`,
      as(learner),
    );
    expect(links.json.shareLinks).toHaveLength(1);
    expect(pdfText(bytes)).toContain(links.json.shareLinks[0].url);
    // A second print reuses the link rather than making another.
    await download(entry.id, 'pdf');
    const again = await t.request(
      'GET',
      `/api/v1/me/credentials/${entry.id}/share-links`,
      as(learner),
    );
    expect(again.json.shareLinks).toHaveLength(1);
  });
});

describe.skipIf(!examplesDir)('1EdTech OB 3.0 examples round-trip: bake → extract → verify', () => {
  it.each(examples)('%s', async (name) => {
    const original = readExample(name);
    const entry = await addToWallet(t.ctx, t.ctx.verifyCredential, learner.accountId, {
      content: original,
      receivedAs: name.endsWith('.jwt') ? 'jwt' : 'json',
      source: 'imported',
    });
    const before = await t.ctx.verifyCredential(original);
    for (const format of ['png', 'svg']) {
      const { response, bytes } = await download(entry.id, format);
      expect(response.status, format).toBe(200);
      const extracted =
        format === 'png' ? extractFromPng(bytes) : extractFromSvg(new TextDecoder().decode(bytes));
      // XML normalizes line ends (XML 1.0 §2.11), so a JSON credential with CRLF comes back with
      // LF from an SVG: the same JSON, and the same verification (the proof covers the data).
      if (format === 'svg' && !name.endsWith('.jwt'))
        expect(JSON.parse(extracted), format).toEqual(JSON.parse(original));
      else expect(extracted, format).toBe(original);
      const after = await t.ctx.verifyCredential(extracted);
      expect(after.checks, format).toEqual(before.checks);
      expect(after.verified).toBe(before.verified);
    }
  });

  it('the examples that are signed with current suites and resolvable keys verify after the round trip', async () => {
    for (const name of ['simple.json', 'endorsement-valid.json', 'simple-did-web-method.json']) {
      const entry = await addToWallet(t.ctx, t.ctx.verifyCredential, learner.accountId, {
        content: readExample(name),
        receivedAs: 'json',
        source: 'imported',
      });
      const { bytes } = await download(entry.id, 'png');
      const result = await t.ctx.verifyCredential(extractFromPng(bytes));
      expect(
        result.checks.filter((c) => c.outcome === 'failed'),
        name,
      ).toEqual([]);
      expect(result.verified, name).toBe(true);
    }
  });
});
