/**
 * Turns the flat strings of the achievement form into the shape `achievementInputSchema`
 * expects (numbers, lists, nested objects, blanks dropped), back again for editing, and maps
 * schema issues to the form's inputs. Pure: no I/O, tested on its own.
 *
 * Input names are the schema paths (`euElements.eqfLevel`, `alignments.2.targetUrl`), so an
 * issue's path names its input directly; only alignment rows need renumbering, because empty
 * rows are dropped before validation.
 */
import type { ZodError } from 'zod';
import type { AchievementInput } from '../../domain/achievement.ts';
import type { FieldErrors } from '../forms.ts';

export const alignmentFields = [
  'targetName',
  'targetUrl',
  'targetFramework',
  'targetType',
  'targetCode',
  'targetDescription',
] as const;

/** Labels people see; error messages use them instead of the schema's property names. */
export const fieldLabels: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  achievementType: 'Type',
  'criteria.narrative': 'Criteria',
  'criteria.id': 'Criteria page',
  'image.id': 'Image URL',
  'image.caption': 'Image caption',
  tags: 'Tags',
  creditsAvailable: 'Credits (ECTS)',
  fieldOfStudy: 'Field of study',
  inLanguage: 'Language',
  validityDays: 'Validity in days',
  'euElements.learningOutcomes': 'Learning outcomes',
  'euElements.notionalWorkloadHours': 'Notional workload in hours',
  'euElements.eqfLevel': 'EQF level',
  'euElements.assessmentType': 'Type of assessment',
  'euElements.participationForm': 'Form of participation',
  'euElements.qualityAssurance': 'Quality assurance',
  'euElements.awardingBodyCountry': 'Country of the awarding body',
  'euElements.prerequisites': 'Prerequisites',
  'euElements.supervisionAndIdentityVerification': 'Supervision and identity verification',
  'euElements.gradingScheme': 'Grading scheme',
  'euElements.stackability': 'Integration and stackability',
  'euElements.furtherInformation': 'Further information (URL)',
  targetName: 'Skill or competency',
  targetUrl: 'Link (URL)',
  targetFramework: 'Framework',
  targetType: 'Target type',
  targetCode: 'Code',
  targetDescription: 'Description of the target',
};

const textFields = ['name', 'description', 'achievementType', 'fieldOfStudy', 'inLanguage'];
const numberFields = ['creditsAvailable', 'validityDays'];
const euTextFields = [
  'assessmentType',
  'participationForm',
  'qualityAssurance',
  'awardingBodyCountry',
  'prerequisites',
  'supervisionAndIdentityVerification',
  'gradingScheme',
  'stackability',
  'furtherInformation',
];
const euNumberFields = ['notionalWorkloadHours', 'eqfLevel'];

export type AchievementFormInput = {
  /** Unvalidated input for `achievementInputSchema`. */
  input: Record<string, unknown>;
  /** For each alignment kept, the form row it came from. */
  alignmentRows: number[];
};

/** Trimmed text, or undefined when blank (a blank input means "not given"). */
function given(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * A number from what a person typed ("2", "2.5", "2,5"); anything else is passed on as text so
 * the schema's own message ("must be a number of …") is shown next to the field.
 */
export function numberOf(value: string | undefined): number | string | undefined {
  const text = given(value);
  if (text === undefined) return undefined;
  const normalized = /^\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  return /^-?\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : text;
}

/** Items of a list typed one per line or separated by `separator`, blanks and repeats dropped. */
export function listOf(value: string | undefined, separator: RegExp): string[] {
  const items = (value ?? '')
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
  return [...new Set(items)];
}

/** Objects without the keys whose value is undefined. */
function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

function alignmentsOf(form: Record<string, string>): AchievementFormInput {
  const rows = new Set<number>();
  for (const key of Object.keys(form)) {
    const match = /^alignments\.(\d{1,3})\.\w+$/.exec(key);
    if (match) rows.add(Number(match[1]));
  }
  const alignments: Record<string, unknown>[] = [];
  const alignmentRows: number[] = [];
  for (const row of [...rows].sort((a, b) => a - b)) {
    const alignment = defined(
      Object.fromEntries(
        alignmentFields.map((name) => [name, given(form[`alignments.${row}.${name}`])]),
      ),
    );
    if (Object.keys(alignment).length === 0) continue;
    alignments.push(alignment);
    alignmentRows.push(row);
  }
  return { input: { alignments }, alignmentRows };
}

/** The form's strings as achievement input: numbers parsed, lists split, blanks dropped. */
export function achievementInputFromForm(form: Record<string, string>): AchievementFormInput {
  const { input: alignments, alignmentRows } = alignmentsOf(form);
  const imageId = given(form['image.id']);
  const imageCaption = given(form['image.caption']);
  const input = defined({
    ...Object.fromEntries(textFields.map((name) => [name, given(form[name])])),
    ...Object.fromEntries(numberFields.map((name) => [name, numberOf(form[name])])),
    criteria: defined({
      narrative: given(form['criteria.narrative']),
      id: given(form['criteria.id']),
    }),
    image: imageId || imageCaption ? defined({ id: imageId, caption: imageCaption }) : undefined,
    tags: listOf(form.tags, /,/),
    ...alignments,
    euElements: defined({
      learningOutcomes: listOf(form['euElements.learningOutcomes'], /\r?\n/),
      ...Object.fromEntries(euTextFields.map((name) => [name, given(form[`euElements.${name}`])])),
      ...Object.fromEntries(
        euNumberFields.map((name) => [name, numberOf(form[`euElements.${name}`])]),
      ),
    }),
  });
  return { input, alignmentRows };
}

/** A stored definition as the form's strings, for the edit page. */
export function formValuesOf(definition: AchievementInput): Record<string, string> {
  const values: Record<string, string> = {};
  const put = (name: string, value: string | number | undefined) => {
    if (value !== undefined) values[name] = String(value);
  };
  for (const name of [...textFields, ...numberFields])
    put(name, definition[name as keyof AchievementInput] as string | number | undefined);
  put('criteria.narrative', definition.criteria.narrative);
  put('criteria.id', definition.criteria.id);
  put('image.id', definition.image?.id);
  put('image.caption', definition.image?.caption);
  values.tags = definition.tags.join(', ');
  definition.alignments.forEach((alignment, row) => {
    for (const name of alignmentFields) put(`alignments.${row}.${name}`, alignment[name]);
  });
  const eu = definition.euElements;
  values['euElements.learningOutcomes'] = eu.learningOutcomes.join('\n');
  for (const name of [...euTextFields, ...euNumberFields])
    put(`euElements.${name}`, eu[name as keyof typeof eu] as string | number | undefined);
  return values;
}

/** How many alignment rows the form shows: those filled in, and at least one empty, three in all. */
export function alignmentRowCount(values: Record<string, string>): number {
  let highest = -1;
  for (const key of Object.keys(values)) {
    const match = /^alignments\.(\d{1,3})\./.exec(key);
    if (match && values[key]?.trim()) highest = Math.max(highest, Number(match[1]));
  }
  return Math.max(3, highest + 2);
}

/** The input an issue belongs to: list items belong to their list, alignments to their row. */
function fieldOf(path: ReadonlyArray<PropertyKey>, alignmentRows: number[]): string {
  const [first, second, third] = path;
  if (first === 'alignments') {
    const row = typeof second === 'number' ? (alignmentRows[second] ?? second) : 0;
    return `alignments.${row}.${typeof third === 'string' ? third : 'targetName'}`;
  }
  if (first === 'tags') return 'tags';
  if (first === 'euElements' && second === 'learningOutcomes') return 'euElements.learningOutcomes';
  const names = path.filter((key) => typeof key === 'string');
  return names.length > 0 ? names.join('.') : 'name';
}

/** A message in the form's words: the schema's property name becomes the input's label. */
function messageFor(field: string, message: string): string {
  const alignment = /^alignments\.(\d+)\.(\w+)$/.exec(field);
  const key = alignment ? alignment[2]! : field;
  const label = fieldLabels[key] ?? key;
  const prefix = alignment ? `Alignment ${Number(alignment[1]) + 1}: ` : '';
  if (message.startsWith('notional workload is required'))
    return 'Notional workload is required: give it in ECTS credits or in hours.';
  const property = key.split('.').at(-1)!;
  const rest = message.startsWith(`${property} `)
    ? message.slice(property.length + 1)
    : message.startsWith(`${key} `)
      ? message.slice(key.length + 1)
      : `: ${message}`;
  return `${prefix}${label}${rest.startsWith(':') ? '' : ' '}${rest}`;
}

/** The schema's issues as one message per input (the first issue of each). */
export function achievementFormErrors(error: ZodError, alignmentRows: number[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = fieldOf(issue.path, alignmentRows);
    errors[field] ??= messageFor(field, issue.message);
  }
  return errors;
}
