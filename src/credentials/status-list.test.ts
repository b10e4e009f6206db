import { describe, expect, it } from 'vitest';
import {
  buildStatusListCredential,
  buildStatusListEntry,
  createStatusList,
  decodeStatusList,
  encodeStatusList,
  getStatus,
  MIN_STATUS_LIST_BITS,
  setStatus,
} from './status-list.ts';
import { readStandardJson, SHARED_DATA_EXISTS, SKIP_MESSAGE } from './testing/shared-data.ts';

describe('bitstring status list', () => {
  it('creates a list of at least 131,072 bits (16 KB), all clear', () => {
    const list = createStatusList();
    expect(list.length * 8).toBe(MIN_STATUS_LIST_BITS);
    expect(list.every((byte) => byte === 0)).toBe(true);
    expect(() => createStatusList(1000)).toThrow(/at least/);
  });

  it('sets, reads and clears single bits without touching the input (index 0 = leftmost bit)', () => {
    const list = createStatusList();
    const set = setStatus(list, 0, true);
    expect(set[0]).toBe(0x80);
    expect(getStatus(list, 0)).toBe(false);
    const two = setStatus(set, 131_071, true);
    expect(getStatus(two, 131_071)).toBe(true);
    expect(getStatus(two, 131_070)).toBe(false);
    expect(getStatus(setStatus(two, 0, false), 0)).toBe(false);
    expect(() => getStatus(list, MIN_STATUS_LIST_BITS)).toThrow(/outside/);
  });

  it('round-trips through the multibase GZIP base64url encoding', () => {
    const list = setStatus(createStatusList(), 42, true);
    const encoded = encodeStatusList(list);
    expect(encoded.startsWith('u')).toBe(true);
    expect(encodeStatusList(list)).toBe(encoded);
    expect(getStatus(decodeStatusList(encoded), 42)).toBe(true);
    expect(getStatus(decodeStatusList(encoded), 41)).toBe(false);
  });

  it('refuses lists shorter than the minimum', () => {
    const short = `u${Buffer.from(new Uint8Array(8)).toString('base64url')}`;
    expect(() => decodeStatusList(short)).toThrow(/GZIP|fewer/);
  });

  it('builds the unsigned status list credential and an entry', () => {
    const credential = buildStatusListCredential({
      id: 'https://skillmark.example/status/1',
      issuer: 'did:example:issuer',
      statusPurpose: 'revocation',
      list: createStatusList(),
      validFrom: '2024-01-01T00:00:00Z',
    });
    expect(credential.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(credential.credentialSubject).toMatchObject({
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
    });
    expect(
      buildStatusListEntry({
        statusListCredential: 'https://skillmark.example/status/1',
        statusListIndex: 7,
        statusPurpose: 'revocation',
      }),
    ).toMatchObject({ type: 'BitstringStatusListEntry', statusListIndex: '7' });
  });
});

describe.skipIf(!SHARED_DATA_EXISTS)(`1EdTech status list (${SKIP_MESSAGE})`, () => {
  it('decodes the published testlist with bit 23 set', () => {
    const testlist = readStandardJson('examples/ob3/bit-string-list/testlist');
    const subject = testlist.credentialSubject as { encodedList: string };
    const list = decodeStatusList(subject.encodedList);
    expect(getStatus(list, 23)).toBe(true);
    expect(getStatus(list, 22)).toBe(false);
  });
});
