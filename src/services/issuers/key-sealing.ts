import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM under a key derived (HKDF-SHA256) from SKILLMARK_SECRET_KEY. The key id is bound
 * as additional data, so a sealed key copied onto another row does not open.
 * Format: `v1.<iv>.<ciphertext>.<tag>`, base64url parts.
 */
function sealingKey(secretKey: Buffer): Buffer {
  return Buffer.from(
    hkdfSync('sha256', secretKey, Buffer.alloc(0), 'skillmark issuer keys v1', 32),
  );
}

export function sealPrivateKey(secretKey: Buffer, keyId: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(secretKey), iv);
  cipher.setAAD(Buffer.from(keyId));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function openPrivateKey(secretKey: Buffer, keyId: string, sealed: string): string {
  const [version, iv, ciphertext, tag] = sealed.split('.');
  if (version !== 'v1' || !iv || !ciphertext || !tag)
    throw new Error(`Sealed key ${keyId} has an unknown format.`);
  const decipher = createDecipheriv(
    'aes-256-gcm',
    sealingKey(secretKey),
    Buffer.from(iv, 'base64url'),
  );
  decipher.setAAD(Buffer.from(keyId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new Error(
      `Issuer key ${keyId} cannot be opened: SKILLMARK_SECRET_KEY is not the key it was sealed with.`,
    );
  }
}
