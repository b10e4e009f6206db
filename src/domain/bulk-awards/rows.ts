/**
 * Bulk awards (issue 9): the rows of an award list and their validation. One row per learner:
 * an email address or a DID, and optionally a narrative, an evidence URL, a result (grade), an
 * issue date and the achievement (when the list mixes several). Every problem of a row is
 * reported, with the row number as the issuer sees it in a spreadsheet.
 */
import { z } from 'zod';
import { normalizeEmail } from '../accounts.ts';

export const MAX_BULK_ROWS = 200_000;

/** A row as sent, before validation (cells as text; absent cells undefined). */
export type BulkAwardRowInput = {
  /** An email address or a DID. */
  recipient?: string;
  /** A DID given in its own column, beside an email column. */
  did?: string;
  narrative?: string;
  evidenceUrl?: string;
  result?: string;
  issueDate?: string;
  achievementId?: string;
};

/** A row that passed validation, in the form issuance uses. */
export type BulkAwardRow = {
  recipient: { email: string } | { did: string };
  narrative?: string;
  evidenceUrl?: string;
  result?: string;
  /** ISO 8601 (seconds), the credential's validFrom. */
  issueDate?: string;
  achievementId?: string;
};

export type RowVerdict =
  | { rowNumber: number; input: BulkAwardRowInput; accepted: BulkAwardRow }
  | { rowNumber: number; input: BulkAwardRowInput; reasons: string[] };

const emailCheck = z.email();
const didPattern = /^did:[a-z0-9]+:[A-Za-z0-9._:%-]+(?:[/?#].*)?$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const datePattern =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function checkRecipient(value: string | undefined, reasons: string[]) {
  if (!value) {
    reasons.push('recipient is missing: give an email address or a DID');
    return undefined;
  }
  if (value.startsWith('did:')) {
    if (didPattern.test(value) && value.length <= 2000) return { did: value };
    reasons.push(`recipient "${value}" is not a valid DID (did:method:identifier)`);
    return undefined;
  }
  if (value.length <= 254 && emailCheck.safeParse(value).success)
    return { email: normalizeEmail(value) };
  reasons.push(`recipient "${value}" is not a valid email address (like name@example.org)`);
  return undefined;
}

function checkEvidenceUrl(value: string | undefined, reasons: string[]) {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && value.length <= 2000)
      return url.href;
  } catch {}
  reasons.push(`evidence URL "${value}" is not an http(s) URL`);
  return undefined;
}

/** An issue date is a calendar date or a date-time; it may lie in the past, not the future. */
function checkIssueDate(value: string | undefined, now: Date, reasons: string[]) {
  if (!value) return undefined;
  const date = datePattern.test(value)
    ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value)
    : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    reasons.push(`issue date "${value}" is not a date (YYYY-MM-DD or ISO 8601 date-time)`);
    return undefined;
  }
  if (value.length === 10 && date.toISOString().slice(0, 10) !== value) {
    reasons.push(`issue date "${value}" does not exist in the calendar`);
    return undefined;
  }
  if (date.getTime() > now.getTime()) {
    reasons.push(`issue date "${value}" is in the future`);
    return undefined;
  }
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function checkLength(name: string, value: string | undefined, max: number, reasons: string[]) {
  if (value && value.length > max) {
    reasons.push(`${name} is longer than ${max} characters`);
    return undefined;
  }
  return value;
}

/** The key two rows are duplicates under: the same learner for the same achievement. */
function duplicateKey(row: BulkAwardRow, defaultAchievementId: string | undefined): string {
  const who =
    'email' in row.recipient ? `email:${row.recipient.email}` : `did:${row.recipient.did}`;
  return `${row.achievementId ?? defaultAchievementId ?? ''}|${who}`;
}

/**
 * Validates every row. `rowNumber` counts from `firstRowNumber` (2 for a CSV file with a header
 * line, so numbers match the spreadsheet). A second row for the same learner and achievement is
 * rejected as a duplicate of the first, which stays accepted. `knownAchievements` says whether
 * an achievement id may be awarded by this list (exists, same organization, not archived).
 */
export function validateBulkRows(
  rows: readonly BulkAwardRowInput[],
  options: {
    now: Date;
    defaultAchievementId?: string;
    knownAchievement: (id: string) => boolean;
    firstRowNumber?: number;
  },
): RowVerdict[] {
  const first = options.firstRowNumber ?? 1;
  const seen = new Map<string, number>();
  return rows.map((raw, i) => {
    const rowNumber = first + i;
    const input = {
      recipient: clean(raw.recipient),
      did: clean(raw.did),
      narrative: clean(raw.narrative),
      evidenceUrl: clean(raw.evidenceUrl),
      result: clean(raw.result),
      issueDate: clean(raw.issueDate),
      achievementId: clean(raw.achievementId),
    };
    const reasons: string[] = [];
    if (input.recipient && input.did)
      reasons.push('give either an email address or a DID for a learner, not both');
    const recipient = checkRecipient(input.recipient ?? input.did, reasons);
    const narrative = checkLength('narrative', input.narrative, 5000, reasons);
    const result = checkLength('result', input.result, 200, reasons);
    const evidenceUrl = checkEvidenceUrl(input.evidenceUrl, reasons);
    const issueDate = checkIssueDate(input.issueDate, options.now, reasons);
    const achievementId = input.achievementId ?? options.defaultAchievementId;
    if (!achievementId) reasons.push('achievement is missing: name one for the list or this row');
    else if (
      !uuidPattern.test(achievementId) ||
      !options.knownAchievement(achievementId.toLowerCase())
    )
      reasons.push(
        `achievement "${achievementId}" is unknown, archived or not of this organization`,
      );
    if (reasons.length > 0 || !recipient) return { rowNumber, input, reasons };
    const accepted: BulkAwardRow = {
      recipient,
      ...(narrative ? { narrative } : {}),
      ...(evidenceUrl ? { evidenceUrl } : {}),
      ...(result ? { result } : {}),
      ...(issueDate ? { issueDate } : {}),
      ...(input.achievementId ? { achievementId: input.achievementId.toLowerCase() } : {}),
    };
    const key = duplicateKey(accepted, options.defaultAchievementId);
    const earlier = seen.get(key);
    if (earlier !== undefined)
      return {
        rowNumber,
        input,
        reasons: [`duplicate of row ${earlier}: the same learner and achievement`],
      };
    seen.set(key, rowNumber);
    return { rowNumber, input, accepted };
  });
}
