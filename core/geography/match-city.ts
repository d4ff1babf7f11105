import { cityById, findCityCandidates, isCityInCountry, type City, type CityCandidate } from './city-directory.ts';

/**
 * How much larger a city spelt exactly as typed must be than every other place of that name in the
 * country to be taken without asking: ten times. "Santa Bárbara" in Guatemala is the town of 12,906
 * people, not the village of 888; "La Libertad" (8,646 and 6,439) and "Vik" in Norway (2,899 and 365,
 * eight times) are asked about.
 */
export const CLEARLY_LARGER = 10;

/** At most this many candidates are offered, the best first. */
export const MAX_CANDIDATES = 20;

export type CityMatch =
  | { kind: 'matched'; city: City }
  /** Several places have that name and none is clearly the one: the person chooses (`cityId`). */
  | { kind: 'ambiguous'; candidates: CityCandidate[] }
  /** No place of at least 1,000 people with that name in the country. */
  | { kind: 'notFound' }
  /** The chosen `cityId` is not a place in that country (or in the list at all). */
  | { kind: 'notInCountry' }
  /** The chosen `cityId` is in the country but not one of the places called what was typed. */
  | { kind: 'notCandidate' };

/**
 * The one candidate that can be taken without asking: the only one; or the first (best) one when it is
 * spelt exactly as typed, case aside, and has at least CLEARLY_LARGER times the people of the next.
 * Otherwise none. `candidates` must be best first, as `findCityCandidates` gives them.
 */
export function clearlyBest(candidates: readonly CityCandidate[]): CityCandidate | undefined {
  const [first, second] = candidates;
  if (!first) return undefined;
  if (!second) return first;
  return first.exact && first.population > 0 && first.population >= CLEARLY_LARGER * second.population ? first : undefined;
}

/**
 * Matches a typed city to the cities list, in its country. With `cityId` (the person's choice among the
 * candidates), that city, if it is in the country and called what was typed.
 */
export function matchCity({ countryCode, city, cityId }: { countryCode: string; city: string; cityId?: number | null }): CityMatch {
  const candidates = findCityCandidates(countryCode, city);
  if (cityId != null) {
    const chosen = cityById(cityId);
    if (!chosen || !isCityInCountry(chosen, countryCode)) return { kind: 'notInCountry' };
    return candidates.some((c) => c.id === cityId) ? { kind: 'matched', city: chosen } : { kind: 'notCandidate' };
  }
  if (candidates.length === 0) return { kind: 'notFound' };
  const best = clearlyBest(candidates);
  if (best) {
    const { exact: _exact, ...bestCity } = best;
    return { kind: 'matched', city: bestCity };
  }
  return { kind: 'ambiguous', candidates: candidates.slice(0, MAX_CANDIDATES) };
}
