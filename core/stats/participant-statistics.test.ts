import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createParticipant } from '../../db/factories/participant-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { participants, PARTICIPANT_STATUSES } from '../../db/schema/participants.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { EXCHANGED_STATUSES } from '../participants/participant-lifecycle.ts';
import { ageBand } from './age-bands.ts';
import { flowCountsInMemory } from './flow-counts-in-memory.ts';
import { computeStatistics, getParticipantStatistics } from './get-participant-statistics.ts';
import { statisticsSummedInSql } from '../../tests/support/statistics-summed-in-sql.ts';
import type { StatisticsFilters } from './statistics-filters.ts';

const testDb = useTestDatabase();
const ctx = () => coreContext({ db: testDb.db, now: () => new Date('2026-06-01T12:00:00Z') });
const stats = (filters: StatisticsFilters) => getParticipantStatistics(ctx(), { filters });
const table = (s: Awaited<ReturnType<typeof stats>>, id: keyof Awaited<ReturnType<typeof stats>>['tables']) => Object.fromEntries(s.tables[id].rows.map((r) => [r.key, r.people]));

/** People of a programme in the aggregate (the row that counts each person once). */
async function counted(programmeId: string) {
  const [row] = await rawRows<{ people: number }>(testDb.db, sql`select coalesce(sum(people), 0)::int as people from participant_flow_counts where sdg_goal = '' and programme_id = ${programmeId}`);
  return row?.people ?? 0;
}

async function person(partnership: { id: string }, home: { id: string; countryCode: string }, host: { id: string }, o: { year: number; born: number; gender: 'female' | 'male'; status?: (typeof PARTICIPANT_STATUSES)[number] }) {
  return createParticipant(testDb.db, {
    partnershipId: partnership.id,
    homeOrganisationId: home.id,
    hostOrganisationId: host.id,
    homeCountry: home.countryCode,
    gender: o.gender,
    birthDate: `${o.born}-01-01`,
    startsOn: `${o.year}-03-01`,
    endsOn: `${o.year}-09-01`,
    status: o.status ?? 'returned',
  });
}

describe('participant statistics', () => {
  it('counts, by every dimension, the hand-counted people who went, and suppresses cells under 5', async () => {
    const oslo = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Oslo' });
    const lilongwe = await createOrganisation(testDb.db, { countryCode: 'MW', city: 'Lilongwe' });
    const nairobi = await createOrganisation(testDb.db, { countryCode: 'KE', city: 'Nairobi' });
    const kathmandu = await createOrganisation(testDb.db, { countryCode: 'NP', city: 'Kathmandu' });
    const health = await createPartnership(testDb.db, { partners: [oslo, lilongwe], sdgGoals: ['3', '5'], sectorCode: '12181' });
    const schools = await createPartnership(testDb.db, { partners: [nairobi, kathmandu], sdgGoals: ['4'], sectorCode: '11220' });
    // 6 women from Malawi to Norway in 2024, aged 26; 7 men from Norway to Malawi in 2024, aged 30.
    for (let i = 0; i < 6; i++) await person(health, lilongwe, oslo, { year: 2024, born: 1998, gender: 'female' });
    for (let i = 0; i < 7; i++) await person(health, oslo, lilongwe, { year: 2024, born: 1994, gender: 'male', status: i === 0 ? 'in_placement' : 'alumni' });
    // 3 women aged 22 and a man aged 40 from Kenya to Nepal in 2023.
    for (let i = 0; i < 3; i++) await person(schools, nairobi, kathmandu, { year: 2023, born: 2001, gender: 'female' });
    await person(schools, nairobi, kathmandu, { year: 2023, born: 1983, gender: 'male', status: 'ended_early' });
    // Not people who went: a nomination and a withdrawal.
    await person(schools, nairobi, kathmandu, { year: 2023, born: 2001, gender: 'female', status: 'nominated' });
    await person(health, lilongwe, oslo, { year: 2024, born: 2001, gender: 'female', status: 'withdrawn' });

    const all = await stats({});
    expect(all.headline).toEqual({ people: 17, countries: 4, women: 9, womenPercent: 53, averageAge: 27.8, averageStayMonths: 6, southSouth: null });
    expect(all.provisionalYear).toBe(2026);
    expect([all.yearFrom, all.yearTo]).toEqual([2001, 2026]);
    // 2023 has 4 (suppressed); it would follow from the total, so the next smallest cell goes too.
    expect(table(all, 'year')).toEqual({ '2023': null, '2024': null });
    expect(table(all, 'gender')).toEqual({ female: 9, male: 8 });
    expect(table(all, 'age-band')).toEqual({ 'under-25': null, '25-29': 6, '30-34': 7, '35-44': null });
    expect(table(all, 'direction')).toEqual({ 'norway-south': 7, 'south-norway': null, 'south-south': null });
    expect(table(all, 'home-region')).toEqual({ norway: 7, africa: 10 });
    expect(table(all, 'host-region')).toEqual({ norway: null, africa: 7, asia: null });
    expect(table(all, 'host-country')).toEqual({ MW: 7, NO: null, NP: null });
    expect(table(all, 'flows')).toEqual({ 'NO-MW': 7, 'MW-NO': null, 'KE-NP': null });
    expect(table(all, 'shape')).toEqual({ north_south: null, south_south: null });
    expect(table(all, 'sector')).toEqual({ '12181': null, '11220': null });
    expect(table(all, 'sdg')).toEqual({ '3': null, '4': null, '5': 13 });
    expect(all.flows.find((f) => f.home === 'KE')).toEqual({ home: 'KE', host: 'NP', direction: 'south-south', people: null });

    // Filters: a region, a country, a direction, the years, a gender, an SDG.
    expect((await stats({ from: 'africa' })).headline.people).toBe(10);
    expect((await stats({ to: 'NO' })).headline).toMatchObject({ people: 6, women: 6, womenPercent: 100, averageAge: 26 });
    expect((await stats({ direction: 'south-south' })).headline).toMatchObject({ people: null, averageAge: null, southSouth: null });
    expect((await stats({ yearFrom: 2024, yearTo: 2024, gender: 'male' })).headline.people).toBe(7);
    expect((await stats({ yearFrom: 2024, yearTo: 2023 })).headline.people).toBe(17);
    expect((await stats({ sdg: '5', ageBand: '30-34' })).headline.people).toBe(7);
    expect((await stats({ sdg: '4' })).headline.people).toBeNull();
    expect((await stats({ programme: health.programmeId, shape: 'north_south', sector: '12181' })).headline.people).toBe(13);
  });

  it('keeps the counts right as people are inserted, change status, change dates and are deleted, and as partnerships and organisations change', async () => {
    const bergen = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Bergen' });
    const lima = await createOrganisation(testDb.db, { countryCode: 'PE', city: 'Lima' });
    const partnership = await createPartnership(testDb.db, { partners: [bergen, lima], sdgGoals: ['6'] });
    const programme = partnership.programmeId;
    const a = await person(partnership, lima, bergen, { year: 2025, born: 1999, gender: 'female', status: 'approved' });
    expect(await counted(programme)).toBe(0);
    await testDb.db.update(participants).set({ status: 'in_placement', actualStartsOn: '2025-03-01' }).where(eq(participants.id, a.id));
    expect(await counted(programme)).toBe(1);
    const b = await person(partnership, bergen, lima, { year: 2025, born: 1990, gender: 'male' });
    expect(await counted(programme)).toBe(2);
    // The actual start moves into the next year: the person moves with it.
    await testDb.db.update(participants).set({ actualStartsOn: '2026-01-15' }).where(eq(participants.id, b.id));
    const byYear = await rawRows<{ year: number; people: number }>(testDb.db, sql`select year, sum(people)::int as people from participant_flow_counts where sdg_goal = '' and programme_id = ${programme} group by year having sum(people) > 0 order by year`);
    expect(byYear).toEqual([{ year: 2025, people: 1 }, { year: 2026, people: 1 }]);
    // The partnership's SDGs change: the SDG rows follow.
    await testDb.db.update(partnerships).set({ sdgGoals: ['6', '13'] }).where(eq(partnerships.id, partnership.id));
    const bySdg = await rawRows<{ sdg_goal: string; people: number }>(testDb.db, sql`select sdg_goal, sum(people)::int as people from participant_flow_counts where programme_id = ${programme} group by sdg_goal having sum(people) > 0 order by sdg_goal`);
    expect(bySdg).toEqual([{ sdg_goal: '', people: 2 }, { sdg_goal: '13', people: 2 }, { sdg_goal: '6', people: 2 }]);
    // The organisation's country is corrected: its people move to the new country.
    await testDb.db.update(organisations).set({ countryCode: 'BO' }).where(eq(organisations.id, lima.id));
    const byHost = await rawRows<{ host_country: string; home_country: string; people: number }>(testDb.db, sql`select home_country, host_country, sum(people)::int as people from participant_flow_counts where sdg_goal = '' and programme_id = ${programme} group by 1, 2 having sum(people) > 0 order by 1`);
    expect(byHost).toEqual([{ home_country: 'BO', host_country: 'NO', people: 1 }, { home_country: 'NO', host_country: 'BO', people: 1 }]);
    // Withdrawn from the statistics by status, then deleted.
    await testDb.db.update(participants).set({ status: 'withdrawn' }).where(eq(participants.id, a.id));
    expect(await counted(programme)).toBe(1);
    await testDb.db.delete(participants).where(eq(participants.id, b.id));
    expect(await counted(programme)).toBe(0);
    await testDb.db.delete(participants).where(eq(participants.id, a.id));
    expect(await counted(programme)).toBe(0);
  });

  it('answers any filters from the copy in memory exactly as participant_flow_counts summed afresh in SQL, through inserts, changes and deletes', async () => {
    // The file's tests share one database: start from nobody (a delete the triggers count too).
    await testDb.db.delete(participants);
    const oslo = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Oslo' });
    const lilongwe = await createOrganisation(testDb.db, { countryCode: 'MW', city: 'Lilongwe' });
    const nairobi = await createOrganisation(testDb.db, { countryCode: 'KE', city: 'Nairobi' });
    const kathmandu = await createOrganisation(testDb.db, { countryCode: 'NP', city: 'Kathmandu' });
    const health = await createPartnership(testDb.db, { partners: [oslo, lilongwe], sdgGoals: ['3', '5'], sectorCode: '12181' });
    const schools = await createPartnership(testDb.db, { partners: [nairobi, kathmandu], sdgGoals: ['4'], sectorCode: '11220' });
    const people = [];
    for (let i = 0; i < 8; i++) people.push(await person(health, lilongwe, oslo, { year: 2022 + (i % 3), born: 1990 + i, gender: 'female' }));
    for (let i = 0; i < 7; i++) people.push(await person(health, oslo, lilongwe, { year: 2024, born: 1980 + 2 * i, gender: 'male', status: i === 0 ? 'in_placement' : 'alumni' }));
    for (let i = 0; i < 6; i++) people.push(await person(schools, nairobi, kathmandu, { year: 2023 + (i % 2), born: 2000 - i, gender: i % 2 ? 'male' : 'female' }));
    const filterSets: StatisticsFilters[] = [
      {}, { yearFrom: 2024, yearTo: 2024 }, { yearFrom: 2022, yearTo: 2023 }, { from: 'africa' }, { to: 'NO' }, { from: 'NP' }, { to: 'asia' },
      { direction: 'south-south', yearFrom: 2024, yearTo: 2024 }, { direction: 'norway-south' }, { gender: 'female' }, { ageBand: '25-29' },
      { programme: health.programmeId }, { shape: 'south_south' }, { sector: '12181' }, { sdg: '5' }, { sdg: '4', yearFrom: 2023, yearTo: 2023 },
      // Two filters and more, over all years and within some.
      { gender: 'female', ageBand: '25-29' }, { gender: 'male', direction: 'norway-south' }, { from: 'africa', to: 'NO', sdg: '3' },
      { programme: health.programmeId, from: 'MW', yearFrom: 2022, yearTo: 2023 }, { direction: 'south-south', shape: 'south_south', gender: 'female', ageBand: 'under-25' },
      { sdg: '4', gender: 'male', to: 'asia' }, { sector: '12181', ageBand: '30-34', yearFrom: 2024, yearTo: 2024 }, { gender: 'other', ageBand: '25-29' },
    ];
    const provisionalYear = 2026;
    const agree = async () => {
      for (const filters of filterSets) {
        const inSql = await statisticsSummedInSql(ctx(), filters, provisionalYear);
        // Summed afresh from the copy, and as the page answers: the sums it kept, brought up to date with the changes.
        expect(await computeStatistics(ctx(), await flowCountsInMemory(testDb.db), filters, provisionalYear), JSON.stringify(filters)).toEqual(inSql);
        expect(await stats(filters), JSON.stringify(filters)).toEqual(inSql);
      }
    };
    await agree();
    // By hand: 21 people in 2022–2024, 11 of them women (8 from Malawi, 3 from Kenya).
    const all = await stats({});
    expect(all.headline).toMatchObject({ people: 21, women: 11, countries: 4, averageStayMonths: 6 });
    expect(table(all, 'direction')).toEqual({ 'norway-south': 7, 'south-norway': 8, 'south-south': 6 });
    expect(table(all, 'sdg')).toEqual({ '3': 15, '4': 6, '5': 15 });

    // A stay ends five months early: the same year, band and country, so the people stay but the average stay moves.
    await testDb.db.update(participants).set({ actualEndsOn: '2024-04-01' }).where(eq(participants.id, people[8]!.id));
    await testDb.db.update(participants).set({ birthDate: '1980-06-01' }).where(eq(participants.id, people[9]!.id));
    await testDb.db.update(participants).set({ status: 'withdrawn' }).where(eq(participants.id, people[0]!.id));
    await testDb.db.update(partnerships).set({ sdgGoals: ['3'], sectorCode: '12220' }).where(eq(partnerships.id, health.id));
    // An edit that changes nothing counted (a name) writes no row of the aggregate, and the copy in memory stays.
    const stamps = async () => (await rawRows<{ v: string }>(testDb.db, sql`select coalesce(max(changed_xid)::text, '') as v from participant_flow_counts`))[0]!.v;
    const before = await stamps();
    const generation = (await flowCountsInMemory(testDb.db)).generation;
    await testDb.db.update(organisations).set({ legalName: 'Nairobi Schools Trust' }).where(eq(organisations.id, nairobi.id));
    await testDb.db.update(partnerships).set({ title: 'Schools, renamed' }).where(eq(partnerships.id, schools.id));
    expect(await stamps()).toBe(before);
    expect((await flowCountsInMemory(testDb.db)).generation).toBe(generation);
    await testDb.db.update(organisations).set({ countryCode: 'TZ' }).where(eq(organisations.id, nairobi.id));
    await testDb.db.delete(participants).where(eq(participants.id, people[20]!.id));
    filterSets.push({ sector: '12220' }, { from: 'TZ' }, { from: 'KE' });
    await agree();
    const after = await stats({});
    // 19 people; their stays and ages counted by hand from the participants (one stay shortened, one birth date corrected).
    expect(after.headline.people).toBe(19);
    const [hand] = await rawRows<{ days: number; years: number }>(testDb.db, sql`
      select sum(coalesce(actual_ends_on, ends_on) - coalesce(actual_starts_on, starts_on))::int as days,
             sum(extract(year from age(coalesce(actual_starts_on, starts_on), birth_date)))::int as years
      from participants where status <> 'withdrawn'`);
    expect(after.headline.averageStayMonths).toBe(Math.round((10 * hand!.days) / 19 / (365.25 / 12)) / 10);
    expect(after.headline.averageAge).toBe(Math.round((10 * hand!.years) / 19) / 10);
    expect(after.headline.averageStayMonths).not.toBe(all.headline.averageStayMonths);
    expect(table(after, 'sdg')).toEqual({ '3': 14, '4': 5 });
    expect(table(after, 'home-country')).toEqual({ MW: 7, NO: 7, TZ: 5 });

    // Rows the copy met after its first read change again; then everyone is truncated away.
    await testDb.db.update(partnerships).set({ sectorCode: '12230' }).where(eq(partnerships.id, health.id));
    await testDb.db.update(participants).set({ gender: 'other' }).where(eq(participants.id, people[10]!.id));
    filterSets.push({ sector: '12230' });
    await agree();
    await testDb.db.execute(sql`truncate participants cascade`);
    await agree();
    expect((await stats({})).headline.people).toBe(0);
    expect((await stats({})).tables.flows.rows).toEqual([]);
  });

  it('answers a repeated question from memory, and anew as soon as the aggregate changes', async () => {
    const oslo = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Oslo' });
    const accra = await createOrganisation(testDb.db, { countryCode: 'GH', city: 'Accra' });
    const partnership = await createPartnership(testDb.db, { partners: [oslo, accra] });
    for (let i = 0; i < 5; i++) await person(partnership, accra, oslo, { year: 2021, born: 1996, gender: 'female' });
    const filters = { programme: partnership.programmeId };
    const first = await stats(filters);
    expect(first.headline.people).toBe(5);
    expect(await stats(filters)).toBe(first);
    await person(partnership, oslo, accra, { year: 2021, born: 1996, gender: 'male' });
    expect((await stats(filters)).headline.people).toBe(6);
  });

  it('counts exactly the statuses of EXCHANGED_STATUSES, and bands ages as AGE_BANDS does', async () => {
    const oslo = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Oslo' });
    const hanoi = await createOrganisation(testDb.db, { countryCode: 'VN', city: 'Hanoi' });
    const partnership = await createPartnership(testDb.db, { partners: [oslo, hanoi] });
    for (const status of PARTICIPANT_STATUSES) await person(partnership, hanoi, oslo, { year: 2022, born: 1995, gender: 'female', status });
    expect(await counted(partnership.programmeId)).toBe(EXCHANGED_STATUSES.length);
    const bands = await rawRows<{ age: number; band: string }>(testDb.db, sql`select age, participant_age_band(age) as band from generate_series(0, 99) as age`);
    expect(bands.filter((b) => ageBand(b.age) !== b.band)).toEqual([]);
  });
});
