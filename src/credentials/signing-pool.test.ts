import { afterAll, describe, expect, it } from 'vitest';
import { sampleOpenBadgeCredential } from '../../bench/sample-credential.ts';
import { SigningError } from './errors.ts';
import { generateEd25519KeyPair, generateRsaKeyPair } from './keys.ts';
import { signCredential } from './sign.ts';
import { createSigningPool } from './signing-pool.ts';
import type { Credential } from './types.ts';

const pool = createSigningPool({ threads: 2 });
afterAll(() => pool.close());

describe('signing pool', () => {
  const now = new Date('2026-01-02T03:04:05Z');

  it.each(['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'vc-jwt'] as const)(
    'signs %s byte for byte like signCredential on the main thread',
    async (format) => {
      const key = await generateEd25519KeyPair({ seed: new Uint8Array(32).fill(7) });
      const credential = sampleOpenBadgeCredential(key.controller);
      const pooled = await pool.sign(credential, { format, key, now });
      const direct = await signCredential(credential, { format, key, now });
      expect(JSON.stringify(pooled)).toBe(JSON.stringify(direct));
    },
  );

  it('signs many credentials concurrently, each with its own id', async () => {
    const key = await generateEd25519KeyPair();
    const ids = Array.from(
      { length: 20 },
      (_, i) => `urn:uuid:00000000-0000-4000-8000-${i.toString().padStart(12, '0')}`,
    );
    const signed = await Promise.all(
      ids.map((id) =>
        pool.sign(
          { ...sampleOpenBadgeCredential(key.controller), id },
          { format: 'eddsa-rdfc-2022', key, now },
        ),
      ),
    );
    expect(signed.map((c) => (c as Credential).id)).toEqual(ids);
  });

  it('rejects a Data Integrity format with an RSA key as SigningError', async () => {
    const key = generateRsaKeyPair({
      id: 'https://x.example/k#1',
      controller: 'https://x.example/k',
    });
    await expect(
      pool.sign(sampleOpenBadgeCredential(), { format: 'eddsa-rdfc-2022', key, now }),
    ).rejects.toBeInstanceOf(SigningError);
  });

  it('refuses work after close', async () => {
    const other = createSigningPool({ threads: 1 });
    await other.close();
    const key = await generateEd25519KeyPair();
    await expect(
      other.sign(sampleOpenBadgeCredential(), { format: 'vc-jwt', key, now }),
    ).rejects.toThrow(/closed/);
  });
});
