import { z } from 'zod';
import { AGE_BANDS } from './age-bands.ts';
import { DIRECTIONS, REGIONS } from './countries.ts';

export const FIRST_STATISTICS_YEAR = 2001;
export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export const SHAPES = ['north_south', 'south_south', 'triangular'] as const;

/** A place in the filters: a country (ISO 3166-1 alpha-2) or one of the regions. */
const place = z.union([z.enum(REGIONS.filter((r) => r !== 'other') as ['norway', 'africa', 'asia', 'latin-america']), z.string().regex(/^[A-Z]{2}$/, 'invalid')], { message: 'invalid' });
const year = z.coerce.number({ message: 'chooseYear' }).int('chooseYear').min(FIRST_STATISTICS_YEAR, 'chooseYear').max(2100, 'chooseYear');

/**
 * The filters of the statistics page and of GET /v1/statistics, as the address carries them
 * (`?from=africa&to=NO&yearFrom=2024&yearTo=2024`). Every one is optional: "any".
 */
export const statisticsFiltersInput = z
  .object({
    yearFrom: year.optional(),
    yearTo: year.optional(),
    from: place.optional(),
    to: place.optional(),
    direction: z.enum(DIRECTIONS, { message: 'invalid' }).optional(),
    gender: z.enum(GENDERS, { message: 'invalid' }).optional(),
    ageBand: z.enum(AGE_BANDS, { message: 'invalid' }).optional(),
    programme: z.uuid({ message: 'invalid' }).optional(),
    shape: z.enum(SHAPES, { message: 'invalid' }).optional(),
    sector: z.string().regex(/^\d{3,5}$/, 'invalid').optional(),
    sdg: z.string().regex(/^([1-9]|1[0-7])$/, 'invalid').optional(),
  })
  .strict();
export type StatisticsFilters = z.infer<typeof statisticsFiltersInput>;

export const STATISTICS_FILTER_NAMES = Object.keys(statisticsFiltersInput.shape) as (keyof StatisticsFilters)[];

/** The filters from an address's query: empty values are "any", other names are ignored. */
export function statisticsFiltersFromSearch(search: URLSearchParams) {
  const raw: Record<string, string> = {};
  for (const name of STATISTICS_FILTER_NAMES) {
    const value = search.get(name);
    if (value) raw[name] = value;
  }
  return statisticsFiltersInput.safeParse(raw);
}

/**
 * The filters a page can use from an address someone typed or edited: a value that is not a choice is left
 * out (the filter becomes "any") and named in `refused` with what was given, so the page can still show the
 * figures and say which filter it could not use. The API and the CSV refuse instead (400).
 */
export function usableStatisticsFilters(search: URLSearchParams): { filters: StatisticsFilters; refused: { name: keyof StatisticsFilters; value: string }[] } {
  const parsed = statisticsFiltersFromSearch(search);
  if (parsed.success) return { filters: parsed.data, refused: [] };
  const names = new Set(parsed.error.issues.map((i) => i.path[0]).filter((n): n is keyof StatisticsFilters => STATISTICS_FILTER_NAMES.includes(n as keyof StatisticsFilters)));
  const kept = new URLSearchParams();
  for (const name of STATISTICS_FILTER_NAMES) if (!names.has(name) && search.get(name)) kept.set(name, search.get(name)!);
  const again = statisticsFiltersFromSearch(kept);
  return { filters: again.success ? again.data : {}, refused: [...names].map((name) => ({ name, value: search.get(name) ?? '' })) };
}

/** The query string of a set of filters (for links to the CSV, the API and the open data). */
export function statisticsFiltersSearch(filters: StatisticsFilters): string {
  const search = new URLSearchParams();
  for (const name of STATISTICS_FILTER_NAMES) {
    const value = filters[name];
    if (value !== undefined) search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
