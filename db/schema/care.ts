import { bigserial, boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.ts';
import { participants } from './participants.ts';

/**
 * Duty of care (docs/architecture.md#duty-of-care): an incident concerning one participant, reported by
 * the participant or a coordinator of the sending or host partner. Seen only by those concerned
 * (core/care/incident-scope.ts). `updatedAt` is the version status changes present.
 */
export const INCIDENT_KINDS = ['health', 'security', 'other'] as const;
export const INCIDENT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const INCIDENT_STATUSES = ['open', 'following_up', 'closed'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: INCIDENT_KINDS }).notNull(),
    severity: text('severity', { enum: INCIDENT_SEVERITIES }).notNull(),
    status: text('status', { enum: INCIDENT_STATUSES }).notNull().default('open'),
    /** What happened, when (the day) and where. */
    description: text('description').notNull(),
    occurredOn: date('occurred_on').notNull(),
    place: text('place').notNull().default(''),
    reportedBy: text('reported_by').references(() => user.id, { onDelete: 'set null' }),
    reportedByLabel: text('reported_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('incidents_participant_idx').on(t.participantId), index('incidents_status_idx').on(t.status, t.severity)],
);

/** A follow-up note on an incident, in the order written; a status change records its own note. */
export const incidentNotes = pgTable(
  'incident_notes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    /** Set when the note went with a status change. */
    toStatus: text('to_status', { enum: INCIDENT_STATUSES }),
    authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
    authorLabel: text('author_label').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('incident_notes_incident_idx').on(t.incidentId, t.at)],
);

export const NOTIFIED_PARTIES = ['family', 'embassy', 'insurance', 'agency', 'police', 'health_service', 'other'] as const;

/** "Who was told": one line per party told about an incident, with when. */
export const incidentNotifications = pgTable(
  'incident_notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    party: text('party', { enum: NOTIFIED_PARTIES }).notNull(),
    /** Who exactly, or how (free text, may be empty). */
    detail: text('detail').notNull().default(''),
    toldOn: date('told_on').notNull(),
    recordedBy: text('recorded_by').references(() => user.id, { onDelete: 'set null' }),
    recordedByLabel: text('recorded_by_label').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('incident_notifications_incident_idx').on(t.incidentId)],
);

/** A participant's plan for engagement at home after return: one per participant, versioned by `updatedAt`. */
export const engagementPlans = pgTable('engagement_plans', {
  participantId: uuid('participant_id')
    .primaryKey()
    .references(() => participants.id, { onDelete: 'cascade' }),
  plan: text('plan').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What a participant did after return: what, where, the day, and how many people it reached. */
export const engagementActivities = pgTable(
  'engagement_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    what: text('what').notNull(),
    place: text('place').notNull().default(''),
    heldOn: date('held_on').notNull(),
    peopleReached: integer('people_reached').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('engagement_activities_participant_idx').on(t.participantId, t.heldOn)],
);

/**
 * An alumnus' entry in the alumni directory, opt-in: listed only while `listed` is true and the
 * participant's status is `alumni`. The contact email is shown only when `showEmail` is true.
 */
export const alumniProfiles = pgTable('alumni_profiles', {
  participantId: uuid('participant_id')
    .primaryKey()
    .references(() => participants.id, { onDelete: 'cascade' }),
  listed: boolean('listed').notNull().default(false),
  profession: text('profession').notNull().default(''),
  bio: text('bio').notNull().default(''),
  contactEmail: text('contact_email').notNull().default(''),
  showEmail: boolean('show_email').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
