import { describe, expect, it, vi } from 'vitest';
import { createDidWebResolver } from './did-web.ts';
import { isPublicAddress } from './ip-address.ts';
import { signCredential } from './sign.ts';
import { assertSafeUrl, createSafeFetch, type LookupFunction } from './ssrf-safe-fetch.ts';
import { buildStatusListEntry } from './status-list.ts';
import { buildOpenBadgeCredential, issuerKey } from './testing/fixtures.ts';
import { createVerificationMethodResolver } from './verification-method-resolver.ts';
import { verifyCredential } from './verify.ts';

/** A fake DNS: names map to fixed addresses; anything else fails. */
function fakeLookup(table: Record<string, string[]>): LookupFunction {
  return async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw new Error(`ENOTFOUND ${hostname}`);
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

const lookup = fakeLookup({
  'public.example': ['93.184.215.14'],
  'rebind.example': ['93.184.215.14', '10.0.0.5'],
  'metadata.example': ['169.254.169.254'],
  'v6local.example': ['fd00::1'],
});

function spyFetch(response: () => Response = () => Response.json({ ok: true })) {
  return vi.fn<typeof fetch>(async () => response());
}

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:8.8.8.8',
    'not-an-ip',
  ])('%s is not public', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111'])('%s is public', (address) =>
    expect(isPublicAddress(address)).toBe(true),
  );
});

describe('createSafeFetch', () => {
  it.each([
    'https://127.0.0.1/did.json',
    'https://10.0.0.1/status',
    'https://169.254.169.254/latest/meta-data/',
    'https://[::1]/did.json',
    'https://[::ffff:127.0.0.1]/x',
    'https://2130706433/x',
    'https://0x7f.1/x',
    'https://metadata.example/x',
    'https://v6local.example/x',
    'https://rebind.example/x',
    'http://public.example/x',
    'file:///etc/passwd',
    'https://user:pw@public.example/x',
  ])('refuses %s before any request', async (url) => {
    const fetchImpl = spyFetch();
    const safeFetch = createSafeFetch({ lookup, fetchImpl });
    await expect(safeFetch(url)).rejects.toMatchObject({ code: 'unsafe_url' });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('fetches a public https URL', async () => {
    const fetchImpl = spyFetch();
    const response = await createSafeFetch({ lookup, fetchImpl })('https://public.example/doc');
    expect(response.json()).toEqual({ ok: true });
    expect(fetchImpl).toHaveBeenCalledWith(
      'https://public.example/doc',
      expect.objectContaining({ redirect: 'manual' }),
    );
  });

  it('allows http only when asked (tests)', async () => {
    await expect(
      assertSafeUrl('http://public.example/x', { lookup, allowHttp: true }),
    ).resolves.toBeInstanceOf(URL);
  });

  it('re-checks redirect targets and refuses a redirect to a private address', async () => {
    const fetchImpl = spyFetch(
      () => new Response(null, { status: 302, headers: { location: 'https://10.0.0.1/admin' } }),
    );
    await expect(
      createSafeFetch({ lookup, fetchImpl })('https://public.example/doc'),
    ).rejects.toMatchObject({ code: 'unsafe_url' });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('stops after too many redirects', async () => {
    const fetchImpl = spyFetch(
      () =>
        new Response(null, { status: 301, headers: { location: 'https://public.example/again' } }),
    );
    await expect(
      createSafeFetch({ lookup, fetchImpl, maxRedirects: 2 })('https://public.example/doc'),
    ).rejects.toThrow(/redirects/);
    expect(fetchImpl).toHaveBeenCalledTimes(3);
  });

  it('enforces the size limit while streaming', async () => {
    const fetchImpl = spyFetch(() => new Response('x'.repeat(5000)));
    await expect(
      createSafeFetch({ lookup, fetchImpl, maxBytes: 1000 })('https://public.example/big'),
    ).rejects.toThrow(/larger than 1000/);
  });

  it('enforces the time limit', async () => {
    const fetchImpl = vi.fn<typeof fetch>(
      (_url, init) =>
        new Promise((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
    );
    await expect(
      createSafeFetch({ lookup, fetchImpl, timeoutMs: 20 })('https://public.example/slow'),
    ).rejects.toThrow(/longer than 20 ms/);
  });

  it('reports HTTP errors', async () => {
    const fetchImpl = spyFetch(() => new Response('nope', { status: 404 }));
    await expect(
      createSafeFetch({ lookup, fetchImpl })('https://public.example/missing'),
    ).rejects.toThrow(/HTTP 404/);
  });
});

describe('verification never reaches internal addresses', () => {
  const internal = ['127.0.0.1', '10.0.0.1', '169.254.169.254', '[::1]'];

  it.each(internal)('a verification method at https://%s/… is refused', async (host) => {
    const fetchImpl = spyFetch();
    const safeFetch = createSafeFetch({ lookup, fetchImpl });
    const key = await issuerKey(3);
    const issuer = `https://${host}/issuers/1`;
    const credential = await signCredential(buildOpenBadgeCredential(issuer), {
      key,
      verificationMethod: `${issuer}#key-1`,
      now: '2024-01-01T00:00:00Z',
    });
    const resolveVerificationMethod = createVerificationMethodResolver({
      fetchControllerDocument: async (url) => (await safeFetch(url)).json(),
    });
    const result = await verifyCredential(credential, { resolveVerificationMethod });
    expect(result.verified).toBe(false);
    expect(result.checks.find((c) => c.check === 'issuer-key')?.detail).toMatch(/Refused to fetch/);
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it.each(['127.0.0.1', '10.0.0.1', '169.254.169.254', '%5B%3A%3A1%5D'])(
    'a did:web at %s is refused',
    async (host) => {
      const fetchImpl = spyFetch();
      const resolveDid = createDidWebResolver({
        safeFetch: createSafeFetch({ lookup, fetchImpl }),
      });
      const did = `did:web:${host}`;
      const key = await issuerKey(4);
      const credential = await signCredential(buildOpenBadgeCredential(did), {
        key,
        verificationMethod: `${did}#key-1`,
        now: '2024-01-01T00:00:00Z',
      });
      const result = await verifyCredential(credential, {
        resolveVerificationMethod: createVerificationMethodResolver({ resolveDid }),
      });
      expect(result.checks.find((c) => c.check === 'issuer-key')).toMatchObject({
        outcome: 'failed',
        detail: expect.stringMatching(/Refused to fetch|not a valid|invalid host/),
      });
      expect(fetchImpl).not.toHaveBeenCalled();
    },
  );

  it.each(internal)('a status list at https://%s/… is refused', async (host) => {
    const fetchImpl = spyFetch();
    const safeFetch = createSafeFetch({ lookup, fetchImpl });
    const key = await issuerKey(5);
    const credential = await signCredential(
      buildOpenBadgeCredential(key.controller, {
        credentialStatus: buildStatusListEntry({
          statusListCredential: `https://${host}/status/1`,
          statusListIndex: 3,
          statusPurpose: 'revocation',
        }),
      }),
      { key, now: '2024-01-01T00:00:00Z' },
    );
    const result = await verifyCredential(credential, {
      fetchStatusList: async (url) => (await safeFetch(url)).json(),
    });
    const status = result.checks.find((c) => c.check === 'status');
    expect(status?.outcome).not.toBe('passed');
    expect(status?.detail).toMatch(/Refused to fetch/);
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});
