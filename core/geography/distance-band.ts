import { DISTANCE_BAND_CODES } from '../../db/schema/unit-costs.ts';

export type DistanceBandCode = (typeof DISTANCE_BAND_CODES)[number];

/**
 * The distance bands that unit costs (travel) are set by: the great-circle distance between the home
 * and host cities, in whole kilometres. The codes are the schema's (tables store them); each band's
 * range is read from its code ('100-499', '8000+'), so there is one list.
 */
export const distanceBands: readonly { code: DistanceBandCode; fromKm: number; toKm: number | null }[] = DISTANCE_BAND_CODES.map((code) => {
  const [from, to] = code.replace('+', '').split('-');
  return { code, fromKm: Number(from), toKm: to === undefined ? null : Number(to) };
});

export const distanceBandCodes = [...DISTANCE_BAND_CODES] as [DistanceBandCode, ...DistanceBandCode[]];

/** A distance in whole kilometres, rounded half up: 99.4 km is 99, 99.5 km is 100. */
export function wholeKilometres(km: number): number {
  if (!Number.isFinite(km) || km < 0) throw new RangeError(`not a distance: ${km}`);
  return Math.round(km);
}

/**
 * The band a distance falls in. The distance is first rounded to whole kilometres (`wholeKilometres`),
 * so the bands have no gaps: 99.4 km is in 0–99, 99.5 km in 100–499.
 */
export function distanceBand(km: number): DistanceBandCode {
  const whole = wholeKilometres(km);
  return distanceBands.find((b) => b.toKm === null || whole <= b.toKm)!.code;
}
