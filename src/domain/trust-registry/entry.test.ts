import { describe, expect, it } from 'vitest';
import {
  accreditationWords,
  decideTrust,
  issuerDomainOf,
  type TrustEntryFacts,
  trustedIssuerInputSchema,
} from './entry.ts';

const entry = (overrides: Partial<TrustEntryFacts>): TrustEntryFacts => ({
  id: 'e1',
  kind: 'domain',
  name: 'Example',
  accreditingBody: null,
  accreditationId: null,
  validUntil: null,
  ...overrides,
});
const now = new Date('2026-06-15T12:00:00Z');

describe('trust registry rules', () => {
  it('reads the host of did:web and https issuers, port and case dropped', () => {
    expect(issuerDomainOf('did:web:Badges.Example.org:issuers:a')).toBe('badges.example.org');
    expect(issuerDomainOf('did:web:localhost%3A3000')).toBe('localhost');
    expect(issuerDomainOf('https://uni.example.edu/issuer/1')).toBe('uni.example.edu');
    expect(issuerDomainOf('did:key:z6Mkabc')).toBeUndefined();
    expect(issuerDomainOf('http://plain.example.org/')).toBeUndefined();
  });

  it('lets the most specific current entry vouch', () => {
    const domain = entry({ id: 'd', kind: 'domain' });
    const did = entry({ id: 'x', kind: 'did' });
    expect(decideTrust([domain, did], false, now)).toMatchObject({ trust: 'trusted', entry: did });
  });

  it('keeps an entry current through its last day, then says it lapsed', () => {
    const lastDay = entry({ validUntil: new Date('2026-06-15T00:00:00Z') });
    expect(decideTrust([lastDay], false, now).trust).toBe('trusted');
    const ended = entry({ validUntil: new Date('2026-06-14T00:00:00Z') });
    expect(decideTrust([ended], true, now)).toMatchObject({ trust: 'lapsed', entry: ended });
  });

  it('falls back to a current broader entry when the specific one lapsed', () => {
    const lapsedDid = entry({ id: 'x', kind: 'did', validUntil: new Date('2020-01-01') });
    const domain = entry({ id: 'd' });
    expect(decideTrust([lapsedDid, domain], false, now)).toMatchObject({ entry: domain });
  });

  it('knows our own organizations without an entry and nobody else', () => {
    expect(decideTrust([], true, now)).toEqual({ trust: 'known' });
    expect(decideTrust([], false, now)).toEqual({ trust: 'unknown' });
  });

  it('words the accreditation for people', () => {
    expect(accreditationWords({ accreditingBody: 'NVAO', accreditationId: '42' })).toBe(
      'accredited by NVAO (ref. 42)',
    );
    expect(accreditationWords({ accreditingBody: null, accreditationId: null })).toBeUndefined();
  });

  it('validates entries: DIDs, host names, https accreditation links, dates', () => {
    expect(
      trustedIssuerInputSchema.parse({ kind: 'domain', domain: 'Uni.Example.EDU.', name: 'Uni' }),
    ).toMatchObject({ domain: 'uni.example.edu' });
    for (const bad of [
      { kind: 'domain', domain: 'https://uni.example.edu/x', name: 'Uni' },
      { kind: 'did', did: 'not-a-did', name: 'X' },
      { kind: 'did', did: 'did:web:x.org', name: 'X', accreditationUrl: 'http://x.org' },
      { kind: 'did', did: 'did:web:x.org', name: 'X', validUntil: 'soon' },
      { kind: 'did', did: 'did:web:x.org' },
      { kind: 'issuer', name: 'X' },
    ]) {
      expect(trustedIssuerInputSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
