import { describe, expect, it } from 'vitest';
import { parseBulkCsv, rejectedRowsCsv } from './csv.ts';
import { validateBulkRows } from './rows.ts';

const now = new Date('2026-07-01T12:00:00Z');
const achievement = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9';
const other = '11111111-2222-4333-8444-555555555555';
const options = {
  now,
  defaultAchievementId: achievement,
  knownAchievement: (id: string) => id === achievement || id === other,
  firstRowNumber: 2,
};

const reasonsOf = (verdict: ReturnType<typeof validateBulkRows>[number]) =>
  'reasons' in verdict ? verdict.reasons : [];

describe('validateBulkRows', () => {
  it('accepts an email (normalized) or a DID, with the optional columns', () => {
    const [email, did] = validateBulkRows(
      [
        {
          recipient: ' Ada@Example.ORG ',
          narrative: 'Capstone',
          evidenceUrl: 'https://example.org/work',
          result: 'A',
          issueDate: '2026-06-30',
        },
        { recipient: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' },
      ],
      options,
    );
    expect(email).toEqual({
      rowNumber: 2,
      input: expect.any(Object),
      accepted: {
        recipient: { email: 'ada@example.org' },
        narrative: 'Capstone',
        evidenceUrl: 'https://example.org/work',
        result: 'A',
        issueDate: '2026-06-30T00:00:00Z',
      },
    });
    expect(did && 'accepted' in did && did.accepted.recipient).toEqual({
      did: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
    });
  });

  it('gives every reason a row is rejected, with spreadsheet row numbers', () => {
    const [row] = validateBulkRows(
      [
        {
          recipient: 'ada@',
          evidenceUrl: 'javascript:alert(1)',
          issueDate: '2026-02-30',
          achievementId: 'nope',
        },
      ],
      options,
    );
    expect(row!.rowNumber).toBe(2);
    expect(reasonsOf(row!)).toEqual([
      'recipient "ada@" is not a valid email address (like name@example.org)',
      'evidence URL "javascript:alert(1)" is not an http(s) URL',
      'issue date "2026-02-30" does not exist in the calendar',
      'achievement "nope" is unknown, archived or not of this organization',
    ]);
  });

  it('refuses missing recipients, bad DIDs, future dates, both email and DID, and overlong text', () => {
    const verdicts = validateBulkRows(
      [
        {},
        { recipient: 'did:nope' },
        { recipient: 'a@example.org', issueDate: '2026-07-02' },
        { recipient: 'b@example.org', did: 'did:example:b' },
        { recipient: 'c@example.org', result: 'x'.repeat(201) },
      ],
      options,
    );
    expect(reasonsOf(verdicts[0]!)[0]).toMatch(/recipient is missing/);
    expect(reasonsOf(verdicts[1]!)[0]).toMatch(/not a valid DID/);
    expect(reasonsOf(verdicts[2]!)[0]).toMatch(/in the future/);
    expect(reasonsOf(verdicts[3]!)[0]).toMatch(/not both/);
    expect(reasonsOf(verdicts[4]!)[0]).toMatch(/result is longer than 200/);
  });

  it('rejects a second row for the same learner and achievement, not for another achievement', () => {
    const verdicts = validateBulkRows(
      [
        { recipient: 'ada@example.org' },
        { recipient: 'ADA@example.org ' },
        { recipient: 'ada@example.org', achievementId: other },
        { recipient: 'ada@example.org', achievementId: achievement },
      ],
      options,
    );
    expect(verdicts.map((v) => ('accepted' in v ? 'ok' : v.reasons[0]))).toEqual([
      'ok',
      'duplicate of row 2: the same learner and achievement',
      'ok',
      'duplicate of row 2: the same learner and achievement',
    ]);
  });

  it('needs an achievement for the list or the row', () => {
    const [row] = validateBulkRows([{ recipient: 'a@example.org' }], {
      ...options,
      defaultAchievementId: undefined,
    });
    expect(reasonsOf(row!)).toEqual(['achievement is missing: name one for the list or this row']);
  });
});

describe('parseBulkCsv', () => {
  it('maps loosely named columns, quoted cells and a byte order mark', () => {
    const rows = parseBulkCsv(
      '\uFEFFE-mail Address,Grade,Issue_Date,Evidence URL,Narrative\r\nada@example.org,A,2026-06-30,https://e.org/1,"Led the team, and wrote ""the"" report"\r\n\r\n',
    );
    expect(rows).toEqual([
      {
        recipient: 'ada@example.org',
        result: 'A',
        issueDate: '2026-06-30',
        evidenceUrl: 'https://e.org/1',
        narrative: 'Led the team, and wrote "the" report',
      },
    ]);
  });

  it('keeps separate email and did columns apart', () => {
    expect(parseBulkCsv('email,did\nada@example.org,\n,did:example:b\n')).toEqual([
      { recipient: 'ada@example.org' },
      { did: 'did:example:b' },
    ]);
  });

  it('refuses files it cannot read as a whole, saying why', () => {
    expect(() => parseBulkCsv('')).toThrow(/empty/);
    expect(() => parseBulkCsv('recipient\n')).toThrow(/no rows/);
    expect(() => parseBulkCsv('narative\nx\n')).toThrow(/Unknown column "narative"/);
    expect(() => parseBulkCsv('result\nA\n')).toThrow(/recipient/);
    expect(() => parseBulkCsv('email,recipient\na,b\n')).toThrow(/appears twice/);
    expect(() => parseBulkCsv('recipient\n"unterminated\n')).toThrow(/not valid CSV/);
  });
});

describe('rejectedRowsCsv', () => {
  it('quotes cells and neutralizes formulas', () => {
    const csv = rejectedRowsCsv([
      { rowNumber: 3, input: { recipient: '=1+1', narrative: 'a "b", c' }, reasons: ['x', 'y'] },
    ]);
    expect(csv).toBe(
      'row,reasons,recipient,narrative,evidence_url,result,issue_date,achievement\r\n3,x; y,"\'=1+1","a ""b"", c",,,,\r\n',
    );
  });
});
