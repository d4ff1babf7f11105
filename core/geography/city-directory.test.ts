import { describe, expect, it } from 'vitest';
import { cityById, findCityCandidates, isCityInCountry } from './city-directory.ts';
import { distanceBand } from './distance-band.ts';
import { greatCircleDistance } from './great-circle-distance.ts';
import { placeNameKey, sameSpelling } from './place-name-key.ts';

describe('place names as compared', () => {
  it('sets case, accents and punctuation aside', () => {
    expect(placeNameKey('Førde')).toBe('forde');
    expect(placeNameKey('  FØRDE ')).toBe('forde');
    expect(placeNameKey('Cobán')).toBe('coban');
    expect(placeNameKey('Port-aux-Français')).toBe('port aux francais');
    expect(placeNameKey('Kuril’sk')).toBe('kurilsk');
    expect(placeNameKey('Æsøy Straße')).toBe('aesoy strasse');
    expect(placeNameKey('Łódź')).toBe('lodz');
    expect(placeNameKey('—')).toBe('');
  });

  it('calls the same spelling what differs only in case and spaces', () => {
    expect(sameSpelling('santa  bárbara', 'Santa Bárbara')).toBe(true);
    expect(sameSpelling('Santa Barbara', 'Santa Bárbara')).toBe(false);
  });
});

describe('the city directory', () => {
  it('finds a city by its name in its country, accents and case aside, with what GeoNames knows of it', () => {
    expect(findCityCandidates('NO', 'Forde')).toEqual([
      { id: 3156804, name: 'Førde', countryCode: 'NO', adminCode: '46', population: 8510, latitude: 61.45217, longitude: 5.85717, exact: false },
    ]);
    expect(findCityCandidates('no', 'førde')).toMatchObject([{ id: 3156804, exact: true }]);
    expect(findCityCandidates('NP', 'Kathmandu')).toMatchObject([{ id: 1283240, name: 'Kathmandu', population: 1442271 }]);
  });

  it('looks only in the country given', () => {
    expect(findCityCandidates('SE', 'Bergen')).toEqual([]);
    expect(findCityCandidates('XX', 'Bergen')).toEqual([]);
    expect(findCityCandidates('NO', '')).toEqual([]);
    expect(findCityCandidates('NO', '  ?? ')).toEqual([]);
  });

  it('lists every place of the name, those spelt as typed first, then the largest', () => {
    expect(findCityCandidates('NO', 'Vik').map((c) => [c.adminCode, c.population])).toEqual([
      ['46', 2899],
      ['09', 365],
      ['30', 0],
    ]);
    expect(findCityCandidates('GT', 'Santa Barbara').map((c) => [c.name, c.population, c.exact])).toEqual([
      ['Santa Bárbara', 12906, false],
      ['Santa Bárbara', 888, false],
    ]);
  });

  it('finds a city GeoNames also places in another country (Longyearbyen, Svalbard, also in Norway)', () => {
    const [longyearbyen] = findCityCandidates('NO', 'Longyearbyen');
    expect(longyearbyen).toMatchObject({ name: 'Longyearbyen', countryCode: 'SJ' });
    expect(isCityInCountry(longyearbyen!, 'NO')).toBe(true);
    expect(isCityInCountry(longyearbyen!, 'SE')).toBe(false);
  });

  it('gives a city by its GeoNames id, or nothing', () => {
    expect(cityById(3161732)).toMatchObject({ name: 'Bergen', countryCode: 'NO', latitude: 60.39299, longitude: 5.32415 });
    expect(cityById(1)).toBeUndefined();
    expect(cityById(1.5)).toBeUndefined();
  });
});

describe('distances between real cities, with coordinates from the list', () => {
  const addisAbaba = cityById(344979)!;
  const bergen = cityById(3161732)!;
  const kathmandu = cityById(1283240)!;

  // Checked once by another method: Vincenty's inverse formula on the WGS 84 ellipsoid, with the same
  // coordinates (2026-11-28). The sphere differs from the ellipsoid by well under 1 %.
  it.each<[string, string, typeof addisAbaba, typeof addisAbaba, number]>([
    ['Addis Ababa', 'Bergen', addisAbaba, bergen, 6337.6],
    ['Bergen', 'Kathmandu', bergen, kathmandu, 6828.2],
    ['Addis Ababa', 'Kathmandu', addisAbaba, kathmandu, 5298.3],
  ])('%s–%s is within 1 %% of %s km by the ellipsoid, in the 4,000–7,999 km band', (_from, _to, from, to, ellipsoidKm) => {
    const km = greatCircleDistance(from, to);
    expect(Math.abs(km - ellipsoidKm) / ellipsoidKm).toBeLessThan(0.01);
    expect(distanceBand(km)).toBe('4000-7999');
  });

  it('puts Førde and Bergen (about 120 km) in the 100–499 km band', () => {
    expect(distanceBand(greatCircleDistance(cityById(3156804)!, bergen))).toBe('100-499');
  });
});
