import { DomainError } from '../errors.ts';
import type { City, CityCandidate } from '../geography/city-directory.ts';
import { matchCity } from '../geography/match-city.ts';

/** Where an organisation is on the map: its city matched to the cities list (the organisations table's columns). */
export interface OrganisationPlace {
  cityId: number | null;
  matchedCityName: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** The place columns for a city of the list. */
export const placeAt = (city: City): OrganisationPlace => ({ cityId: city.id, matchedCityName: city.name, latitude: city.latitude, longitude: city.longitude });

/** Several places in the country have the typed name and none is clearly meant: the person chooses one (`cityId`). */
export class CityAmbiguousError extends DomainError {
  constructor(
    readonly candidates: CityCandidate[],
    city: string,
  ) {
    super('cityAmbiguous', { field: 'city', params: { city }, status: 422 });
    this.name = 'CityAmbiguousError';
  }
}

/**
 * The place an organisation's typed city is, in its country (core/geography/match-city.ts): the one
 * place of that name, the clearly best one, or the one chosen by `cityId`. Refuses (422) a name with no
 * place (`cityNotFound`, on `city`), several plausible ones (`CityAmbiguousError`, with the candidates),
 * and a `cityId` outside the country (`cityNotInCountry`) or not called what was typed (`cityNotCandidate`).
 */
export function placeOfCity({ countryCode, city, cityId }: { countryCode: string; city: string; cityId?: number | null }): OrganisationPlace {
  const match = matchCity({ countryCode, city, cityId });
  switch (match.kind) {
    case 'matched':
      return placeAt(match.city);
    case 'ambiguous':
      throw new CityAmbiguousError(match.candidates, city);
    case 'notFound':
      throw new DomainError('cityNotFound', { field: 'city', params: { city }, status: 422 });
    case 'notInCountry':
      throw new DomainError('cityNotInCountry', { field: 'cityId', status: 422 });
    case 'notCandidate':
      throw new DomainError('cityNotCandidate', { field: 'cityId', params: { city }, status: 422 });
  }
}

/** The place columns of a row, as they are. */
export const placeOf = ({ cityId, matchedCityName, latitude, longitude }: OrganisationPlace): OrganisationPlace => ({ cityId, matchedCityName, latitude, longitude });
