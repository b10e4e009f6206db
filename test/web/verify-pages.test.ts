import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bakePng } from '../../src/credentials/baking/index.ts';
import { accounts } from '../../src/db/schema.ts';
import { credentialHistory } from '../../src/services/credential-events/record.ts';
import { renderBadgePng } from '../../src/services/sharing/badge-image.ts';
import { verifyLinkOf } from '../../src/services/verification/verify-link.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signUpPerson } from '../helpers/factories.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { awardIntoWallet, createIssuer } from '../helpers/wallet-fixtures.ts';

let t: TestApp;
let credentialId: string;
let walletId: string;
let content: string;
let learnerCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  const issuer = await createIssuer(t);
  const learner = await signUpPerson(t, 'Petra Pages');
  learnerCookie = learner.cookie;
  ({ credentialId, content, walletId } = await awardIntoWallet(t, issuer, learner));
});
afterAll(() => t.close());

// An anonymous browser posting from our own pages (fetch metadata says so).
const sameSite = { 'sec-fetch-site': 'same-origin', origin: 'http://localhost:3000' };
const postForm = (path: string, fields: Record<string, string>) =>
  t.app.request(path, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { ...sameSite, 'content-type': 'application/x-www-form-urlencoded' },
  });
const decode = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('/verify', () => {
  it('offers upload, paste and address forms to anyone, without JavaScript', async () => {
    const page = await t.request('GET', '/verify');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Verify a credential</h1>');
    expect(page.text).toContain('action="/verify/file" enctype="multipart/form-data"');
    expect(page.text).toContain('action="/verify/text"');
    expect(page.text).toContain('method="get" action="/verify"');
    expect(page.text).not.toContain('<script');
  });

  it('verifies a baked PNG upload and shows each check in plain words, detail one click away', async () => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([Buffer.from(bakePng(renderBadgePng(), content))], { type: 'image/png' }),
      'badge.png',
    );
    const response = await t.app.request('/verify/file', {
      method: 'POST',
      body: form,
      headers: sameSite,
    });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    expect(text).toContain('Result: Verified');
    expect(text).toContain('Baked PNG badge');
    expect(text).toMatch(
      /<strong class="check-label">Passed<\/strong> · <strong>Signature<\/strong>/,
    );
    expect(text).toContain('<details><summary>Technical detail');
    expect(text).toContain('Download PDF report');
  });

  it('opens what a certificate’s QR code encodes and verifies the credential page at once', async () => {
    const link = verifyLinkOf(t.ctx.publicUrl, `${t.ctx.publicUrl}/credentials/${credentialId}`);
    const page = await t.request('GET', link.slice(t.ctx.publicUrl.length));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Result: Verified');
    const events = (await credentialHistory(t.ctx.db, credentialId)).filter(
      (e) => e.type === 'verified',
    );
    expect(events.at(-1)!.detail).toEqual({ via: 'verify-page', verified: true });
  });

  it('the PDF certificate’s QR code leads to this verifier', async () => {
    const response = await t.app.request(`/api/v1/me/credentials/${walletId}/export?format=pdf`, {
      headers: { cookie: learnerCookie },
    });
    expect(response.status).toBe(200);
    const { PDFDocument } = await import('pdf-lib');
    const pdf = await PDFDocument.load(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.getSubject()).toContain(
      verifyLinkOf(t.ctx.publicUrl, `${t.ctx.publicUrl}/credentials/${credentialId}`),
    );
  });

  it('says exactly what failed for a tampered paste, in amber and red words', async () => {
    const tampered = JSON.parse(content);
    tampered.validFrom = '2000-01-01T00:00:00Z';
    const response = await postForm('/verify/text', { text: JSON.stringify(tampered) });
    const text = decode(await response.text());
    expect(response.status).toBe(200);
    expect(text).toContain('Result: Not verified');
    // The issuance log holds the original, so it too says this is not what was issued.
    expect(text).toContain('It failed these checks: signature and public issuance record.');
    expect(text).toMatch(
      /<strong class="check-label">Failed<\/strong> · <strong>Signature<\/strong>/,
    );
  });

  it('explains refusals next to the field: an empty paste, a private address', async () => {
    const empty = await postForm('/verify/text', { text: '  ' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('There is nothing to verify');
    const internal = await t.request(
      'GET',
      `/verify?url=${encodeURIComponent('https://192.168.0.1/c.json')}`,
    );
    expect(internal.status).toBe(400);
    expect(internal.text).toContain('non-public address 192.168.0.1');
    expect(internal.text).toContain('aria-invalid="true"');
  });

  it('downloads the result as JSON and PDF reports without counting a second verification', async () => {
    const before = (await credentialHistory(t.ctx.db, credentialId)).length;
    const json = await postForm('/verify/report', { content, format: 'json' });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toContain('verification-report.json');
    const report = await json.json();
    // Issued here by an organization that is not on the trusted issuers list: a point to check.
    expect(report).toMatchObject({
      verified: true,
      verdict: 'verified-with-warnings',
      kind: 'credential',
    });
    const pdf = await postForm('/verify/report', { content, format: 'pdf' });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdfText(new Uint8Array(await pdf.arrayBuffer()))).toContain('Verification report');
    expect(await credentialHistory(t.ctx.db, credentialId)).toHaveLength(before);
  });

  it('answers an oversized paste with 413 and the limit in words', async () => {
    const response = await postForm('/verify/text', { text: `{"a":"${'x'.repeat(1_100_000)}"}` });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('larger than 1024 KiB');
  });

  it('refuses cross-site posts', async () => {
    const response = await t.app.request('/verify/text', {
      method: 'POST',
      body: new URLSearchParams({ text: content }).toString(),
      headers: {
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/x-www-form-urlencoded',
      },
    });
    expect(response.status).toBe(403);
  });
});

describe('/admin/trust-registry pages', () => {
  const csrfOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const post = async (cookie: string, path: string, fields: Record<string, string>) => {
    const page = await t.request('GET', '/admin/trust-registry', { cookie });
    return t.app.request(path, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrfOf(page.text), ...fields }).toString(),
      headers: {
        cookie,
        origin: 'http://localhost:3000',
        'content-type': 'application/x-www-form-urlencoded',
      },
    });
  };

  it('are for platform administrators only', async () => {
    const anonymous = await t.request('GET', '/admin/trust-registry');
    expect(anonymous.status).toBe(303);
    const person = await signUpPerson(t, 'Nora Nonadmin');
    const refused = await t.request('GET', '/admin/trust-registry', { cookie: person.cookie });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Only platform administrators');
    const add = await post(person.cookie, '/admin/trust-registry', {
      kind: 'domain',
      issuer: 'x.example.org',
      name: 'X',
    });
    expect(add.status).toBe(403);
  });

  it('let an administrator add, correct and remove an entry with plain forms', async () => {
    const admin = await signUpPerson(t, 'Ada Admin');
    await t.ctx.db.update(accounts).set({ isAdmin: true }).where(eq(accounts.id, admin.accountId));

    const bad = await post(admin.cookie, '/admin/trust-registry', {
      kind: 'domain',
      issuer: 'not a host',
      name: 'Bad',
    });
    expect(bad.status).toBe(400);
    const badText = await bad.text();
    expect(badText).toContain('domain must be a host name');
    expect(badText).toContain('id="field-issuer-error"');

    const added = await post(admin.cookie, '/admin/trust-registry', {
      kind: 'domain',
      issuer: 'academy.example.org',
      name: 'Example Academy',
      accreditingBody: 'NVAO',
      validUntil: '2030-06-30',
    });
    expect(added.status).toBe(303);
    const entryPath = added.headers.get('location')!;
    const entry = await t.request('GET', entryPath, { cookie: admin.cookie });
    expect(entry.text).toContain('<h1>Example Academy</h1>');
    expect(entry.text).toContain('value="2030-06-30"');

    const changed = await post(admin.cookie, entryPath, {
      name: 'Example Academy',
      validUntil: '',
      accreditingBody: 'EQAR',
    });
    expect(changed.status).toBe(303);
    const list = await t.request('GET', '/admin/trust-registry', { cookie: admin.cookie });
    expect(list.text).toContain('EQAR');
    expect(list.text).toContain('No end date');

    const removed = await post(admin.cookie, `${entryPath}/delete`, {});
    expect(removed.status).toBe(303);
    expect(
      (await t.request('GET', '/admin/trust-registry', { cookie: admin.cookie })).text,
    ).not.toContain('Example Academy');
  });
});
