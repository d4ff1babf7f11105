import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.ts';
import { organisations } from './organisations.ts';
import { participants } from './participants.ts';
import { programmes } from './programmes.ts';

/**
 * The roles a person can hold (docs/architecture.md#who-uses-it), as rows: agency roles are global, partner roles are held
 * per organisation, participant is tied to a participant record.
 */
export const roles = pgTable('roles', {
  code: text('code').primaryKey(),
  scope: text('scope', { enum: ['agency', 'organisation', 'participant'] }).notNull(),
});

/** Agency staff roles: administrator, programme adviser, finance officer. */
export const agencyRoleAssignments = pgTable(
  'agency_role_assignments',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    roleCode: text('role_code')
      .notNull()
      .references(() => roles.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleCode] })],
);

/** A person's membership of a partner organisation, with their role there (coordinator or finance). */
export const memberships = pgTable(
  'memberships',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    roleCode: text('role_code')
      .notNull()
      .references(() => roles.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId, t.roleCode] }), index('memberships_organisation_idx').on(t.organisationId)],
);

/** A participant's own account: the person behind a participant record. */
export const participantAccounts = pgTable(
  'participant_accounts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.participantId] }), uniqueIndex('participant_accounts_participant_idx').on(t.participantId)],
);

/**
 * An invitation: the only way in (no open sign-up). The link carries a random token; only its SHA-256
 * hash is stored. Single use (acceptedAt), expiring (expiresAt), revocable (revokedAt).
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    roleCode: text('role_code')
      .notNull()
      .references(() => roles.code),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    participantId: uuid('participant_id').references(() => participants.id),
    locale: text('locale').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by').references(() => user.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: text('accepted_by').references(() => user.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('invitations_email_idx').on(t.email), index('invitations_organisation_idx').on(t.organisationId)],
);

/** Failed sign-ins per account, for the lock-out after repeated failures. */
export const signInFailures = pgTable('sign_in_failures', {
  email: text('email').primaryKey(),
  failures: integer('failures').notNull().default(0),
  firstFailureAt: timestamp('first_failure_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/** The programmes a programme adviser follows: they see those programmes' partnerships and people. */
export const programmeAdvisers = pgTable(
  'programme_advisers',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.programmeId] })],
);
