/**
 * A verification in a recruiter's words, pure: each check becomes a titled question with a
 * plain answer, and the whole becomes one verdict. Unknown issuers and other warnings are
 * "points to check" (amber), never a failure; a failure names exactly which checks failed.
 */

export type ReportOutcome = 'passed' | 'failed' | 'warning' | 'skipped';

/** One check as the verifier reported it (credential or presentation level). */
export type ReportCheck = {
  check: string;
  outcome: ReportOutcome;
  message: string;
  detail?: string;
};

export type Tone = 'success' | 'error' | 'warning' | 'neutral';

export type ReportItem = ReportCheck & {
  title: string;
  question: string;
  label: string;
  tone: Tone;
};

export type Verdict = 'verified' | 'verified-with-warnings' | 'not-verified';

export type ReportWording = {
  verdict: Verdict;
  tone: Tone;
  headline: string;
  explanation: string;
  items: ReportItem[];
};

const topics: Record<string, { title: string; question: string }> = {
  format: {
    title: 'Readable credential',
    question: 'Is this a digital credential in a standard format?',
  },
  proof: { title: 'Signature', question: 'Was it signed by its issuer and left unchanged?' },
  'issuer-key': {
    title: 'Issuer identity',
    question: 'Does the signing key belong to the issuer it names?',
  },
  validity: {
    title: 'Dates',
    question: 'Is it valid today: not expired, not dated in the future?',
  },
  status: {
    title: 'Revocation and suspension',
    question: 'Has the issuer revoked or suspended it?',
  },
  schema: {
    title: 'Structure',
    question: 'Does it contain everything the Open Badges standard requires?',
  },
  trust: {
    title: 'Issuer trust',
    question: 'Is the issuer on this platform’s list of trusted issuers?',
  },
  transparency: {
    title: 'Public issuance record',
    question: 'Is its issuance recorded in the issuer’s tamper-evident log?',
  },
  'holder-proof': {
    title: 'Presenter’s signature',
    question: 'Did the person presenting these credentials sign the presentation?',
  },
};

const labels: Record<ReportOutcome, [label: string, tone: Tone]> = {
  passed: ['Passed', 'success'],
  failed: ['Failed', 'error'],
  warning: ['Check this', 'warning'],
  skipped: ['Not checked', 'neutral'],
};

/** A check's title for people (unknown check names are shown as they are). */
export function checkTitle(check: string): string {
  return topics[check]?.title ?? check;
}

function listOf(titles: string[]): string {
  if (titles.length <= 1) return titles.join('');
  return `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`;
}

/** Words every check and gives the verdict. */
export function wordReport(checks: readonly ReportCheck[]): ReportWording {
  const items = checks.map((check): ReportItem => {
    const topic = topics[check.check] ?? { title: check.check, question: '' };
    const [label, tone] = labels[check.outcome];
    return { ...check, ...topic, label, tone };
  });
  const failed = items.filter((item) => item.outcome === 'failed');
  const warned = items.filter((item) => item.outcome === 'warning');
  if (failed.length > 0 || items.length === 0) {
    return {
      verdict: 'not-verified',
      tone: 'error',
      headline: 'Not verified',
      explanation:
        items.length === 0
          ? 'Nothing could be checked.'
          : `It failed ${failed.length === 1 ? 'this check' : 'these checks'}: ${listOf(failed.map((item) => item.title.toLowerCase()))}. Do not rely on it; the details below say what is wrong.`,
      items,
    };
  }
  if (warned.length > 0) {
    return {
      verdict: 'verified-with-warnings',
      tone: 'warning',
      headline: 'Verified, with points to check',
      explanation: `It is authentic and nothing failed, but check ${listOf(warned.map((item) => item.title.toLowerCase()))} before relying on it.`,
      items,
    };
  }
  return {
    verdict: 'verified',
    tone: 'success',
    headline: 'Verified',
    explanation:
      'It is authentic, unchanged since it was issued, valid today, and from an issuer this platform knows or vouches for.',
    items,
  };
}
