import { describe, expect, it } from 'vitest';
import { jsonTextTooDeep, VERIFICATION_LIMITS, valueTooDeep } from './limits.ts';

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
