import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './negotiate-locale.ts';

describe('negotiateLocale', () => {
  it.each([
    ['nb-NO,nb;q=0.9,en;q=0.8', 'nb'],
    ['nn-NO', 'nn'],
    ['no', 'nb'],
    ['fr-CA,fr;q=0.9', 'fr'],
    ['es-BO', 'es'],
    ['de-DE,fr;q=0.5', 'fr'],
    ['ne-NP', 'en'],
    ['', 'en'],
    [null, 'en'],
    ['*', 'en'],
    ['!!garbage;;q=x', 'en'],
  ])('%s → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});
