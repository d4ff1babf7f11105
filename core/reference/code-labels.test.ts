import { describe, expect, it } from 'vitest';
import { codeLabels } from './code-labels.ts';

describe('codeLabels', () => {
  it("names the SDGs by their official short names in every locale, in the reader's language", () => {
    expect(codeLabels('UNSDG-Goals', ['4', '3'], 'fr')).toEqual([
      { code: '4', lang: 'fr', name: 'Éducation de qualité' },
      { code: '3', lang: 'fr', name: 'Bonne santé et bien-être' },
    ]);
    expect(codeLabels('UNSDG-Goals', ['3'], 'es')[0]).toEqual({ code: '3', lang: 'es', name: 'Salud y bienestar' });
    expect(codeLabels('UNSDG-Goals', ['5'], 'nb')[0]!.name).toBe('Likestilling mellom kjønnene');
    expect(codeLabels('UNSDG-Goals', ['5'], 'nn')[0]!.name).toBe('Likestilling mellom kjønna');
    expect(codeLabels('UNSDG-Goals', ['17'], 'en')[0]!.name).toBe('Partnerships for the goals');
  });
  it('marks a name from a list without the reader’s language as English', () => {
    expect(codeLabels('UNSDG-Goals', ['99'], 'nb')).toEqual([{ code: '99', name: '99', lang: 'en' }]);
    expect(codeLabels('Sector', ['12191'], 'nn')[0]).toEqual({ code: '12191', name: 'Medical services', lang: 'en' });
    expect(codeLabels('UNSDG-Targets', ['3.1'], 'es')[0]!.lang).toBe('en');
  });
});
