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
