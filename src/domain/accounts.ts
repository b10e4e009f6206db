/** Email addresses compare case-insensitively in practice; store one canonical form. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const passwordRules = { minLength: 10, maxLength: 256 } as const;

/** Organization slugs appear in URLs and did:web identifiers, so they stay lowercase ASCII. */
export const slugPattern = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export const organizationKinds = ['university', 'training-provider', 'employer', 'other'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];
