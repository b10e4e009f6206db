/**
 * The trust registry's rules, pure: what an entry is, how an issuer identifier is matched to
 * entries (organization, exact DID, or the host of a did:web / https identifier), and which
 * entry speaks for an issuer when several match.
 */
import { z } from 'zod';

export const trustedIssuerKinds = ['organization', 'did', 'domain'] as const;
export type TrustedIssuerKind = (typeof trustedIssuerKinds)[number];

const HOST =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** A domain as an entry stores it: lower case, no scheme, port, path or trailing dot. */
export function normalizeDomain(value: string): string {
  return value.trim().toLowerCase().replace(/\.$/, '');
}

const accreditationShape = {
  name: z.string().trim().min(1, 'name must not be empty').max(200).optional(),
  accreditingBody: optionalText(200),
  accreditationId: optionalText(200),
  accreditationUrl: z
    .url({ protocol: /^https$/, error: 'accreditationUrl must be an https URL' })
    .max(2000)
    .optional(),
  validUntil: z.iso.date({ error: 'validUntil must be a date (YYYY-MM-DD)' }).optional(),
  notes: optionalText(5000),
};

/** A new entry as an administrator sends it; unknown fields are refused. */
export const trustedIssuerInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('organization'),
      organization: z.string().trim().min(1, 'organization must be the slug of an organization'),
      ...accreditationShape,
    }),
    z.strictObject({
      kind: z.literal('did'),
      did: z
        .string()
        .trim()
        .max(2000)
        .regex(/^did:[a-z0-9]+:\S+$/, 'did must be a DID such as did:web:example.org'),
      ...accreditationShape,
      name: accreditationShape.name.unwrap(),
    }),
    z.strictObject({
      kind: z.literal('domain'),
      domain: z
        .string()
        .transform(normalizeDomain)
        .pipe(z.string().regex(HOST, 'domain must be a host name such as badges.example.org')),
      ...accreditationShape,
      name: accreditationShape.name.unwrap(),
    }),
  ],
  { error: 'kind must be organization, did or domain' },
);
export type TrustedIssuerInput = z.infer<typeof trustedIssuerInputSchema>;

/** What may change on an entry: everything but what it names. `null` clears a field. */
export const trustedIssuerChangesSchema = z.strictObject({
  name: accreditationShape.name,
  accreditingBody: accreditationShape.accreditingBody.nullable(),
  accreditationId: accreditationShape.accreditationId.nullable(),
  accreditationUrl: accreditationShape.accreditationUrl.nullable(),
  validUntil: accreditationShape.validUntil.nullable(),
  notes: accreditationShape.notes.nullable(),
});
export type TrustedIssuerChanges = z.infer<typeof trustedIssuerChangesSchema>;

/**
 * The host an issuer identifier lives under: `did:web:badges.example.org:issuers:x` and
 * `https://badges.example.org/issuer` both give `badges.example.org`; other DIDs give nothing.
 */
export function issuerDomainOf(issuerId: string): string | undefined {
  const didWeb = /^did:web:([^:]+)/.exec(issuerId);
  if (didWeb) {
    // did:web percent-encodes a port as %3A (DID-WEB §3.2); entries name the host alone.
    return normalizeDomain(decodeURIComponent(didWeb[1]!).split(':')[0]!);
  }
  if (/^https:\/\//i.test(issuerId)) {
    try {
      return normalizeDomain(new URL(issuerId).hostname);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The facts of an entry that decide whether and how it vouches. */
export type TrustEntryFacts = {
  id: string;
  kind: TrustedIssuerKind;
  name: string;
  accreditingBody: string | null;
  accreditationId: string | null;
  validUntil: Date | null;
};

export type TrustDecision =
  | { trust: 'trusted' | 'lapsed'; entry: TrustEntryFacts }
  | { trust: 'known' | 'unknown' };

const specificity: Record<TrustedIssuerKind, number> = { organization: 0, did: 1, domain: 2 };

/** True while the entry vouches: it has no end date, or `now` is on or before that day. */
export function entryIsCurrent(entry: Pick<TrustEntryFacts, 'validUntil'>, now: Date): boolean {
  return entry.validUntil === null || now.getTime() < entry.validUntil.getTime() + 86_400_000;
}

/**
 * Which entry speaks for an issuer. A current entry vouches, the most specific first
 * (organization, then DID, then domain); if every matching entry has lapsed, the issuer is "no
 * longer trusted", even when it is one of our organizations. Without entries, our own
 * organizations are known (named as hosted here) and everyone else unknown; both are warnings.
 */
export function decideTrust(
  entries: readonly TrustEntryFacts[],
  hostedHere: boolean,
  now: Date,
): TrustDecision {
  const ordered = [...entries].sort((a, b) => specificity[a.kind] - specificity[b.kind]);
  const current = ordered.find((entry) => entryIsCurrent(entry, now));
  if (current) return { trust: 'trusted', entry: current };
  if (ordered[0]) return { trust: 'lapsed', entry: ordered[0] };
  return { trust: hostedHere ? 'known' : 'unknown' };
}

/** The accreditation in a recruiter's words, e.g. "accredited by NVAO (ref. 1234)". */
export function accreditationWords(
  entry: Pick<TrustEntryFacts, 'accreditingBody' | 'accreditationId'>,
): string | undefined {
  if (!entry.accreditingBody && !entry.accreditationId) return undefined;
  const body = entry.accreditingBody ? `accredited by ${entry.accreditingBody}` : 'accredited';
  return entry.accreditationId ? `${body} (ref. ${entry.accreditationId})` : body;
}
