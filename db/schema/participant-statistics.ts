import { bigint, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/**
 * The public statistics' aggregate (issue 12): people who went on exchange, counted per year of the start
 * (the actual start, else the planned one), home and host country, programme, partnership shape, sector,
 * gender and age band at the start. It is kept up to date by triggers on participants, partnerships and
 * organisations (migration `participant-statistics`), never recomputed per request, so the statistics page
 * reads a few thousand rows whatever the number of participants.
 *
 * `sdg_goal` is '' for the row that counts each person once; a person is counted again under each of their
 * partnership's SDG goals (rows with the goal's code), so "by SDG" and the SDG filter read those rows and
 * everything else reads `sdg_goal = ''`. Only the statuses in EXCHANGED_STATUSES
 * (core/participants/participant-lifecycle.ts) are counted; a test checks the trigger agrees with it.
 * A key whose people dropped to zero stays as a row with 0 (sums are unaffected).
 */
export const participantFlowCounts = pgTable(
  'participant_flow_counts',
  {
    sdgGoal: text('sdg_goal').notNull().default(''),
    year: integer('year').notNull(),
    homeCountry: text('home_country').notNull(),
    hostCountry: text('host_country').notNull(),
    programmeId: uuid('programme_id').notNull(),
    shape: text('shape').notNull(),
    /** The partnership's DAC sector code, '' when it has none. */
    sectorCode: text('sector_code').notNull().default(''),
    gender: text('gender').notNull(),
    /** A code of AGE_BANDS (core/stats/age-bands.ts); the SQL that computes it is in the migration. */
    ageBand: text('age_band').notNull(),
    people: integer('people').notNull().default(0),
    /** Sum of the people's whole years of age at the start, for the average age. */
    ageYearsSum: bigint('age_years_sum', { mode: 'number' }).notNull().default(0),
    /** Sum of the stays in days (actual end, else planned, minus the start), for the average stay. */
    stayDaysSum: bigint('stay_days_sum', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ name: 'participant_flow_counts_pk', columns: [t.sdgGoal, t.year, t.homeCountry, t.hostCountry, t.programmeId, t.shape, t.sectorCode, t.gender, t.ageBand] })],
);

/**
 * The statistics page's answers for one filter, kept by the same triggers as participant_flow_counts (migration
 * `participant-statistics-marginals`): for every year and every single filter of the page, the people by each
 * dimension the page shows. With no filter, a year range and at most one other filter (a region is the sum of
 * its countries' `from:`/`to:` filters, which never overlap), the page reads a few thousand rows of this
 * table instead of summing the whole aggregate (about 107,000 rows for 1,000,000 participants; 300 ms).
 *
 * `filter` is '' (none) or `from:NO`, `to:MW`, `direction:south-south`, `gender:female`, `age-band:25-29`,
 * `programme:<id>`, `shape:triangular`, `sector:12181`, `sdg:3`. `dimension` is `total` (value ''), `flow`
 * (value `home-host`), `programme`, `shape`, `sector`, `gender`, `age-band` or `sdg`; a person counts once
 * per dimension, except under `sdg`, where they count under each of their partnership's goals.
 */
export const participantStatMarginals = pgTable(
  'participant_stat_marginals',
  {
    filter: text('filter').notNull(),
    year: integer('year').notNull(),
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    people: integer('people').notNull().default(0),
    ageYearsSum: bigint('age_years_sum', { mode: 'number' }).notNull().default(0),
    stayDaysSum: bigint('stay_days_sum', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ name: 'participant_stat_marginals_pk', columns: [t.filter, t.year, t.dimension, t.value] })],
);
