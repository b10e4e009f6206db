import { describe, expect, it } from 'vitest';
import { achievementInputSchema } from '../../domain/achievement.ts';
import { fullAchievementDefinition } from '../../domain/testing/achievement-examples.ts';
import {
  achievementFormErrors,
  achievementInputFromForm,
  alignmentRowCount,
  formValuesOf,
  numberOf,
} from './achievement-form-input.ts';

const required = {
  name: ' Teamwork ',
  description: 'Collaborates effectively in a group.',
  'criteria.narrative': 'Peer-nominated and reviewed.',
  creditsAvailable: '1',
  'euElements.learningOutcomes': 'Works with others\r\n\r\n  Shares credit  \n',
  'euElements.assessmentType': 'Peer review',
  'euElements.participationForm': 'onsite',
  'euElements.qualityAssurance': 'Internal review board',
  'euElements.awardingBodyCountry': 'de',
};

describe('achievement form input', () => {
  it('converts strings to the schema types and drops blanks', () => {
    const { input, alignmentRows } = achievementInputFromForm({
      ...required,
      _csrf: 'ignored',
      achievementType: 'Course',
      tags: 'teamwork, , collaboration,teamwork',
      validityDays: '365',
      fieldOfStudy: '   ',
      'image.id': '',
      'euElements.eqfLevel': '5',
      'euElements.notionalWorkloadHours': '2,5',
      'euElements.supervisionAndIdentityVerification': '',
      'alignments.0.targetName': '',
      'alignments.0.targetUrl': ' ',
      'alignments.1.targetName': 'Teamwork',
      'alignments.1.targetUrl': 'https://esco.example/teamwork',
      'alignments.1.targetType': 'ext:EscoSkill',
      'alignments.2.targetFramework': '',
    });
    expect(input).toEqual({
      name: 'Teamwork',
      description: 'Collaborates effectively in a group.',
      achievementType: 'Course',
      creditsAvailable: 1,
      validityDays: 365,
      criteria: { narrative: 'Peer-nominated and reviewed.' },
      tags: ['teamwork', 'collaboration'],
      alignments: [
        {
          targetName: 'Teamwork',
          targetUrl: 'https://esco.example/teamwork',
          targetType: 'ext:EscoSkill',
        },
      ],
      euElements: {
        learningOutcomes: ['Works with others', 'Shares credit'],
        assessmentType: 'Peer review',
        participationForm: 'onsite',
        qualityAssurance: 'Internal review board',
        awardingBodyCountry: 'de',
        eqfLevel: 5,
        notionalWorkloadHours: 2.5,
      },
    });
    expect(alignmentRows).toEqual([1]);
    expect(achievementInputSchema.safeParse(input).success).toBe(true);
  });

  it('passes text that is not a number on, so the schema names the field', () => {
    expect(numberOf('abc')).toBe('abc');
    expect(numberOf(' 12 ')).toBe(12);
    expect(numberOf('')).toBeUndefined();
  });

  it('maps nested issues to their inputs, with labels and renumbered alignment rows', () => {
    const { input, alignmentRows } = achievementInputFromForm({
      ...required,
      creditsAvailable: '',
      'euElements.eqfLevel': '12',
      'euElements.learningOutcomes': '',
      'alignments.0.targetName': '',
      'alignments.2.targetName': 'Teamwork',
      'alignments.2.targetUrl': 'javascript:alert(1)',
    });
    const parsed = achievementInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const errors = achievementFormErrors(parsed.error!, alignmentRows);
    expect(errors['euElements.eqfLevel']).toBe('EQF level must be between 1 and 8');
    expect(errors['euElements.learningOutcomes']).toMatch(/^Learning outcomes must list/);
    expect(errors['alignments.2.targetUrl']).toBe(
      'Alignment 3: Link (URL) must be a full http(s) URL',
    );
    expect(errors['euElements.notionalWorkloadHours']).toMatch(/ECTS credits or in hours/);
  });

  it('round-trips a stored definition through the form', () => {
    const definition = achievementInputSchema.parse(fullAchievementDefinition());
    const values = formValuesOf(definition);
    expect(values['euElements.eqfLevel']).toBe('6');
    expect(values['alignments.1.targetType']).toBe('CFItem');
    expect(alignmentRowCount(values)).toBe(3);
    const again = achievementInputSchema.parse(achievementInputFromForm(values).input);
    const { resultDescriptions: _dropped, ...rest } = definition;
    expect(again).toEqual(rest);
  });
});
