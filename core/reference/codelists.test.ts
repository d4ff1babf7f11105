import { describe, expect, it } from 'vitest';
import { codeName, codelist, isCode } from './codelists.ts';

describe('IATI code lists', () => {
  it('reads organisation types, sectors, registration agencies and countries', () => {
    expect(codelist('OrganisationType').map((i) => i.code)).toEqual(expect.arrayContaining(['10', '22', '24', '70', '80']));
    expect(isCode('Sector', '12181')).toBe(true);
    expect(isCode('OrganisationRegistrationAgency', 'NO-BRC')).toBe(true);
    expect(isCode('Country', 'NP')).toBe(true);
    expect(isCode('Sector', '99999')).toBe(false);
  });

  it('names an item in French where the list has French, else in English', () => {
    const sector = codelist('Sector').find((i) => i.code === '11110')!;
    expect(codeName(sector, 'fr')).toBe('Politique de l\'éducation et gestion administrative');
    expect(codeName(sector, 'nb')).toBe('Education policy and administrative management');
  });
});
