import { sql } from 'drizzle-orm';
import { rawRows } from '../../db/raw-rows.ts';
import { sharedRead } from '../../db/shared-read-cache.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import type { CoreContext } from '../context.ts';
import { listProgrammeNames } from '../programmes/list-programme-names.ts';
import { agencyYear } from '../finance/budget-year.ts';
import { AGE_BANDS } from './age-bands.ts';
import { countryRegion, flowDirection, regionCountries, REGIONS, DIRECTIONS, type Direction, type Region } from './countries.ts';
import { FIRST_STATISTICS_YEAR, GENDERS, SHAPES, STATISTICS_FILTER_NAMES, type StatisticsFilters } from './statistics-filters.ts';
import { firstYearWithPeople, flowCountsAsLastRead, flowCountsInMemory, type FlowCountChange, type FlowCounts } from './flow-counts-in-memory.ts';
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

/**
 * People who went on exchange, by year, direction, region, country, gender, age band, programme, shape,
 * sector and SDG, with the filters of the statistics page. Public: counts only, summed from the maintained
 * aggregate (db/schema/participant-statistics.ts) as the server holds it in memory
 * (flow-counts-in-memory.ts), brought up to date on every call, so any filters cost the same few
 * milliseconds whatever the number of participants; every count of fewer than 5 people suppressed by the one
 * rule (suppress-small-cells.ts). The answer for a set of filters is kept while nothing counted changes.
 */
export async function getParticipantStatistics(ctx: CoreContext, { filters }: { filters: StatisticsFilters }): Promise<ParticipantStatistics> {
  const provisionalYear = agencyYear(ctx.now());
  const counts = await flowCountsInMemory(ctx.db);
  const key = JSON.stringify([provisionalYear, STATISTICS_FILTER_NAMES.map((name) => filters[name] ?? null)]);
  const answers = answersOf(counts);
  const known = answers.get(key);
  if (known?.generation === counts.generation) return known.value;
  // From here to the answer's promise all is synchronous: the copy cannot move meanwhile.
  const [yearFrom, yearTo] = statisticsYears(filters, provisionalYear);
  const changes = known && counts.changesSince(known.generation);
  let sums: StatisticsSums;
  if (known && changes) {
    sums = known.sums;
    addChanges(counts, filters, yearFrom, yearTo, sums, changes);
  } else sums = sumFlowCounts(counts, filters, yearFrom, yearTo);
  const value = statisticsFromSums(ctx, copySums(sums), filters, provisionalYear);
  if (!known && answers.size >= CACHE_ENTRIES) answers.clear();
  answers.set(key, { generation: counts.generation, sums, value });
  value.catch(() => answers.delete(key));
  return value;
}

/**
 * The sums answered for each set of filters, with the generation of the copy they are of. When the copy
 * moves on, the sums take its changes (a few rows for a participant's change) instead of being made again:
 * the answers are maintained as the data changes, not recomputed per request.
 */
const CACHE_ENTRIES = 500;
const answerMaps = new WeakMap<FlowCounts, Map<string, { generation: number; sums: StatisticsSums; value: Promise<ParticipantStatistics> }>>();
function answersOf(counts: FlowCounts) {
  let map = answerMaps.get(counts);
  if (!map) answerMaps.set(counts, (map = new Map()));
  return map;
}

function copySums(sums: StatisticsSums): StatisticsSums {
  const by = Object.fromEntries(Object.entries(sums.by).map(([dimension, map]) => [dimension, new Map(map)])) as StatisticsSums['by'];
  return { people: sums.people, ageYears: sums.ageYears, stayDays: sums.stayDays, byYear: new Map(sums.byYear), by };
}

/** The first year with people, kept per generation of the copy (a pass over every row). */
const firstYears = new WeakMap<FlowCounts, { generation: number; year: number | undefined }>();
function knownFirstYear(counts: FlowCounts) {
  let known = firstYears.get(counts);
  if (!known || known.generation !== counts.generation) firstYears.set(counts, (known = { generation: counts.generation, year: firstYearWithPeople(counts) }));
  return known.year;
}

/** The dimensions the page shows besides the years (flows are keyed `home-host`). */
export type StatisticsDimension = 'flow' | 'programme' | 'shape' | 'sector' | 'gender' | 'age-band' | 'sdg';

/** What every table and figure of the page is made from: the people by each dimension under the filters. */
export interface StatisticsSums {
  people: number;
  ageYears: number;
  stayDays: number;
  byYear: Map<string, number>;
  by: Record<StatisticsDimension, Map<string, number>>;
}

/**
 * The aggregate summed under the filters, in one pass over its rows. The rows with sdg_goal '' count each
 * person once and give everything but the SDG table; the SDG table sums the rows of each goal. With an SDG
 * filter, only that goal's rows count, for everything.
 */
/** The filters as a yes or no per value of each column of the copy (built from its values as they are now). */
function rowFilter(counts: FlowCounts, filters: StatisticsFilters, yearFrom: number, yearTo: number) {
  const dict = counts.dictionaries;
  const countries = dict.home.values;
  const allow = (values: string[], test: (value: string) => boolean) => Uint8Array.from(values, (v) => (test(v) ? 1 : 0));
  const place = (value: string | undefined) => {
    if (!value) return () => true;
    if (!(REGIONS as readonly string[]).includes(value)) return (code: string) => code === value;
    const codes = new Set(regionCountries(value as Region));
    return (code: string) => codes.has(code);
  };
  const equal = (wanted: string | undefined) => (value: string) => wanted === undefined || value === wanted;
  const f = {
    okYear: allow(dict.year.values, (y) => Number(y) >= yearFrom && Number(y) <= yearTo),
    okHome: allow(countries, place(filters.from)),
    okHost: allow(countries, place(filters.to)),
    norway: allow(countries, (code) => code === 'NO'),
    okGender: allow(dict.gender.values, equal(filters.gender)),
    okBand: allow(dict.ageBand.values, equal(filters.ageBand)),
    okProgramme: allow(dict.programme.values, equal(filters.programme)),
    okShape: allow(dict.shape.values, equal(filters.shape)),
    okSector: allow(dict.sector.values, equal(filters.sector)),
    // The rows that count people for everything but the SDG table, and those of the SDG table.
    main: dict.sdg.positions.get(filters.sdg ?? '') ?? -1,
    okSdgTable: allow(dict.sdg.values, (goal) => (filters.sdg ? goal === filters.sdg : goal !== '')),
    direction: filters.direction,
  };
  const { sdg: _, ...col } = counts.columns;
  /** Whether row i is under the filters, the SDG aside (the same test as sumFlowCounts's loop). */
  const passes = (i: number) => {
    const h = col.home[i]!;
    const t = col.host[i]!;
    if (!f.okYear[col.year[i]!] || !f.okHome[h] || !f.okHost[t] || !f.okGender[col.gender[i]!] || !f.okBand[col.ageBand[i]!] || !f.okProgramme[col.programme[i]!] || !f.okShape[col.shape[i]!] || !f.okSector[col.sector[i]!]) return false;
    return !(f.direction === 'norway-south' ? !(f.norway[h] && !f.norway[t]) : f.direction === 'south-norway' ? !(f.norway[t] && !f.norway[h]) : f.direction === 'south-south' ? f.norway[h] || f.norway[t] : false);
  };
  return { ...f, passes };
}

/** The copy's changes since some sums were made, added to them (people and figures under the filters). */
function addChanges(counts: FlowCounts, filters: StatisticsFilters, yearFrom: number, yearTo: number, sums: StatisticsSums, changes: FlowCountChange[]) {
  const { passes, main, okSdgTable } = rowFilter(counts, filters, yearFrom, yearTo);
  const { dictionaries: dict, columns: col } = counts;
  const add = (map: Map<string, number>, key: string, people: number) => {
    const now = (map.get(key) ?? 0) + people;
    if (now > 0) map.set(key, now);
    else map.delete(key);
  };
  for (const change of changes) {
    const i = change.row;
    if (!passes(i)) continue;
    const goal = col.sdg[i]!;
    if (okSdgTable[goal]) add(sums.by.sdg, dict.sdg.values[goal]!, change.people);
    if (goal !== main) continue;
    sums.people += change.people;
    sums.ageYears += change.ageYears;
    sums.stayDays += change.stayDays;
    add(sums.byYear, dict.year.values[col.year[i]!]!, change.people);
    add(sums.by.flow, `${dict.home.values[col.home[i]!]}-${dict.host.values[col.host[i]!]}`, change.people);
    add(sums.by.programme, dict.programme.values[col.programme[i]!]!, change.people);
    add(sums.by.shape, dict.shape.values[col.shape[i]!]!, change.people);
    add(sums.by.sector, dict.sector.values[col.sector[i]!]!, change.people);
    add(sums.by.gender, dict.gender.values[col.gender[i]!]!, change.people);
    add(sums.by['age-band'], dict.ageBand.values[col.ageBand[i]!]!, change.people);
  }
  if (sums.people <= 0) Object.assign(sums, { people: 0, ageYears: 0, stayDays: 0 });
}

function sumFlowCounts(counts: FlowCounts, filters: StatisticsFilters, yearFrom: number, yearTo: number): StatisticsSums {
  const { dictionaries: dict, columns: col, people, ageYears, stayDays } = counts;
  const countries = dict.home.values;
  const { okYear, okHome, okHost, norway, okGender, okBand, okProgramme, okShape, okSector, main, okSdgTable, direction } = rowFilter(counts, filters, yearFrom, yearTo);

  const n = countries.length;
  const byYear = new Float64Array(dict.year.values.length);
  const byFlow = new Float64Array(n * n);
  const sums = { programme: new Float64Array(dict.programme.values.length), shape: new Float64Array(dict.shape.values.length), sector: new Float64Array(dict.sector.values.length), gender: new Float64Array(dict.gender.values.length), ageBand: new Float64Array(dict.ageBand.values.length), sdg: new Float64Array(dict.sdg.values.length) };
  let total = 0;
  let totalAge = 0;
  let totalStay = 0;
  const { sdg, year, home, host, programme, shape, sector, gender, ageBand } = col;
  for (let i = 0; i < counts.size; i++) {
    const p = people[i]!;
    if (p === 0) continue;
    const h = home[i]!;
    const t = host[i]!;
    if (!okYear[year[i]!] || !okHome[h] || !okHost[t] || !okGender[gender[i]!] || !okBand[ageBand[i]!] || !okProgramme[programme[i]!] || !okShape[shape[i]!] || !okSector[sector[i]!]) continue;
    if (direction === 'norway-south' ? !(norway[h] && !norway[t]) : direction === 'south-norway' ? !(norway[t] && !norway[h]) : direction === 'south-south' ? norway[h] || norway[t] : false) continue;
    const goal = sdg[i]!;
    if (okSdgTable[goal]) sums.sdg[goal]! += p;
    if (goal !== main) continue;
    total += p;
    totalAge += ageYears[i]!;
    totalStay += stayDays[i]!;
    byYear[year[i]!]! += p;
    byFlow[h * n + t]! += p;
    sums.programme[programme[i]!]! += p;
    sums.shape[shape[i]!]! += p;
    sums.sector[sector[i]!]! += p;
    sums.gender[gender[i]!]! += p;
    sums.ageBand[ageBand[i]!]! += p;
  }

  const named = (values: string[], sum: Float64Array) => {
    const map = new Map<string, number>();
    sum.forEach((people, at) => {
      if (people > 0) map.set(values[at]!, people);
    });
    return map;
  };
  const flow = new Map<string, number>();
  byFlow.forEach((people, at) => {
    if (people > 0) flow.set(`${countries[Math.floor(at / n)]}-${countries[at % n]}`, people);
  });
  return {
    people: total > 0 ? total : 0,
    ageYears: total > 0 ? totalAge : 0,
    stayDays: total > 0 ? totalStay : 0,
    byYear: named(dict.year.values, byYear),
    by: { flow, programme: named(dict.programme.values, sums.programme), shape: named(dict.shape.values, sums.shape), sector: named(dict.sector.values, sums.sector), gender: named(dict.gender.values, sums.gender), 'age-band': named(dict.ageBand.values, sums.ageBand), sdg: named(dict.sdg.values, sums.sdg) },
  };
}

/** The year range a set of filters shows: the filters', else from 2001 to this year. */
export function statisticsYears(filters: StatisticsFilters, provisionalYear: number): [number, number] {
  const yearFrom = filters.yearFrom ?? FIRST_STATISTICS_YEAR;
  const yearTo = filters.yearTo ?? Math.max(provisionalYear, yearFrom);
  return yearFrom > yearTo ? [yearTo, yearFrom] : [yearFrom, yearTo];
}

/** The statistics for a set of filters from the aggregate as it is in memory, uncached. */
export async function computeStatistics(ctx: CoreContext, counts: FlowCounts, filters: StatisticsFilters, provisionalYear: number): Promise<ParticipantStatistics> {
  const [yearFrom, yearTo] = statisticsYears(filters, provisionalYear);
  return statisticsFromSums(ctx, sumFlowCounts(counts, filters, yearFrom, yearTo), filters, provisionalYear);
}

/** The page's tables and figures from the sums under its filters (tests give it sums made another way). */
export async function statisticsFromSums(ctx: CoreContext, m: StatisticsSums, filters: StatisticsFilters, provisionalYear: number): Promise<ParticipantStatistics> {
  const [yearFrom, yearTo] = statisticsYears(filters, provisionalYear);
  const programmeRows = (await listProgrammeNames(ctx)).map(({ id, name }) => ({ id, name }));

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
 * The choices of the filters: the years since the first with people (from the aggregate's copy in memory as
 * last read: the page asks for its figures first, which read it),
 * the countries of the organisations, the programmes and the partnerships' sectors (index reads:
 * organisations and partnerships have indexes on country and sector), so the choices cost next to nothing
 * whatever the number of participants. The server keeps the countries, sectors and
 * programmes in memory between writes (db/shared-read-cache.ts): at 50,000 partnerships the distinct
 * sectors alone took 8 ms a request.
 */
export async function getStatisticsChoices(ctx: CoreContext) {
  const [counts, countries, sectors, programmeRows] = await Promise.all([
    flowCountsAsLastRead(ctx.db),
    sharedRead(ctx.db, 'statistics-choices-countries', () => rawRows<{ code: string }>(ctx.db, sql`select distinct ${organisations.countryCode} as code from ${organisations}`)),
    sharedRead(ctx.db, 'statistics-choices-sectors', () => rawRows<{ code: string }>(ctx.db, sql`select distinct ${partnerships.sectorCode} as code from ${partnerships} where ${partnerships.sectorCode} is not null`)),
    listProgrammeNames(ctx).then((rows) => rows.map(({ id, name }) => ({ id, name }))),
  ]);
  const provisionalYear = agencyYear(ctx.now());
  const firstYear = Math.max(FIRST_STATISTICS_YEAR, Math.min(provisionalYear, knownFirstYear(counts) ?? provisionalYear));
  return {
    years: Array.from({ length: provisionalYear - firstYear + 1 }, (_, i) => firstYear + i),
    countries: countries.map((r) => r.code).sort(),
    sectors: sectors.map((r) => r.code).sort(),
    programmes: programmeRows,
  };
}
