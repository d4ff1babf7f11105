import { sql } from 'drizzle-orm';
import { bigint, customType, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A 64-bit transaction id (PostgreSQL's `xid8`), read as text. */
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

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
 * A key whose people dropped to zero stays as a row with 0 (sums are unaffected), so a row, once there, is
 * never deleted: the server keeps a copy of the table in memory (core/stats/flow-counts-in-memory.ts) and
 * brings it up to date with the rows whose `changed_xid` (the transaction that last wrote them) is not older
 * than the oldest transaction still running when it last read.
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
    /** The row's number in the copy kept in memory. */
    id: integer('id').notNull().generatedAlwaysAsIdentity(),
    /** The transaction that last wrote the row (`pg_current_xact_id()`, set by the triggers). */
    changedXid: xid8('changed_xid').notNull().default(sql`pg_current_xact_id()`),
  },
  (t) => [
    primaryKey({ name: 'participant_flow_counts_pk', columns: [t.sdgGoal, t.year, t.homeCountry, t.hostCountry, t.programmeId, t.shape, t.sectorCode, t.gender, t.ageBand] }),
    uniqueIndex('participant_flow_counts_id').on(t.id),
    index('participant_flow_counts_changed').on(t.changedXid, t.id),
  ],
);
