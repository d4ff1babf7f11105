/**
 * The distance bands that unit costs (travel) are set by: the great-circle distance between the home
 * and host cities, in whole kilometres. Codes are stable: budgets and tables store them.
 */
export const distanceBands = [
  { code: '0-99', fromKm: 0, toKm: 99 },
  { code: '100-499', fromKm: 100, toKm: 499 },
  { code: '500-1999', fromKm: 500, toKm: 1999 },
  { code: '2000-2999', fromKm: 2000, toKm: 2999 },
  { code: '3000-3999', fromKm: 3000, toKm: 3999 },
  { code: '4000-7999', fromKm: 4000, toKm: 7999 },
  { code: '8000+', fromKm: 8000, toKm: null },
] as const;

export type DistanceBandCode = (typeof distanceBands)[number]['code'];

export const distanceBandCodes = distanceBands.map((b) => b.code) as [DistanceBandCode, ...DistanceBandCode[]];

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
