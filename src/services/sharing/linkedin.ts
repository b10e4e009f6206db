/**
 * LinkedIn "Add to profile" for a certification: a prefilled form URL. LinkedIn documents
 * these parameters for its Add to Profile program but does not promise to fill every field,
 * so the same values are also shown for copying by hand.
 */
import type { CredentialFacts } from './credential-facts.ts';

export type LinkedInField = { label: string; value: string };

export type LinkedInShare = { url: string; fields: LinkedInField[] };

/**
 * `certUrl` is the public page anyone can verify the credential at; `organizationId` is the
 * issuer's LinkedIn company id, only when known (we never guess it).
 */
export function linkedInAddToProfile(
  facts: CredentialFacts,
  certUrl: string,
  organizationId?: string,
): LinkedInShare {
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: facts.achievementName,
  });
  if (organizationId) params.set('organizationId', organizationId);
  params.set('organizationName', facts.issuerName);
  if (facts.issuedOn) {
    params.set('issueYear', String(facts.issuedOn.getUTCFullYear()));
    params.set('issueMonth', String(facts.issuedOn.getUTCMonth() + 1));
  }
  if (facts.validUntil) {
    params.set('expirationYear', String(facts.validUntil.getUTCFullYear()));
    params.set('expirationMonth', String(facts.validUntil.getUTCMonth() + 1));
  }
  params.set('certUrl', certUrl);
  const certId = facts.id ?? certUrl;
  params.set('certId', certId);
  const month = (date: Date) =>
    date.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const fields: LinkedInField[] = [
    { label: 'Name', value: facts.achievementName },
    { label: 'Issuing organization', value: facts.issuerName },
    { label: 'Issue date', value: facts.issuedOn ? month(facts.issuedOn) : '' },
    {
      label: 'Expiration date',
      value: facts.validUntil ? month(facts.validUntil) : 'This credential does not expire',
    },
    { label: 'Credential ID', value: certId },
    { label: 'Credential URL', value: certUrl },
  ];
  return {
    url: `https://www.linkedin.com/profile/add?${params.toString()}`,
    fields: fields.filter((field) => field.value !== ''),
  };
}

function escapeHtml(value: string): string {
  return value.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * An HTML snippet for a website or résumé: a link to the public page with the badge image.
 * No iframe and no script, so any page can include it and it shows nothing the link does not.
 */
export function embedSnippet(args: {
  pageUrl: string;
  imageUrl: string;
  achievementName: string;
  issuerName: string;
}): string {
  const name = escapeHtml(args.achievementName);
  const issuer = escapeHtml(args.issuerName);
  return `<a href="${escapeHtml(args.pageUrl)}" title="Verify this credential"><img src="${escapeHtml(args.imageUrl)}" alt="${name}, issued by ${issuer}" width="120" height="120"></a>
<a href="${escapeHtml(args.pageUrl)}">${name}</a> · ${issuer} · verifiable credential`;
}
