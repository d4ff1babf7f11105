import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveShape } from './derive-shape.ts';

describe('deriveShape', () => {
  it.each([
    [['NO', 'MW'], 'north_south'],
    [['ET', 'NP'], 'south_south'],
    [['NP', 'BD', 'UG'], 'south_south'],
    [['NO', 'ET', 'NP'], 'triangular'],
    [['NO', 'NO', 'BO'], 'north_south'],
    [['NP', 'NP'], 'south_south'],
  ] as const)('%j is %s', (countries, shape) => {
    expect(deriveShape(countries)).toBe(shape);
  });

  it('refuses a single partner or Norwegian partners only', () => {
    expect(deriveShape(['NP'])).toBeNull();
    expect(deriveShape([])).toBeNull();
    expect(deriveShape(['NO', 'NO'])).toBeNull();
  });

  it('is independent of the order of partners', () => {
    const country = fc.constantFrom('NO', 'NP', 'ET', 'MW', 'BO', 'UG');
    fc.assert(
      fc.property(fc.array(country, { maxLength: 6 }), (countries) => {
        expect(deriveShape([...countries].reverse())).toBe(deriveShape(countries));
      }),
    );
  });
});
