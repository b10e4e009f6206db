import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openPrivateKey, sealPrivateKey } from './key-sealing.ts';

describe('issuer key sealing', () => {
  const secret = randomBytes(32);
  it('round-trips and hides the plaintext', () => {
    const sealed = sealPrivateKey(secret, 'key-a', 'z3u2secretMultibase');
    expect(sealed).not.toContain('z3u2secretMultibase');
    expect(openPrivateKey(secret, 'key-a', sealed)).toBe('z3u2secretMultibase');
  });
  it('refuses another secret key or another key id', () => {
    const sealed = sealPrivateKey(secret, 'key-a', 'z3u2secretMultibase');
    expect(() => openPrivateKey(randomBytes(32), 'key-a', sealed)).toThrow(/SKILLMARK_SECRET_KEY/);
    expect(() => openPrivateKey(secret, 'key-b', sealed)).toThrow();
  });
});
