/**
 * Stage 3 of "verify anything": the verifier's results as a report for people and machines —
 * the verdict and each check in plain words (domain/verification-report), what the credential
 * says about itself, and when it was checked. The same report feeds the page, JSON and PDF.
 */
import type {
  PresentationVerificationResult,
  VerificationResult,
} from '../../credentials/index.ts';
import {
  type ReportItem,
  type Tone,
  type Verdict,
  wordReport,
} from '../../domain/verification-report/wording.ts';
import { credentialFacts } from '../sharing/credential-facts.ts';

/** What the credential claims about itself (read, not trusted: the checks say whether to). */
export type CredentialSummary = {
  id: string | null;
  name: string;
  description: string | null;
  issuer: { id: string | null; name: string };
  subject: string | null;
  validFrom: string | null;
  validUntil: string | null;
};

export type CredentialReport = {
  verified: boolean;
  verdict: Verdict;
  tone: Tone;
  headline: string;
  explanation: string;
  summary: CredentialSummary | null;
  checks: ReportItem[];
};

export type VerificationReport = CredentialReport & {
  kind: 'credential' | 'presentation';
  receivedAs: string;
  checkedAt: string;
  /** The verifier that made the report (this platform's public URL). */
  verifier: string;
  /** A presentation's credentials, each with its own report. */
  credentials?: CredentialReport[];
};

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function summaryOf(result: VerificationResult, content?: string): CredentialSummary | null {
  const credential = result.credential;
  const facts = credentialFacts(credential ? JSON.stringify(credential) : (content ?? ''));
  if (!facts) return null;
  const issuer = facts.credential.issuer;
  const subject = Array.isArray(facts.credential.credentialSubject)
    ? facts.credential.credentialSubject[0]
    : facts.credential.credentialSubject;
  const subjectObject = typeof subject === 'object' && subject !== null ? subject : {};
  return {
    id: facts.id ?? null,
    name: facts.achievementName,
    description: facts.achievementDescription ?? null,
    issuer: {
      id: typeof issuer === 'string' ? issuer : text((issuer as { id?: unknown } | null)?.id),
      name: facts.issuerName,
    },
    subject:
      text((subjectObject as { name?: unknown }).name) ??
      text((subjectObject as { id?: unknown }).id),
    validFrom: facts.issuedOn?.toISOString() ?? null,
    validUntil: facts.validUntil?.toISOString() ?? null,
  };
}

/** One credential's report. */
export function credentialReport(result: VerificationResult, content?: string): CredentialReport {
  const wording = wordReport(result.checks);
  return {
    verified: result.verified,
    verdict: wording.verdict,
    tone: wording.tone,
    headline: wording.headline,
    explanation: wording.explanation,
    summary: summaryOf(result, content),
    checks: wording.items,
  };
}

/** A presentation's report: its own checks, then each credential; one failure fails it all. */
export function presentationReport(result: PresentationVerificationResult): CredentialReport & {
  credentials: CredentialReport[];
} {
  const credentials = result.credentials.map((entry) => credentialReport(entry));
  const wording = wordReport(result.presentation.checks);
  const failing = credentials
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => !entry.verified);
  const base = {
    verified: result.verified,
    summary: null,
    checks: wording.items,
    credentials,
  };
  const { items: _items, ...words } = wording;
  if (words.verdict === 'not-verified') return { ...base, ...words };
  if (failing.length === 0) {
    const warned = credentials.some((entry) => entry.verdict === 'verified-with-warnings');
    if (words.verdict === 'verified' && warned)
      return {
        ...base,
        verdict: 'verified-with-warnings',
        tone: 'warning',
        headline: 'Verified, with points to check',
        explanation:
          'Every credential is authentic and nothing failed, but some have points to check below.',
      };
    return { ...base, ...words };
  }
  return {
    ...base,
    verdict: 'not-verified',
    tone: 'error',
    headline: 'Not verified',
    explanation: `The presentation holds ${failing.length === 1 ? 'a credential' : 'credentials'} that did not verify: ${failing
      .map(({ entry, index }) => `${index + 1} (${entry.summary?.name ?? 'unreadable'})`)
      .join(', ')}.`,
  };
}
