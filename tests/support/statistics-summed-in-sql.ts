import { and, sql, type SQL } from 'drizzle-orm';
import type { CoreContext } from '../../core/context.ts';
import { regionCountries, REGIONS, type Region } from '../../core/stats/countries.ts';
import { statisticsFromSums, statisticsYears, type ParticipantStatistics, type StatisticsSums } from '../../core/stats/get-participant-statistics.ts';
import type { StatisticsFilters } from '../../core/stats/statistics-filters.ts';
import { rawRows } from '../../db/raw-rows.ts';

/**
 * The statistics page's answer with its sums made another way: participant_flow_counts summed afresh in SQL
 * under the filters (the way the page summed it before it kept the table in memory). Tests compare the page's
 * answer with this one.
 */
export async function statisticsSummedInSql(ctx: CoreContext, filters: StatisticsFilters, provisionalYear: number): Promise<ParticipantStatistics> {
  const [yearFrom, yearTo] = statisticsYears(filters, provisionalYear);
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
  const groups = await rawRows<Record<string, string | number | null> & { people: number; age_years: number; stay_days: number }>(
    ctx.db,
    sql`select year, home_country, host_country, programme_id, shape, sector_code, gender, age_band,
          sum(people)::int as people, sum(age_years_sum)::float8 as age_years, sum(stay_days_sum)::float8 as stay_days
        from participant_flow_counts where ${and(sql`sdg_goal = ${filters.sdg ?? ''}`, ...where)}
        group by grouping sets ((year), (home_country, host_country), (programme_id), (shape), (sector_code), (gender), (age_band), ())
        having sum(people) > 0`,
  );
  const sdgRows = await rawRows<{ sdg_goal: string; people: number }>(
    ctx.db,
    sql`select sdg_goal, sum(people)::int as people from participant_flow_counts
        where ${and(filters.sdg ? sql`sdg_goal = ${filters.sdg}` : sql`sdg_goal <> ''`, ...where)}
        group by sdg_goal having sum(people) > 0`,
  );
  const sums: StatisticsSums = { people: 0, ageYears: 0, stayDays: 0, byYear: new Map(), by: { flow: new Map(), programme: new Map(), shape: new Map(), sector: new Map(), gender: new Map(), 'age-band': new Map(), sdg: new Map() } };
  for (const g of groups) {
    if (g.year !== null) sums.byYear.set(String(g.year), g.people);
    else if (g.home_country !== null) sums.by.flow.set(`${g.home_country}-${g.host_country}`, g.people);
    else if (g.programme_id !== null) sums.by.programme.set(String(g.programme_id), g.people);
    else if (g.shape !== null) sums.by.shape.set(String(g.shape), g.people);
    else if (g.sector_code !== null) sums.by.sector.set(String(g.sector_code), g.people);
    else if (g.gender !== null) sums.by.gender.set(String(g.gender), g.people);
    else if (g.age_band !== null) sums.by['age-band'].set(String(g.age_band), g.people);
    else Object.assign(sums, { people: g.people, ageYears: g.age_years, stayDays: g.stay_days });
  }
  for (const r of sdgRows) sums.by.sdg.set(r.sdg_goal, r.people);
  return statisticsFromSums(ctx, sums, filters, provisionalYear);
}
