/**
 * The mean radius of the Earth in kilometres, R1 = (2a + b) / 3 of the WGS 84 ellipsoid, as the IUGG
 * recommends for a spherical Earth. The sphere's error against the ellipsoid is at most about 0.5 %.
 */
export const EARTH_MEAN_RADIUS_KM = 6371.0088;

/** A point on the Earth in decimal degrees: latitude −90…90 (north positive), longitude −180…180 (east positive). */
export interface Coordinates {
  latitude: number;
  longitude: number;
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

function checked({ latitude, longitude }: Coordinates): Coordinates {
  if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) throw new RangeError(`not a place on Earth: ${latitude}, ${longitude}`);
  return { latitude, longitude };
}

/**
 * The great-circle distance between two places in kilometres, by the haversine formula on a sphere of
 * the mean Earth radius: the shortest way over the surface, as a flight goes, not the road.
 */
export function greatCircleDistance(from: Coordinates, to: Coordinates): number {
  const a = checked(from);
  const b = checked(to);
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  // Rounding can push h a hair above 1 for two antipodal points; asin would then give NaN.
  return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}
