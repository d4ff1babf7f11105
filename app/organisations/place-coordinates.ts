import type { Translator } from '../../i18n/translator.ts';

/** Coordinates for reading: "61.45° N, 5.86° E" in the reader's language and number format. */
export function placeCoordinates(t: Translator, { latitude, longitude }: { latitude: number; longitude: number }): string {
  return t.t('place.coordinates', {
    latitude: Math.abs(latitude),
    latitudeHemisphere: latitude >= 0 ? 'north' : 'south',
    longitude: Math.abs(longitude),
    longitudeHemisphere: longitude >= 0 ? 'east' : 'west',
  });
}
