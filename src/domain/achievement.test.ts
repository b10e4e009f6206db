import { describe, expect, it } from 'vitest';
import { achievementInputSchema } from './achievement.ts';
import {
  fullAchievementDefinition,
  minimalAchievementDefinition,
} from './testing/achievement-examples.ts';

/** Messages by dotted path, for asserting what a person would read. */
function errorsOf(input: unknown): Record<string, string> {
  const result = achievementInputSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

function withEu(changes: Record<string, unknown>) {
  const input = minimalAchievementDefinition();
  input.euElements = { ...(input.euElements as object), ...changes };
  return input;
}

describe('achievementInputSchema', () => {
  it('accepts a definition with every field and normalises the country code', () => {
    const parsed = achievementInputSchema.parse(fullAchievementDefinition());
    expect(parsed.euElements.awardingBodyCountry).toBe('IE');
    expect(parsed.alignments[0]?.targetType).toBe('ext:EscoSkill');
  });

  it('defaults achievementType to MicroCredential and lists to empty', () => {
    const parsed = achievementInputSchema.parse(minimalAchievementDefinition());
    expect(parsed.achievementType).toBe('MicroCredential');
    expect(parsed.tags).toEqual([]);
    expect(parsed.alignments).toEqual([]);
  });

  it('names the field when the EQF level is out of range or not whole', () => {
    expect(errorsOf(withEu({ eqfLevel: 9 }))['euElements.eqfLevel']).toBe(
      'eqfLevel must be between 1 and 8',
    );
    expect(errorsOf(withEu({ eqfLevel: 0 }))['euElements.eqfLevel']).toBe(
      'eqfLevel must be between 1 and 8',
    );
    expect(errorsOf(withEu({ eqfLevel: 4.5 }))['euElements.eqfLevel']).toBe(
      'eqfLevel must be a whole number between 1 and 8',
    );
  });

  it('requires at least one learning outcome', () => {
    expect(errorsOf(withEu({ learningOutcomes: [] }))['euElements.learningOutcomes']).toBe(
      'learningOutcomes must list at least one learning outcome',
    );
  });

  it('requires the mandatory Annex I elements by name', () => {
    const input = minimalAchievementDefinition();
    input.euElements = { learningOutcomes: ['x'] };
    const errors = errorsOf(input);
    expect(errors['euElements.assessmentType']).toBe('assessmentType is required');
    expect(errors['euElements.qualityAssurance']).toBe('qualityAssurance is required');
    expect(errors['euElements.participationForm']).toBe(
      'participationForm must be one of: online, onsite, blended',
    );
    expect(errors['euElements.awardingBodyCountry']).toBe('awardingBodyCountry is required');
  });

  it('requires a notional workload in ECTS or hours (Annex I)', () => {
    const input = minimalAchievementDefinition();
    delete input.creditsAvailable;
    expect(errorsOf(input)['euElements.notionalWorkloadHours']).toMatch(/notional workload/);
    expect(errorsOf(withEu({ notionalWorkloadHours: 25 }))).toEqual({});
  });

  it('refuses unknown enumeration values but accepts ext: extensions', () => {
    expect(errorsOf({ ...minimalAchievementDefinition(), achievementType: 'Trophy' })).toEqual({
      achievementType:
        'achievementType must be one of the Open Badges values (e.g. MicroCredential) or start with ext:',
    });
    expect(errorsOf({ ...minimalAchievementDefinition(), achievementType: 'ext:Trophy' })).toEqual(
      {},
    );
  });

  it('refuses non-http URLs, bad country and language codes with readable messages', () => {
    const errors = errorsOf({
      ...withEu({ awardingBodyCountry: 'Germany', furtherInformation: 'javascript:alert(1)' }),
      criteria: { narrative: 'x', id: 'ftp://example.org/criteria' },
      inLanguage: 'English',
    });
    expect(errors).toEqual({
      'criteria.id': 'criteria.id must be a full http(s) URL',
      inLanguage: 'inLanguage must be a language code such as en or de-AT',
      'euElements.awardingBodyCountry':
        'awardingBodyCountry must be a two-letter ISO 3166-1 code such as DE',
      'euElements.furtherInformation': 'furtherInformation must be a full http(s) URL',
    });
  });

  it('refuses unknown fields and blank names', () => {
    const errors = errorsOf({ ...minimalAchievementDefinition(), name: '  ', colour: 'red' });
    expect(errors.name).toBe('name must not be empty');
    expect(errors['']).toMatch(/colour/);
  });
});
