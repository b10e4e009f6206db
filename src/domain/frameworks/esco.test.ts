import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import {
  checkEscoColumns,
  escoFileKind,
  escoHierarchyRow,
  escoOccupationSkill,
  escoSkill,
  escoVersionOf,
  splitLabels,
} from './esco.ts';

describe('ESCO files', () => {
  it('are recognized by name, whatever the language or subset suffix', () => {
    expect(escoFileKind('skills_en.csv')).toBe('skills');
    expect(escoFileKind('ict-subset/skills_ict.csv.gz')).toBe('skills');
    expect(escoFileKind('skillsHierarchy_en.csv')).toBe('skillsHierarchy');
    expect(escoFileKind('occupationSkillRelations.csv')).toBe('occupationSkillRelations');
    expect(escoFileKind('greenSkillsCollection_en.csv')).toBeUndefined();
    expect(escoVersionOf('v111_classification_en.zip')).toBe('1.1.1');
  });

  it('without a required column are refused, naming file and column', () => {
    expect(() => checkEscoColumns('skills', 'skills_en.csv', ['conceptUri', 'label'])).toThrow(
      ValidationError,
    );
    expect(() => checkEscoColumns('skills', 'skills_en.csv', ['conceptUri', 'label'])).toThrow(
      /skills_en\.csv .* no "preferredLabel" column/,
    );
  });
});

describe('ESCO rows', () => {
  it('give skills with their type and one alternative label per line', () => {
    const skill = escoSkill({
      conceptUri: 'http://data.europa.eu/esco/skill/1',
      preferredLabel: 'Haskell',
      skillType: 'knowledge',
      altLabels: 'Haskell\nHaskell programming\n',
      description: 'A language.',
      reuseLevel: 'sector-specific',
    });
    expect(skill).toMatchObject({
      statement: 'Haskell',
      type: 'knowledge',
      altLabels: ['Haskell programming'],
      extra: { reuseLevel: 'sector-specific' },
    });
    expect(splitLabels('a\r\nb\n\na')).toEqual(['a', 'b']);
  });

  it('give each hierarchy row its deepest group and the link to the level above', () => {
    const { group, link } = escoHierarchyRow({
      'Level 0 URI': 'http://x/L',
      'Level 0 preferred term': 'language skills',
      'Level 1 URI': 'http://x/L1',
      'Level 1 preferred term': 'languages',
      'Level 1 code': 'L1',
    });
    expect(group).toMatchObject({ uri: 'http://x/L1', code: 'L1', level: 'Level 1' });
    expect(link).toMatchObject({ originUri: 'http://x/L1', destinationUri: 'http://x/L' });
  });

  it('keep only essential and optional occupation–skill relations', () => {
    expect(
      escoOccupationSkill({ occupationUri: 'o', skillUri: 's', relationType: 'essential' }),
    ).toEqual({ occupationUri: 'o', skillUri: 's', relation: 'essential' });
    expect(
      escoOccupationSkill({ occupationUri: 'o', skillUri: 's', relationType: 'maybe' }),
    ).toBeUndefined();
  });
});
