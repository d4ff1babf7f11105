import { and, asc, sql, type SQL } from 'drizzle-orm';
import { rawRows } from '../../db/raw-rows.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { agencyYear } from '../finance/budget-year.ts';
import { AGE_BANDS } from './age-bands.ts';
import { countryRegion, flowDirection, regionCountries, REGIONS, DIRECTIONS, type Direction, type Region } from './countries.ts';
import { FIRST_STATISTICS_YEAR, GENDERS, SHAPES, STATISTICS_FILTER_NAMES, type StatisticsFilters } from './statistics-filters.ts';
import { publishedCount, suppressSmallCells, type PublishedCell } from './suppress-small-cells.ts';

/** The tables of the statistics page; each is a chart, a table and a CSV (`/{lang}/statistics/{table}.csv`). */
export const STATISTICS_TABLES = ['year', 'direction', 'home-region', 'host-region', 'home-country', 'host-country', 'gender', 'age-band', 'programme', 'shape', 'sector', 'sdg', 'flows'] as const;
export type StatisticsTableId = (typeof STATISTICS_TABLES)[number];

export interface StatisticsTable {
  id: StatisticsTableId;
  /** Keys are codes: a year, a country or region code, a programme id, a sector or SDG code; flows are `home-host`. */
  rows: PublishedCell[];
}

export interface Flow {
  home: string;
  host: string;
  direction: Direction | 'other';
  /** null when suppressed. */
  people: number | null;
}

export interface ParticipantStatistics {
  filters: StatisticsFilters;
  /** The year range shown (the filters', else from 2001 to this year). */
  yearFrom: number;
  yearTo: number;
  /** The agency's current year: its figures grow until the year is over. */
  provisionalYear: number;
  headline: {
    /** Every figure is null when it would be about fewer than 5 people. */
    people: number | null;
    countries: number;
    women: number | null;
    /** Whole per cent of the people. */
    womenPercent: number | null;
    averageAge: number | null;
    averageStayMonths: number | null;
    southSouth: number | null;
  };
  tables: Record<StatisticsTableId, StatisticsTable>;
  flows: Flow[];
  /** Names for programme ids in the tables. */
  programmeNames: Record<string, string>;
}

const DAYS_PER_MONTH = 365.25 / 12;

/** The conditions of the filters on participant_flow_counts, except the SDG one. */
function filterConditions(filters: StatisticsFilters, yearFrom: number, yearTo: number): SQL[] {
  const where: SQL[] = [sql`year between ${yearFrom} and ${yearTo}`];
  const place = (column: SQL, value: string | undefined) => {
    if (!value) return;
    if ((REGIONS as readonly string[]).includes(value)) {
      const codes = regionCountries(value as Region);
      where.push(codes.length ? sql`${column} in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})` : sql`false`);
    } else where.push(sql`${column} = ${value}`);
  };
  place(sql`home_country`, filters.from);
  place(sql`host_country`, filters.to);
  if (filters.direction === 'norway-south') where.push(sql`home_country = 'NO' and host_country <> 'NO'`);
  if (filters.direction === 'south-norway') where.push(sql`host_country = 'NO' and home_country <> 'NO'`);
  if (filters.direction === 'south-south') where.push(sql`home_country <> 'NO' and host_country <> 'NO'`);
  if (filters.gender) where.push(sql`gender = ${filters.gender}`);
  if (filters.ageBand) where.push(sql`age_band = ${filters.ageBand}`);
  if (filters.programme) where.push(sql`programme_id = ${filters.programme}`);
  if (filters.shape) where.push(sql`shape = ${filters.shape}`);
  if (filters.sector) where.push(sql`sector_code = ${filters.sector}`);
  return where;
}

interface GroupRow {
  year: number | null;
  home_country: string | null;
  host_country: string | null;
  programme_id: string | null;
  shape: string | null;
  sector_code: string | null;
  gender: string | null;
  age_band: string | null;
  people: number;
  age_years: number;
  stay_days: number;
}

/**
 * People who went on exchange, by year, direction, region, country, gender, age band, programme, shape,
 * sector and SDG, with the filters of the statistics page. Public: counts only, read from the maintained
 * aggregate (db/schema/participant-statistics.ts) in two queries whatever the number of participants, and
 * every count of fewer than 5 people suppressed by the one rule (suppress-small-cells.ts). The answer for
 * a set of filters is kept in memory while the aggregate does not change (at most 30 seconds).
 */
export async function getParticipantStatistics(ctx: CoreContext, { filters }: { filters: StatisticsFilters }): Promise<ParticipantStatistics> {
  const provisionalYear = agencyYear(ctx.now());
  // What was computed for these filters stands while the aggregate's version (a sequence every change
  // moves on) is the same; a change not yet committed when its version was read is caught by the age limit.
  const [version] = await rawRows<{ v: string }>(ctx.db, sql`select last_value::text || '/' || is_called::text as v from participant_stats_version`);
  const key = JSON.stringify([version?.v, provisionalYear, STATISTICS_FILTER_NAMES.map((name) => filters[name] ?? null)]);
  const cache = cacheOf(ctx.db);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = await computeStatistics(ctx, filters, provisionalYear);
  if (cache.size >= CACHE_ENTRIES) cache.clear();
  cache.set(key, { at: Date.now(), value });
  return value;
}

const CACHE_MS = 30_000;
const CACHE_ENTRIES = 500;
const caches = new WeakMap<object, Map<string, { at: number; value: ParticipantStatistics }>>();
function cacheOf(db: object) {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

async function computeStatistics(ctx: CoreContext, filters: StatisticsFilters, provisionalYear: number): Promise<ParticipantStatistics> {
  let yearFrom = filters.yearFrom ?? FIRST_STATISTICS_YEAR;
  let yearTo = filters.yearTo ?? Math.max(provisionalYear, yearFrom);
  if (yearFrom > yearTo) [yearFrom, yearTo] = [yearTo, yearFrom];
  const where = filterConditions(filters, yearFrom, yearTo);
  const sdgWhere = filters.sdg ? sql`sdg_goal = ${filters.sdg}` : sql`sdg_goal = ''`;
  const [groups, sdgRows, programmeRows] = await Promise.all([
    rawRows<GroupRow>(
      ctx.db,
      sql`select year, home_country, host_country, programme_id, shape, sector_code, gender, age_band,
            sum(people)::int as people, sum(age_years_sum)::float8 as age_years, sum(stay_days_sum)::float8 as stay_days
          from participant_flow_counts where ${and(sdgWhere, ...where)}
          group by grouping sets ((year), (home_country, host_country), (programme_id), (shape), (sector_code), (gender), (age_band), ())
          having sum(people) > 0`,
    ),
    rawRows<{ sdg_goal: string; people: number }>(
      ctx.db,
      sql`select sdg_goal, sum(people)::int as people from participant_flow_counts
          where ${and(filters.sdg ? sql`sdg_goal = ${filters.sdg}` : sql`sdg_goal <> ''`, ...where)}
          group by sdg_goal having sum(people) > 0`,
    ),
    ctx.db.select({ id: programmes.id, name: programmes.name }).from(programmes).orderBy(asc(programmes.name)),
  ]);

  const total = groups.find((g) => g.year === null && g.home_country === null && g.programme_id === null && g.shape === null && g.sector_code === null && g.gender === null && g.age_band === null);
  const rowsOf = (column: keyof GroupRow) => groups.filter((g) => g[column] !== null);
  const count = (rows: GroupRow[], key: (g: GroupRow) => string) => {
    const sums = new Map<string, number>();
    for (const g of rows) sums.set(key(g), (sums.get(key(g)) ?? 0) + g.people);
    return sums;
  };
  const ordered = (sums: Map<string, number>, order?: readonly string[]) => {
    const keys = order ? order.filter((k) => sums.has(k)) : [...sums.keys()].sort((a, b) => (sums.get(b) ?? 0) - (sums.get(a) ?? 0) || a.localeCompare(b));
    return suppressSmallCells(keys.map((key) => ({ key, people: sums.get(key) ?? 0 })));
  };

  const flowRows = rowsOf('home_country');
  const years = Array.from({ length: yearTo - yearFrom + 1 }, (_, i) => String(yearFrom + i));
  const yearSums = count(rowsOf('year'), (g) => String(g.year));
  const programmeOrder = programmeRows.map((p) => p.id);
  const sdgSums = new Map(sdgRows.map((r) => [r.sdg_goal, r.people]));

  const tables: Record<StatisticsTableId, StatisticsTable> = {
    year: { id: 'year', rows: ordered(yearSums, years) },
    direction: { id: 'direction', rows: ordered(count(flowRows, (g) => flowDirection(g.home_country!, g.host_country!)), [...DIRECTIONS, 'other']) },
    'home-region': { id: 'home-region', rows: ordered(count(flowRows, (g) => countryRegion(g.home_country!)), REGIONS) },
    'host-region': { id: 'host-region', rows: ordered(count(flowRows, (g) => countryRegion(g.host_country!)), REGIONS) },
    'home-country': { id: 'home-country', rows: ordered(count(flowRows, (g) => g.home_country!)) },
    'host-country': { id: 'host-country', rows: ordered(count(flowRows, (g) => g.host_country!)) },
    gender: { id: 'gender', rows: ordered(count(rowsOf('gender'), (g) => g.gender!), GENDERS) },
    'age-band': { id: 'age-band', rows: ordered(count(rowsOf('age_band'), (g) => g.age_band!), AGE_BANDS) },
    programme: { id: 'programme', rows: ordered(count(rowsOf('programme_id'), (g) => g.programme_id!), [...programmeOrder, ...rowsOf('programme_id').map((g) => g.programme_id!).filter((id) => !programmeOrder.includes(id))]) },
    shape: { id: 'shape', rows: ordered(count(rowsOf('shape'), (g) => g.shape!), SHAPES) },
    sector: { id: 'sector', rows: ordered(count(rowsOf('sector_code'), (g) => g.sector_code!)) },
    sdg: { id: 'sdg', rows: ordered(sdgSums, Array.from({ length: 17 }, (_, i) => String(i + 1))) },
    flows: { id: 'flows', rows: ordered(count(flowRows, (g) => `${g.home_country}-${g.host_country}`)) },
  };
  const flows = tables.flows.rows.map((cell) => {
    const [home, host] = cell.key.split('-') as [string, string];
    return { home, host, direction: flowDirection(home, host), people: cell.people };
  });

  const people = total?.people ?? 0;
  const women = count(rowsOf('gender'), (g) => g.gender!).get('female') ?? 0;
  const southSouth = count(flowRows, (g) => flowDirection(g.home_country!, g.host_country!)).get('south-south') ?? 0;
  const countries = new Set(flowRows.flatMap((g) => [g.home_country!, g.host_country!]));
  const enough = people >= 5;
  // A share of women is published only when neither the women nor the others are a small cell.
  const womenShown = enough && publishedCount(women) !== null && publishedCount(people - women) !== null;
  return {
    filters,
    yearFrom,
    yearTo,
    provisionalYear,
    headline: {
      people: publishedCount(people),
      countries: countries.size,
      women: womenShown ? women : null,
      womenPercent: womenShown ? Math.round((100 * women) / people) : null,
      averageAge: enough && total ? Math.round((10 * total.age_years) / people) / 10 : null,
      averageStayMonths: enough && total ? Math.round((10 * total.stay_days) / people / DAYS_PER_MONTH) / 10 : null,
      southSouth: publishedCount(southSouth),
    },
    tables,
    flows,
    programmeNames: Object.fromEntries(programmeRows.map((p) => [p.id, p.name])),
  };
}

/**
 * The choices of the filters: the years since the first with people, the countries of the organisations,
 * the programmes and the partnerships' sectors. Each is an index read (the aggregate's key starts with
 * `sdg_goal, year`; organisations and partnerships have indexes on country and sector), so the choices cost
 * next to nothing whatever the number of participants.
 */
export async function getStatisticsChoices(ctx: CoreContext) {
  const [first, countries, sectors, programmeRows] = await Promise.all([
    rawRows<{ year: number }>(ctx.db, sql`select year from participant_flow_counts where sdg_goal = '' and people > 0 order by sdg_goal, year limit 1`),
    rawRows<{ code: string }>(ctx.db, sql`select distinct ${organisations.countryCode} as code from ${organisations}`),
    rawRows<{ code: string }>(ctx.db, sql`select distinct ${partnerships.sectorCode} as code from ${partnerships} where ${partnerships.sectorCode} is not null`),
    ctx.db.select({ id: programmes.id, name: programmes.name }).from(programmes).orderBy(asc(programmes.name)),
  ]);
  const provisionalYear = agencyYear(ctx.now());
  const firstYear = Math.max(FIRST_STATISTICS_YEAR, Math.min(provisionalYear, first[0]?.year ?? provisionalYear));
  return {
    years: Array.from({ length: provisionalYear - firstYear + 1 }, (_, i) => firstYear + i),
    countries: countries.map((r) => r.code).sort(),
    sectors: sectors.map((r) => r.code).sort(),
    programmes: programmeRows,
  };
}
