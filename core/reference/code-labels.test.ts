import { describe, expect, it } from 'vitest';
import { codeLabels } from './code-labels.ts';

describe('codeLabels', () => {
  it('names SDGs in French where the list has French, else in English marked as English', () => {
    expect(codeLabels('UNSDG-Goals', ['4', '3'], 'fr').map((l) => [l.code, l.lang, l.name.slice(0, 11)])).toEqual([
      ['4', 'fr', 'Objectif 4.'],
      ['3', 'fr', 'Objectif 3.'],
    ]);
    expect(codeLabels('UNSDG-Goals', ['3'], 'es')[0]).toMatchObject({ lang: 'en', name: expect.stringMatching(/^Goal 3\. /) });
    expect(codeLabels('UNSDG-Goals', ['99'], 'nb')).toEqual([{ code: '99', name: '99', lang: 'en' }]);
    expect(codeLabels('Sector', ['12191'], 'nn')[0]!.name).toBe('Medical services');
  });
});
