import { describe, expect, it } from 'vitest';
import { jsonTextTooDeep, VERIFICATION_LIMITS, valueTooDeep } from './limits.ts';
import { signCredential } from './sign.ts';
import { buildOpenBadgeCredential, issuerKey } from './testing/fixtures.ts';
import { verifyCredential } from './verify.ts';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('verification limits', () => {
  it('finds JSON text nested deeper than the limit without parsing it', () => {
    expect(jsonTextTooDeep(nested(VERIFICATION_LIMITS.maxDepth))).toBe(false);
    expect(jsonTextTooDeep(nested(VERIFICATION_LIMITS.maxDepth + 1))).toBe(true);
    expect(jsonTextTooDeep(nested(1_000_000))).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ a: `\\"${'['.repeat(500)}` });
    expect(jsonTextTooDeep(text, 3)).toBe(false);
  });

  it('measures parsed values iteratively', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(valueTooDeep(deep)).toBe(true);
    expect(valueTooDeep({ a: { b: [1, { c: 2 }] } }, 4)).toBe(false);
    expect(valueTooDeep({ a: { b: [1, { c: {} }] } }, 4)).toBe(true);
  });
});

describe('the format check refuses hostile credentials before any other work', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('caps proofs, nesting and size, and names an unsecured JWT', async () => {
    const key = await issuerKey(5);
    const signed = await signCredential(buildOpenBadgeCredential(key.controller), { key });
    const proof = Array.isArray(signed.proof) ? signed.proof[0] : signed.proof;
    const format = async (input: unknown) => (await verifyCredential(input)).checks[0]!;

    expect((await format(signed)).outcome).toBe('passed');
    const proofs = Array(VERIFICATION_LIMITS.maxProofs + 1).fill(proof);
    expect((await format({ ...signed, proof: proofs })).message).toContain(
      `carries ${VERIFICATION_LIMITS.maxProofs + 1} signatures`,
    );
    let deep: unknown = {};
    for (let i = 0; i < VERIFICATION_LIMITS.maxDepth; i++) deep = [deep];
    expect((await format({ ...signed, deep })).message).toContain('nested too deeply');
    expect((await format(`{"a":${'['.repeat(10_000)}`)).detail).toContain('nests deeper');
    expect(
      (
        await format(
          JSON.stringify({ ...signed, pad: 'x'.repeat(VERIFICATION_LIMITS.maxCredentialBytes) }),
        )
      ).detail,
    ).toContain('larger than');
    const none = await format(`${b64({ alg: 'none' })}.${b64({ vc: signed })}.`);
    expect(none).toMatchObject({ outcome: 'failed' });
    expect(none.message).toContain('"none"');
  });
});
