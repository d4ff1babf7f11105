import { and, asc, sql, type SQL } from 'drizzle-orm';
import { rawRows } from '../../db/raw-rows.ts';
import { sharedRead } from '../../db/shared-read-cache.ts';
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
 * aggregates (db/schema/participant-statistics.ts) whatever the number of participants: with at most one
 * filter besides the years, one query of participant_stat_marginals (a few thousand rows); with more,
 * participant_flow_counts summed under the filters (two queries), and
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

/** The dimensions of participant_stat_marginals (flows are keyed `home-host`). */
type MarginalDimension = 'flow' | 'programme' | 'shape' | 'sector' | 'gender' | 'age-band' | 'sdg';

/** What every table and figure of the page is made from: the people by each dimension under the filters. */
interface Marginals {
  people: number;
  ageYears: number;
  stayDays: number;
  byYear: Map<string, number>;
  by: Record<MarginalDimension, Map<string, number>>;
}

/**
 * The keys of participant_stat_marginals that together answer the filters, or null when more than one
 * filter besides the years is set (then the page sums participant_flow_counts). A region is the sum of its
 * countries, which never overlap.
 */
function marginalFilterKeys(filters: StatisticsFilters): string[] | null {
  const set = STATISTICS_FILTER_NAMES.filter((name) => name !== 'yearFrom' && name !== 'yearTo' && filters[name] !== undefined);
  if (set.length === 0) return [''];
  if (set.length > 1) return null;
  const place = (prefix: string, value: string) => ((REGIONS as readonly string[]).includes(value) ? regionCountries(value as Region).map((code) => `${prefix}:${code}`) : [`${prefix}:${value}`]);
  const name = set[0]!;
  const value = String(filters[name]);
  if (name === 'from') return place('from', value);
  if (name === 'to') return place('to', value);
  if (name === 'ageBand') return [`age-band:${value}`];
  return [`${name}:${value}`];
}

/** No filter, or one (with any years): a few thousand rows of participant_stat_marginals, one query. */
async function readMarginals(ctx: CoreContext, keys: string[], yearFrom: number, yearTo: number): Promise<Marginals> {
  const rows = keys.length
    ? await rawRows<{ dimension: string; value: string; year: number | null; people: number; age_years: number; stay_days: number }>(
        ctx.db,
        sql`select dimension, value, case when dimension = 'total' then year end as year,
              sum(people)::int as people, sum(age_years_sum)::float8 as age_years, sum(stay_days_sum)::float8 as stay_days
            from participant_stat_marginals
            where filter in (${sql.join(keys.map((k) => sql`${k}`), sql`, `)}) and year between ${yearFrom} and ${yearTo}
            group by 1, 2, 3 having sum(people) > 0`,
      )
    : [];
  const marginals = emptyMarginals();
  for (const row of rows) {
    if (row.dimension === 'total') {
      marginals.people += row.people;
      marginals.ageYears += row.age_years;
      marginals.stayDays += row.stay_days;
      marginals.byYear.set(String(row.year), row.people);
    } else marginals.by[row.dimension as MarginalDimension]?.set(row.value, row.people);
  }
  return marginals;
}

/**
 * The rows of participant_flow_counts that count people under an SDG, as 17 values of the key's first column:
 * with a year filter that is 17 ranges of the primary key (`sdg_goal <> ''` is none, and read every row:
 * 92 → 12 ms at 1,000,000 participants).
 */
const SDG_ROWS = sql.raw(`sdg_goal in (${Array.from({ length: 17 }, (_, i) => `'${i + 1}'`).join(', ')})`);

/** Two filters or more: participant_flow_counts summed under all of them, in two queries. */
async function sumFlowCounts(ctx: CoreContext, filters: StatisticsFilters, yearFrom: number, yearTo: number): Promise<Marginals> {
  const where = filterConditions(filters, yearFrom, yearTo);
  const sdgWhere = filters.sdg ? sql`sdg_goal = ${filters.sdg}` : sql`sdg_goal = ''`;
  const [groups, sdgRows] = await Promise.all([
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
          where ${and(filters.sdg ? sql`sdg_goal = ${filters.sdg}` : SDG_ROWS, ...where)}
          group by sdg_goal having sum(people) > 0`,
    ),
  ]);
  const marginals = emptyMarginals();
  for (const g of groups) {
    if (g.year !== null) marginals.byYear.set(String(g.year), g.people);
    else if (g.home_country !== null) marginals.by.flow.set(`${g.home_country}-${g.host_country}`, g.people);
    else if (g.programme_id !== null) marginals.by.programme.set(g.programme_id, g.people);
    else if (g.shape !== null) marginals.by.shape.set(g.shape, g.people);
    else if (g.sector_code !== null) marginals.by.sector.set(g.sector_code, g.people);
    else if (g.gender !== null) marginals.by.gender.set(g.gender, g.people);
    else if (g.age_band !== null) marginals.by['age-band'].set(g.age_band, g.people);
    else {
      marginals.people = g.people;
      marginals.ageYears = g.age_years;
      marginals.stayDays = g.stay_days;
    }
  }
  for (const r of sdgRows) marginals.by.sdg.set(r.sdg_goal, r.people);
  return marginals;
}

function emptyMarginals(): Marginals {
  return { people: 0, ageYears: 0, stayDays: 0, byYear: new Map(), by: { flow: new Map(), programme: new Map(), shape: new Map(), sector: new Map(), gender: new Map(), 'age-band': new Map(), sdg: new Map() } };
}

/**
 * The statistics for a set of filters, uncached. `source: 'flow-counts'` sums participant_flow_counts even
 * when participant_stat_marginals could answer (tests check that both give the same page).
 */
export async function computeStatistics(ctx: CoreContext, filters: StatisticsFilters, provisionalYear: number, source: 'best' | 'flow-counts' = 'best'): Promise<ParticipantStatistics> {
  let yearFrom = filters.yearFrom ?? FIRST_STATISTICS_YEAR;
  let yearTo = filters.yearTo ?? Math.max(provisionalYear, yearFrom);
  if (yearFrom > yearTo) [yearFrom, yearTo] = [yearTo, yearFrom];
  const keys = source === 'best' ? marginalFilterKeys(filters) : null;
  const [m, programmeRows] = await Promise.all([
    keys ? readMarginals(ctx, keys, yearFrom, yearTo) : sumFlowCounts(ctx, filters, yearFrom, yearTo),
    ctx.db.select({ id: programmes.id, name: programmes.name }).from(programmes).orderBy(asc(programmes.name)),
  ]);

  const flowKeys = [...m.by.flow.keys()].map((key) => key.split('-') as [string, string]);
  const countFlows = (key: (home: string, host: string) => string) => {
    const sums = new Map<string, number>();
    for (const [home, host] of flowKeys) sums.set(key(home, host), (sums.get(key(home, host)) ?? 0) + (m.by.flow.get(`${home}-${host}`) ?? 0));
    return sums;
  };
  const ordered = (sums: Map<string, number>, order?: readonly string[]) => {
    const keys = order ? order.filter((k) => sums.has(k)) : [...sums.keys()].sort((a, b) => (sums.get(b) ?? 0) - (sums.get(a) ?? 0) || a.localeCompare(b));
    return suppressSmallCells(keys.map((key) => ({ key, people: sums.get(key) ?? 0 })));
  };

  const years = Array.from({ length: yearTo - yearFrom + 1 }, (_, i) => String(yearFrom + i));
  const programmeOrder = programmeRows.map((p) => p.id);
  const directions = countFlows(flowDirection);

  const tables: Record<StatisticsTableId, StatisticsTable> = {
    year: { id: 'year', rows: ordered(m.byYear, years) },
    direction: { id: 'direction', rows: ordered(directions, [...DIRECTIONS, 'other']) },
    'home-region': { id: 'home-region', rows: ordered(countFlows((home) => countryRegion(home)), REGIONS) },
    'host-region': { id: 'host-region', rows: ordered(countFlows((_, host) => countryRegion(host)), REGIONS) },
    'home-country': { id: 'home-country', rows: ordered(countFlows((home) => home)) },
    'host-country': { id: 'host-country', rows: ordered(countFlows((_, host) => host)) },
    gender: { id: 'gender', rows: ordered(m.by.gender, GENDERS) },
    'age-band': { id: 'age-band', rows: ordered(m.by['age-band'], AGE_BANDS) },
    programme: { id: 'programme', rows: ordered(m.by.programme, [...programmeOrder, ...[...m.by.programme.keys()].filter((id) => !programmeOrder.includes(id))]) },
    shape: { id: 'shape', rows: ordered(m.by.shape, SHAPES) },
    sector: { id: 'sector', rows: ordered(m.by.sector) },
    sdg: { id: 'sdg', rows: ordered(m.by.sdg, Array.from({ length: 17 }, (_, i) => String(i + 1))) },
    flows: { id: 'flows', rows: ordered(m.by.flow) },
  };
  const flows = tables.flows.rows.map((cell) => {
    const [home, host] = cell.key.split('-') as [string, string];
    return { home, host, direction: flowDirection(home, host), people: cell.people };
  });

  const people = m.people;
  const women = m.by.gender.get('female') ?? 0;
  const southSouth = directions.get('south-south') ?? 0;
  const countries = new Set(flowKeys.flat());
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
      averageAge: enough ? Math.round((10 * m.ageYears) / people) / 10 : null,
      averageStayMonths: enough ? Math.round((10 * m.stayDays) / people / DAYS_PER_MONTH) / 10 : null,
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
 * next to nothing whatever the number of participants. The server keeps the countries, sectors and
 * programmes in memory between writes (db/shared-read-cache.ts): at 50,000 partnerships the distinct
 * sectors alone took 8 ms a request.
 */
export async function getStatisticsChoices(ctx: CoreContext) {
  const [first, countries, sectors, programmeRows] = await Promise.all([
    rawRows<{ year: number }>(ctx.db, sql`select year from participant_flow_counts where sdg_goal = '' and people > 0 order by sdg_goal, year limit 1`),
    sharedRead(ctx.db, 'statistics-choices-countries', () => rawRows<{ code: string }>(ctx.db, sql`select distinct ${organisations.countryCode} as code from ${organisations}`)),
    sharedRead(ctx.db, 'statistics-choices-sectors', () => rawRows<{ code: string }>(ctx.db, sql`select distinct ${partnerships.sectorCode} as code from ${partnerships} where ${partnerships.sectorCode} is not null`)),
    sharedRead(ctx.db, 'statistics-choices-programmes', () => ctx.db.select({ id: programmes.id, name: programmes.name }).from(programmes).orderBy(asc(programmes.name))),
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
