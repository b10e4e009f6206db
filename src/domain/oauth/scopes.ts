/**
 * The four scopes of the Open Badges 3.0 API (OB 3.0 §"OAuth 2.0 scopes"), and how they read to
 * a learner on the consent page.
 */
const base = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/';

export const ob3Scopes = {
  credentialRead: `${base}credential.readonly`,
  credentialUpsert: `${base}credential.upsert`,
  profileRead: `${base}profile.readonly`,
  profileUpdate: `${base}profile.update`,
} as const;

export type Ob3Scope = (typeof ob3Scopes)[keyof typeof ob3Scopes];

export const allOb3Scopes: readonly Ob3Scope[] = Object.values(ob3Scopes);

/** What each scope lets the app do, in the learner's words (also the discovery document's text). */
export const scopeDescriptions: Record<Ob3Scope, string> = {
  [ob3Scopes.credentialRead]: 'See the badges and credentials in your wallet',
  [ob3Scopes.credentialUpsert]: 'Add badges and credentials to your wallet',
  [ob3Scopes.profileRead]: 'See your profile (name and email address)',
  [ob3Scopes.profileUpdate]: 'Change your profile name',
};

export function isOb3Scope(value: string): value is Ob3Scope {
  return (allOb3Scopes as readonly string[]).includes(value);
}

/** RFC 6749 §3.3: space-delimited, order does not matter, duplicates mean nothing. */
export function parseScope(scope: string | undefined): string[] {
  return [...new Set((scope ?? '').split(' ').filter((s) => s !== ''))];
}

export function formatScope(scopes: readonly string[]): string {
  return [...new Set(scopes)].join(' ');
}

/** The scopes of `requested` that are not in `allowed` (empty when all are allowed). */
export function scopesOutside(requested: readonly string[], allowed: readonly string[]): string[] {
  return requested.filter((scope) => !allowed.includes(scope));
}
