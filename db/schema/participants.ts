import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';
import { partnerships } from './partnerships.ts';

/** A person on exchange: sent by a home organisation to a host organisation within a partnership. */
export const participants = pgTable(
  'participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    gender: text('gender', { enum: ['female', 'male', 'other', 'undisclosed'] }).notNull(),
    birthDate: date('birth_date').notNull(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    homeOrganisationId: uuid('home_organisation_id')
      .notNull()
      .references(() => organisations.id),
    hostOrganisationId: uuid('host_organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('participants_partnership_idx').on(t.partnershipId),
    index('participants_home_idx').on(t.homeOrganisationId),
    index('participants_host_idx').on(t.hostOrganisationId),
  ],
);
