import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.ts';
import { participants } from './participants.ts';

/**
 * What a participant keeps up to date about themself on their own page (`/{lang}/exchange`): how to reach
 * them at home and abroad. One row per participant, made on the first save; `updatedAt` is its version
 * (docs/architecture.md#optimistic-locking).
 */
export const participantProfiles = pgTable('participant_profiles', {
  participantId: uuid('participant_id')
    .primaryKey()
    .references(() => participants.id, { onDelete: 'cascade' }),
  phone: text('phone').notNull().default(''),
  homeAddress: text('home_address').notNull().default(''),
  addressAbroad: text('address_abroad').notNull().default(''),
  /** The languages the person speaks, as they write them. */
  languages: text('languages').notNull().default(''),
  /** Anything the hosts should know (diet, access needs); the person decides what to say. */
  notes: text('notes').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Whom to call when something happens to the participant (duty of care). */
export const emergencyContacts = pgTable(
  'emergency_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    relation: text('relation').notNull(),
    phone: text('phone').notNull(),
    email: text('email').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('emergency_contacts_participant_idx').on(t.participantId, t.createdAt)],
);

/**
 * Consent to the processing of a participant's data: one row each time it is given, with the exact
 * version of the text that was shown (`consent.v1` is the catalogs' `consent.v1.*` messages), and when it
 * was withdrawn. The consent in force is the latest row not withdrawn; the rows are the history.
 */
export const participantConsents = pgTable(
  'participant_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    textVersion: text('text_version').notNull(),
    /** The language the text was read in. */
    locale: text('locale').notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    consentedBy: text('consented_by').references(() => user.id, { onDelete: 'set null' }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [index('participant_consents_participant_idx').on(t.participantId, t.consentedAt)],
);
