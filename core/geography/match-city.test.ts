import { describe, expect, it } from 'vitest';
import type { CityCandidate } from './city-directory.ts';
import { clearlyBest, CLEARLY_LARGER, matchCity } from './match-city.ts';

const candidate = (population: number, exact = true, id = population + 1): CityCandidate => ({
  id,
  name: 'Town',
  countryCode: 'NO',
  adminCode: '01',
  population,
  latitude: 60,
  longitude: 10,
  exact,
});

describe('the clearly best candidate', () => {
  it('is the only one', () => {
    expect(clearlyBest([candidate(0, false)])?.population).toBe(0);
    expect(clearlyBest([])).toBeUndefined();
  });

  it('is the first when spelt as typed and at least ten times as large as the next', () => {
    expect(CLEARLY_LARGER).toBe(10);
    expect(clearlyBest([candidate(10_000), candidate(1_000)])?.population).toBe(10_000);
    expect(clearlyBest([candidate(9_999), candidate(1_000)])).toBeUndefined();
    expect(clearlyBest([candidate(5_000), candidate(0)])?.population).toBe(5_000);
  });

  it('is none when the largest is not spelt as typed, or nobody lives in either', () => {
    expect(clearlyBest([candidate(100_000, false), candidate(1_000, false)])).toBeUndefined();
    expect(clearlyBest([candidate(0), candidate(0, true, 7)])).toBeUndefined();
  });
});

describe('matching a typed city in its country', () => {
  it('takes the only place of that name, whatever the accents', () => {
    expect(matchCity({ countryCode: 'NP', city: 'Kathmandu' })).toMatchObject({ kind: 'matched', city: { id: 1283240, name: 'Kathmandu' } });
    expect(matchCity({ countryCode: 'NO', city: 'Forde' })).toMatchObject({ kind: 'matched', city: { id: 3156804, name: 'Førde' } });
    const matched = matchCity({ countryCode: 'NO', city: 'Forde' });
    expect(matched.kind === 'matched' && 'exact' in matched.city).toBe(false);
  });

  it('takes a far larger place spelt as typed (Santa Bárbara, 12,906 people against 888)', () => {
    expect(matchCity({ countryCode: 'GT', city: 'Santa Bárbara' })).toMatchObject({ kind: 'matched', city: { id: 3589475, adminCode: '20' } });
  });

  it('asks when several places could be meant, the best first', () => {
    const vik = matchCity({ countryCode: 'NO', city: 'Vik' });
    expect(vik.kind).toBe('ambiguous');
    expect(vik.kind === 'ambiguous' && vik.candidates.map((c) => [c.id, c.adminCode, c.population])).toEqual([
      [7288344, '46', 2899],
      [3131781, '09', 365],
      [7626338, '30', 0],
    ]);
    // Without the accent neither is spelt as typed, so even the far larger one is asked about.
    expect(matchCity({ countryCode: 'GT', city: 'Santa Barbara' })).toMatchObject({ kind: 'ambiguous', candidates: [{ population: 12906 }, { population: 888 }] });
    expect(matchCity({ countryCode: 'GT', city: 'la libertad' })).toMatchObject({ kind: 'ambiguous', candidates: [{ adminCode: '12' }, { adminCode: '08' }] });
  });

  it('takes the place chosen among the candidates', () => {
    expect(matchCity({ countryCode: 'NO', city: 'Vik', cityId: 3131781 })).toMatchObject({ kind: 'matched', city: { id: 3131781, adminCode: '09' } });
    expect(matchCity({ countryCode: 'NO', city: 'Forde', cityId: 3156804 })).toMatchObject({ kind: 'matched', city: { name: 'Førde' } });
  });

  it('finds nothing for a name not in the list (Lalitpur is Pātan to GeoNames)', () => {
    expect(matchCity({ countryCode: 'NP', city: 'Lalitpur' })).toEqual({ kind: 'notFound' });
    expect(matchCity({ countryCode: 'NP', city: 'Patan' })).toMatchObject({ kind: 'matched', city: { name: 'Pātan' } });
    expect(matchCity({ countryCode: 'NO', city: 'Atlantis' })).toEqual({ kind: 'notFound' });
  });

  it('refuses a chosen place outside the country, unknown, or not called what was typed', () => {
    expect(matchCity({ countryCode: 'NP', city: 'Bergen', cityId: 3161732 })).toEqual({ kind: 'notInCountry' });
    expect(matchCity({ countryCode: 'NO', city: 'Bergen', cityId: 1 })).toEqual({ kind: 'notInCountry' });
    expect(matchCity({ countryCode: 'NO', city: 'Bergen', cityId: 3143244 })).toEqual({ kind: 'notCandidate' });
  });
});
