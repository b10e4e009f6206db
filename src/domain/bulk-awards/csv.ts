/**
 * The award list as CSV (RFC 4180): a header line naming the columns, then one row per learner.
 * Column names are matched loosely (case, spaces, dashes and underscores do not matter) and
 * common synonyms are accepted, since the file usually comes out of a student system export.
 */
import { parse } from 'csv-parse/sync';
import { ValidationError } from '../errors.ts';
import { neutralizeFormula } from '../spreadsheet-cell.ts';
import { type BulkAwardRowInput, MAX_BULK_ROWS } from './rows.ts';

const columnNames: Record<string, keyof BulkAwardRowInput> = {
  recipient: 'recipient',
  email: 'recipient',
  emailaddress: 'recipient',
  did: 'did',
  learner: 'recipient',
  narrative: 'narrative',
  evidence: 'evidenceUrl',
  evidenceurl: 'evidenceUrl',
  result: 'result',
  grade: 'result',
  issuedate: 'issueDate',
  issuedon: 'issueDate',
  date: 'issueDate',
  achievement: 'achievementId',
  achievementid: 'achievementId',
};

export const CSV_COLUMNS = ['recipient', 'narrative', 'evidence_url', 'result', 'issue_date'];

function columnOf(header: string): keyof BulkAwardRowInput | undefined {
  return columnNames[header.toLowerCase().replace(/[\s_-]+/g, '')];
}

/**
 * Parses the CSV text into row inputs. A file without a recipient column, with a column named
 * twice, or that is not CSV at all is refused as a whole; problems of single rows are left to
 * {@link validateBulkRows}. Unknown columns are refused too, since a misspelt "narative" column
 * silently dropped would issue credentials without what the issuer meant to say.
 */
export function parseBulkCsv(text: string): BulkAwardRowInput[] {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      max_record_size: 64 * 1024,
    }) as string[][];
  } catch (error) {
    throw new ValidationError(`The file is not valid CSV: ${(error as Error).message}`, [
      { field: 'csv', message: 'must be CSV with a header line' },
    ]);
  }
  const [header, ...body] = records;
  if (!header)
    throw new ValidationError('The file is empty.', [{ field: 'csv', message: 'is empty' }]);
  const columns = header.map(columnOf);
  const unknown = header.filter((_, i) => columns[i] === undefined);
  if (unknown.length > 0)
    throw new ValidationError(
      `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')}; the columns are ${CSV_COLUMNS.join(', ')} (and optionally achievement).`,
      [{ field: 'csv', message: 'has unknown columns' }],
    );
  const twice = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (twice.length > 0)
    throw new ValidationError(
      `The column ${twice[0]} appears twice (e.g. both email and recipient).`,
      [{ field: 'csv', message: 'names a column twice' }],
    );
  if (!columns.includes('recipient') && !columns.includes('did'))
    throw new ValidationError('The header needs a recipient (or email, or did) column.', [
      { field: 'csv', message: 'has no recipient column' },
    ]);
  if (body.length === 0)
    throw new ValidationError('The file has a header but no rows.', [
      { field: 'csv', message: 'has no rows' },
    ]);
  if (body.length > MAX_BULK_ROWS)
    throw new ValidationError(`At most ${MAX_BULK_ROWS} rows per list; split the file.`, [
      { field: 'csv', message: 'has too many rows' },
    ]);
  return body.map((record) => {
    const row: BulkAwardRowInput = {};
    columns.forEach((column, i) => {
      if (column && record[i] !== undefined && record[i] !== '') row[column] = record[i];
    });
    return row;
  });
}

/**
 * A cell for a CSV the issuer opens in a spreadsheet: quoted per RFC 4180, and never a formula,
 * since rejected rows echo what was sent.
 */
function cell(value: string | number | undefined): string {
  const text = neutralizeFormula(value === undefined ? '' : String(value));
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export type RejectedRow = { rowNumber: number; input: BulkAwardRowInput; reasons: string[] };

/** The report of rejected rows as CSV: the row number, why, and the cells as sent. */
export function rejectedRowsCsv(rows: readonly RejectedRow[]): string {
  const lines = [
    [
      'row',
      'reasons',
      'recipient',
      'narrative',
      'evidence_url',
      'result',
      'issue_date',
      'achievement',
    ]
      .map(cell)
      .join(','),
  ];
  for (const row of rows)
    lines.push(
      [
        row.rowNumber,
        row.reasons.join('; '),
        row.input.recipient ?? row.input.did,
        row.input.narrative,
        row.input.evidenceUrl,
        row.input.result,
        row.input.issueDate,
        row.input.achievementId,
      ]
        .map(cell)
        .join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}
