import { describe, expect, it } from 'vitest';
import { charNgrams, contentTerms, normalizeText, stem, words } from './text.ts';

describe('matcher text', () => {
  it('folds case and accents and keeps C++ and C# apart from C', () => {
    expect(normalizeText('  Développement   Web (Front-End)! ')).toBe(
      'developpement web front end',
    );
    expect(words('C++, C# and C')).toEqual(['c++', 'c#', 'and', 'c']);
    expect(words(' \n ')).toEqual([]);
  });

  it('drops function words and job-ad filler, and stems the rest', () => {
    expect(contentTerms('Strong knowledge of developing databases')).toEqual([
      'develop',
      'databas',
    ]);
    expect(stem('sql')).toBe('sql');
    expect(stem('3d')).toBe('3d');
  });

  it('pads character n-grams so word starts and ends count', () => {
    expect(charNgrams('sql', 3)).toEqual([' sq', 'sql', 'ql ']);
    expect(charNgrams('r', 3)).toEqual([' r ']);
  });
});
