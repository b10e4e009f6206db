/**
 * CLR 2.0 (Comprehensive Learner Record): a `ClrCredential` is a VC, verified by the normal
 * verifier; for display we list what it records: the achievements of its `ClrSubject` and the
 * credentials it carries (CLR 2.0 §ClrSubject), each of those verified on its own.
 */

import type { VerificationResult } from '../../credentials/index.ts';
import { isObject } from '../../credentials/json-helpers.ts';

/** One achievement a CLR records, as the wallet shows it. */
export type ClrAchievement = {
  id: string | null;
  name: string;
  description: string | null;
  /** For an achievement inside an embedded credential: whether that credential verified. */
  verified: boolean | null;
};

/** At most this many embedded credentials are verified one by one (a CLR can be large). */
const MAX_EMBEDDED = 50;

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 500) : null;
}

function achievementOf(value: unknown, verified: boolean | null): ClrAchievement | undefined {
  if (!isObject(value)) return undefined;
  const name = text(value.name);
  if (!name) return undefined;
  return { id: text(value.id), name, description: text(value.description), verified };
}

/** The CLR document inside a JSON text or a VC-JWT (payload `vc`, or the payload itself). */
function clrDocument(content: string): Record<string, unknown> | undefined {
  try {
    const trimmed = content.trim();
    if (trimmed.startsWith('{')) return JSON.parse(trimmed) as Record<string, unknown>;
    const payload: unknown = JSON.parse(
      Buffer.from(trimmed.split('.')[1] ?? '', 'base64url').toString('utf8'),
    );
    return isObject(payload) ? (isObject(payload.vc) ? payload.vc : payload) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The achievements a CLR records: those listed in its subject, then those of each embedded
 * credential (with that credential's own verification result). Empty for anything else.
 */
export async function clrAchievements(
  content: string,
  verify: (input: unknown) => Promise<VerificationResult>,
): Promise<ClrAchievement[]> {
  const clr = clrDocument(content);
  const subject = list(clr?.credentialSubject)[0];
  if (!isObject(subject)) return [];
  const listed = list(subject.achievement).map((a) => achievementOf(a, null));
  const embedded = await Promise.all(
    list(subject.verifiableCredential)
      .slice(0, MAX_EMBEDDED)
      .map(async (credential) => {
        const result = await verify(credential);
        const inner = typeof credential === 'string' ? result.credential : credential;
        const innerSubject = isObject(inner) ? list(inner.credentialSubject)[0] : undefined;
        const achievement = isObject(innerSubject) ? innerSubject.achievement : undefined;
        return achievementOf(achievement ?? (isObject(inner) ? inner : undefined), result.verified);
      }),
  );
  return [...listed, ...embedded].filter((a): a is ClrAchievement => a !== undefined);
}
