import { inArray } from 'drizzle-orm';
import type { BandsFor } from '../../core/unit-costs/distance-bands.ts';
import type { Database } from '../database.ts';
import { organisations } from '../schema/organisations.ts';
import type { DistanceBand } from '../schema/unit-costs.ts';

/**
 * Where the factories' cities are (latitude, longitude in degrees), fixed here so that tests of budgets
 * get real distances between real places without a gazetteer. The cities of organisation-factory.ts.
 */
export const cityCoordinates: Record<string, readonly [number, number]> = {
  Førde: [61.452, 5.857],
  Bergen: [60.391, 5.322],
  Oslo: [59.914, 10.752],
  Trondheim: [63.431, 10.395],
  Tromsø: [69.649, 18.956],
  Stavanger: [58.97, 5.733],
  Kathmandu: [27.717, 85.324],
  Pokhara: [28.21, 83.986],
  Lalitpur: [27.667, 85.317],
  Biratnagar: [26.455, 87.27],
  'Addis Ababa': [9.03, 38.74],
  Hawassa: [7.062, 38.476],
  'Bahir Dar': [11.594, 37.39],
  Mekelle: [13.497, 39.475],
  Lilongwe: [-13.963, 33.774],
  Blantyre: [-15.786, 35.006],
  Mzuzu: [-11.465, 34.02],
  Zomba: [-15.386, 35.318],
  Kampala: [0.347, 32.582],
  Gulu: [2.777, 32.299],
  Mbarara: [-0.607, 30.654],
  Arusha: [-3.387, 36.683],
  Moshi: [-3.335, 37.34],
  Dodoma: [-6.163, 35.752],
  Mwanza: [-2.516, 32.917],
  'La Paz': [-16.5, -68.15],
  Cochabamba: [-17.389, -66.157],
  Sucre: [-19.047, -65.259],
  'El Alto': [-16.504, -68.163],
  Quetzaltenango: [14.834, -91.518],
  'Guatemala City': [14.634, -90.507],
  Cobán: [15.47, -90.371],
  Dhaka: [23.81, 90.413],
  Sylhet: [24.895, 91.869],
  Khulna: [22.846, 89.54],
  Yogyakarta: [-7.796, 110.369],
  Bandung: [-6.917, 107.619],
  Makassar: [-5.148, 119.432],
};

/** Great-circle distance in kilometres (haversine, mean Earth radius). */
export function kilometresBetween([lat1, lon1]: readonly [number, number], [lat2, lon2]: readonly [number, number]): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

/** The band of a distance (the codes of db/schema/unit-costs.ts). */
export function bandOfKilometres(km: number): DistanceBand {
  if (km < 100) return '0-99';
  if (km < 500) return '100-499';
  if (km < 2000) return '500-1999';
  if (km < 3000) return '2000-2999';
  if (km < 4000) return '3000-3999';
  if (km < 8000) return '4000-7999';
  return '8000+';
}

/**
 * A real distance lookup for tests: each flow's band from its two organisations' cities, measured on
 * `cityCoordinates`; null when either city is not there (a distance not known).
 */
export function bandsByCity(db: Database, coordinates: Record<string, readonly [number, number]> = cityCoordinates): BandsFor {
  return async (flows) => {
    const ids = [...new Set(flows.flatMap((f) => [f.sendingOrganisationId, f.hostOrganisationId]))];
    const cities = new Map((ids.length ? await db.select({ id: organisations.id, city: organisations.city }).from(organisations).where(inArray(organisations.id, ids)) : []).map((o) => [o.id, o.city]));
    const place = (id: string) => {
      const city = cities.get(id);
      return city !== undefined && Object.hasOwn(coordinates, city) ? coordinates[city] : undefined;
    };
    return new Map(
      flows.map((f) => {
        const [from, to] = [place(f.sendingOrganisationId), place(f.hostOrganisationId)];
        return [f.id, from && to ? bandOfKilometres(kilometresBetween(from, to)) : null];
      }),
    );
  };
}
