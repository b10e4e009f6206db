import type { VerificationResult } from '../../credentials/index.ts';
import type { JsonObject, JsonValue } from '../../credentials/types.ts';
import { type Html, html } from '../html.ts';
import { type EndorsementSummary, endorsementsSection } from './endorsement-section.ts';

const euElementLabels: Array<[key: string, label: string]> = [
  ['learningOutcome', 'Learning outcomes'],
  ['notionalWorkload', 'Notional workload (hours)'],
  ['creditsAvailable', 'Credits (ECTS)'],
  ['eqfLevel', 'EQF level'],
  ['assessmentType', 'Type of assessment'],
  ['participationForm', 'Form of participation'],
  ['qualityAssurance', 'Quality assurance'],
  ['awardingBodyCountry', 'Country of the awarding body'],
  ['prerequisite', 'Prerequisites'],
  ['supervisionAndIdentityVerification', 'Supervision and identity verification'],
  ['gradingScheme', 'Grading scheme'],
  ['stackability', 'Integration and stackability'],
  ['fieldOfStudy', 'Field of study'],
  ['inLanguage', 'Language'],
  ['furtherInformation', 'Further information'],
];

const outcomeLabels = {
  passed: 'Passed',
  failed: 'Failed',
  warning: 'Warning',
  skipped: 'Not checked',
} as const;

function object(value: JsonValue | undefined): JsonObject {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

function text(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(text).join(', ');
  if (typeof value === 'object') return text(value.name ?? value.id ?? '');
  return String(value);
}

export type CredentialPageModel = {
  credential: JsonObject;
  verification: VerificationResult;
  revoked: boolean;
  suspended: boolean;
  url: string;
  endorsements?: EndorsementSummary[];
};

export function credentialHead(model: CredentialPageModel): Html {
  const achievement = object(object(model.credential.credentialSubject).achievement);
  const image = text(object(achievement.image).id) || text(achievement.image);
  return html`<meta property="og:type" content="website">
<meta property="og:title" content="${text(achievement.name) || text(model.credential.name) || 'Verifiable credential'}">
<meta property="og:description" content="${`Issued by ${text(object(model.credential.issuer).name) || text(model.credential.issuer)}. ${text(achievement.description)}`.trim()}">
<meta property="og:url" content="${model.url}">
${image.startsWith('https://') ? html`<meta property="og:image" content="${image}">` : ''}
<meta name="robots" content="noindex">`;
}

/** The public page of a credential: what it certifies, who issued it, and a live verification. */
export function credentialPage(model: CredentialPageModel): Html {
  const { credential, verification } = model;
  const subject = object(credential.credentialSubject);
  const achievement = object(subject.achievement);
  const issuer = object(credential.issuer);
  const criteria = object(achievement.criteria);
  const evidence = Array.isArray(credential.evidence) ? credential.evidence.map(object) : [];
  const elements = euElementLabels.filter(([key]) => achievement[key] !== undefined);
  const state = model.revoked
    ? {
        cls: 'error',
        title: 'Revoked',
        text: 'The issuer has revoked this credential. It is no longer valid.',
      }
    : model.suspended
      ? {
          cls: 'error',
          title: 'Suspended',
          text: 'The issuer has suspended this credential for now.',
        }
      : verification.verified
        ? {
            cls: 'success',
            title: 'Verified',
            text: 'This credential is authentic, unaltered and currently valid.',
          }
        : {
            cls: 'error',
            title: 'Not valid',
            text: 'This credential did not pass verification. See the checks below.',
          };
  return html`<article aria-labelledby="credential-title">
<p class="hint">${text(achievement.achievementType) || 'Credential'}</p>
<h1 id="credential-title">${text(achievement.name) || text(credential.name) || 'Verifiable credential'}</h1>
<div class="notice ${state.cls}" role="status"><p><strong>${state.title}.</strong> ${state.text}</p></div>
${achievement.description ? html`<p class="lead">${text(achievement.description)}</p>` : ''}
<dl>
  <dt>Issued by</dt><dd>${text(issuer.name) || text(credential.issuer)}${issuer.url ? html` · <a href="${text(issuer.url)}" rel="noopener">${text(issuer.url)}</a>` : ''}</dd>
  <dt>Issued to</dt><dd>${recipientText(subject)}</dd>
  <dt>Valid from</dt><dd>${text(credential.validFrom) || text(credential.issuanceDate)}</dd>
  ${credential.validUntil ? html`<dt>Valid until</dt><dd>${text(credential.validUntil)}</dd>` : ''}
</dl>
${criteria.narrative ? html`<h2>How it was earned</h2><p>${text(criteria.narrative)}</p>` : ''}
${
  elements.length > 0
    ? html`<h2>Micro-credential details</h2><dl>${elements.map(
        ([key, label]) =>
          html`<dt>${label}</dt><dd>${Array.isArray(achievement[key]) ? html`<ul>${(achievement[key] as JsonValue[]).map((item) => html`<li>${text(item)}</li>`)}</ul>` : text(achievement[key])}</dd>`,
      )}</dl>`
    : ''
}
${endorsementsSection(model.endorsements)}
${
  Array.isArray(achievement.alignment) && achievement.alignment.length > 0
    ? html`<h2>Skills and competencies</h2><ul>${achievement.alignment
        .map(object)
        .map(
          (a) =>
            html`<li>${a.targetUrl ? html`<a href="${text(a.targetUrl)}" rel="noopener">${text(a.targetName)}</a>` : text(a.targetName)}${a.targetFramework ? html` <span class="hint">(${text(a.targetFramework)})</span>` : ''}</li>`,
        )}</ul>`
    : ''
}
${
  evidence.length > 0
    ? html`<h2>Evidence</h2><ul>${evidence.map(
        (e) =>
          html`<li>${e.id ? html`<a href="${text(e.id)}" rel="noopener nofollow">${text(e.name) || text(e.id)}</a>` : text(e.name)}${e.narrative ? html`: ${text(e.narrative)}` : ''}</li>`,
      )}</ul>`
    : ''
}
<h2>Verification</h2>
<p>Checked just now by this server. Anyone can check it independently: it is a signed W3C Verifiable Credential (Open Badges 3.0).</p>
<ul class="checks">${verification.checks.map(
    (check) =>
      html`<li><strong>${outcomeLabels[check.outcome]}</strong>: ${check.message}${
        check.detail
          ? html`<details><summary>Technical detail</summary><p><code>${check.detail}</code></p></details>`
          : ''
      }</li>`,
  )}</ul>
<p><a href="${model.url}" type="application/ld+json">Download the credential (JSON-LD)</a></p>
</article>`;
}

function recipientText(subject: JsonObject): string {
  if (typeof subject.id === 'string') return subject.id;
  const identifier = Array.isArray(subject.identifier) ? object(subject.identifier[0]) : undefined;
  if (identifier?.hashed === true)
    return 'A person identified by a hashed email address (they can prove it is theirs)';
  return text(identifier?.identityHash) || 'Not stated';
}
