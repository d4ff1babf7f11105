import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';
import { programmes } from './programmes.ts';

/** Two or more organisations exchanging staff; the shape is derived from the partners' countries. */
export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    shape: text('shape', { enum: ['north_south', 'south_south', 'triangular'] }).notNull(),
    status: text('status').notNull(),
    sectorCode: text('sector_code'),
    /** SDG goal codes (UNSDG-Goals), copied from the approved application. */
    sdgGoals: text('sdg_goals').array().notNull().default([]),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The public directories ask for a programme's partnerships in the public statuses (the
    // organisation directory's programme filter); the leading column also serves programme_id alone.
    index('partnerships_programme_status_idx').on(t.programmeId, t.status),
    index('partnerships_status_idx').on(t.status),
    // Keyset pages of the directory walk this index in order.
    index('partnerships_title_id_idx').on(t.title, t.id),
    // "Title contains …" (pg_trgm, migration 0003).
    index('partnerships_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    index('partnerships_shape_idx').on(t.shape),
    index('partnerships_sector_idx').on(t.sectorCode),
    index('partnerships_sdg_goals_idx').using('gin', t.sdgGoals),
  ],
);

export const partnershipPartners = pgTable(
  'partnership_partners',
  {
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    isCoordinator: boolean('is_coordinator').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.organisationId] }),
    index('partnership_partners_organisation_idx').on(t.organisationId),
  ],
);
