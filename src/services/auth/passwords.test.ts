import { describe, expect, it } from 'vitest';
import { createPasswordHasher } from './passwords.ts';

describe('password hashing (scrypt)', () => {
  it('verifies the right password only, at the production cost', async () => {
    const hasher = createPasswordHasher();
    const stored = await hasher.hash('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored).not.toContain('correct horse');
    expect(await hasher.verify('correct horse battery staple', stored)).toBe(true);
    expect(await hasher.verify('correct horse battery stapl', stored)).toBe(false);
  });

  it('salts each hash and keeps old parameters verifiable after a cost change', async () => {
    const cheap = createPasswordHasher({ cost: 2 ** 10 });
    const a = await cheap.hash('same password');
    const b = await cheap.hash('same password');
    expect(a).not.toBe(b);
    expect(await createPasswordHasher().verify('same password', a)).toBe(true);
  });

  it('rejects malformed stored values instead of throwing', async () => {
    expect(await createPasswordHasher().verify('x', 'not-a-hash')).toBe(false);
  });
});
