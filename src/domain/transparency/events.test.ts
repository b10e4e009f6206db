import { describe, expect, it } from 'vitest';
import { auditStatusSlots, decodeLeaf, encodeLeaf, type LogEvent } from './events.ts';

const list = 'https://skillmark.example/status-lists/1';
const time = '2025-01-01T00:00:00.000Z';
const slot = (index: number) => ({ list, index, purpose: 'revocation' as const });
const event = (type: LogEvent['type'], index: number): LogEvent =>
  type === 'key.rotated'
    ? { type, issuer: 'did:web:x', key: 'z6Mk', time }
    : { type, issuer: 'did:web:x', credential: 'ab'.repeat(32), status: slot(index), time };

describe('log events', () => {
  it('encode to canonical JSON with no personal data and decode back', () => {
    const leaf = encodeLeaf(event('credential.issued', 7));
    expect(leaf).toBe(
      `{"v":1,"type":"credential.issued","issuer":"did:web:x","credential":"${'ab'.repeat(32)}","status":{"list":"${list}","index":7,"purpose":"revocation"},"time":"${time}"}`,
    );
    expect(decodeLeaf(leaf)).toEqual(event('credential.issued', 7));
    expect(decodeLeaf('{"v":2}')).toBeUndefined();
  });

  it('finds a revocation that has no log entry, and an un-revocation', () => {
    const events = [
      event('credential.issued', 1),
      event('credential.issued', 2),
      event('credential.revoked', 2),
      event('credential.issued', 3),
      event('credential.revoked', 3),
    ];
    // Bit 1 set quietly (no logged revocation); bit 3 cleared quietly (un-revoked).
    const problems = auditStatusSlots(events, new Map([[list, [1, 2]]]));
    expect(problems.map((p) => [p.index, p.problem])).toEqual([
      [1, 'set-without-log-entry'],
      [3, 'logged-revocation-not-set'],
    ]);
    expect(auditStatusSlots(events, new Map([[list, [2, 3]]]))).toEqual([]);
  });

  it('follows suspensions and reinstatements', () => {
    const events = [
      event('credential.issued', 4),
      event('credential.suspended', 4),
      event('credential.reinstated', 4),
    ];
    expect(auditStatusSlots(events, new Map([[list, [4]]]))[0]?.problem).toBe(
      'set-without-log-entry',
    );
    expect(auditStatusSlots(events.slice(0, 2), new Map([[list, []]]))[0]?.problem).toBe(
      'suspension-state-differs',
    );
  });
});
