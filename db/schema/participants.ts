import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { planFlows } from './applications.ts';
import { user } from './auth.ts';
import { organisations } from './organisations.ts';
import { partnershipStages } from './partnership-stages.ts';
import { partnerships } from './partnerships.ts';
import { programmes } from './programmes.ts';

/**
 * A participant's lifecycle (docs/architecture.md#participant-lifecycle; the moves and who makes them are
 * core/participants/participant-lifecycle.ts). `withdrawn` is for someone who never left, `ended_early`
 * for someone whose placement began and stopped before its end.
 */
export const PARTICIPANT_STATUSES = ['nominated', 'approved', 'preparing', 'in_placement', 'returned', 'completed', 'alumni', 'withdrawn', 'ended_early'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** The host partner's answer to a nomination. */
export const HOST_DECISIONS = ['pending', 'accepted', 'declined'] as const;

/**
 * A person on exchange: sent by a home (sending) organisation to a host organisation within a partnership,
 * nominated against one flow of an approved round's plan. `startsOn`/`endsOn` are the planned stay;
 * `actualStartsOn`/`actualEndsOn` are set when the placement begins and ends. `updatedAt` is the version
 * that concurrent moves and decisions must present (docs/architecture.md#optimistic-locking).
 * Records from before nominations existed have no stage, flow, email, nationality or residence.
 */
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
    /**
     * The partnership's programme, copied here so that the list's programme filter and an adviser's scope
     * are a column of the row, not a join (docs/decisions/018). Never set by the code: the trigger
     * participants_programme (migration participant_list_speed) fills it from the partnership on every insert
     * and change of partnership, and a partnership moved to another programme takes its participants along.
     */
    programmeId: uuid('programme_id').references(() => programmes.id),
    /** The sending organisation. */
    homeOrganisationId: uuid('home_organisation_id')
      .notNull()
      .references(() => organisations.id),
    hostOrganisationId: uuid('host_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /**
     * The home and the host organisation's countries, copied here so that the list's country filters are a
     * column of the row, in an index with the programme, the year and the gender (docs/decisions/018, third
     * addendum). Never set by the code: the trigger participants_countries (migration
     * participant_country_copies) fills them from the organisations on every insert and change of
     * organisation, and an organisation that moves to another country takes its participants' copies along.
     */
    homeCountryCode: text('home_country_code'),
    hostCountryCode: text('host_country_code'),
    status: text('status', { enum: PARTICIPANT_STATUSES }).notNull(),
    /** Planned start and end of the stay. */
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /**
     * The age in whole years on the planned start (`startsOn`), for the list's age filter
     * (docs/decisions/018, addendum 2026-11-29): a stored generated column, so PostgreSQL recomputes it
     * whenever the date of birth or the planned start changes, whoever writes them, and it can be indexed
     * and has statistics (the expression had neither). The casts to `timestamp` make `age()` immutable
     * (on plain dates it resolves to the `timestamptz` version, which depends on the time zone).
     */
    ageAtStart: smallint('age_at_start').generatedAlwaysAs(sql`date_part('year', age("starts_on"::timestamp, "birth_date"::timestamp))::smallint`),
    /** The round (a `partnership_stages` row of kind 'round') and the plan flow the person was nominated against. */
    stageId: uuid('stage_id').references(() => partnershipStages.id),
    planFlowId: uuid('plan_flow_id').references(() => planFlows.id),
    /** Lower-case; the same person in two placements is found by it. */
    email: text('email'),
    /** ISO 3166-1 alpha-2. */
    nationality: text('nationality'),
    /** ISO 3166-1 alpha-2: must be the sending organisation's country (an eligibility rule). */
    residenceCountry: text('residence_country'),
    profession: text('profession').notNull().default(''),
    /** The language of the invitation and of the emails to the person until they choose one on their account. */
    locale: text('locale').notNull().default('en'),
    actualStartsOn: date('actual_starts_on'),
    actualEndsOn: date('actual_ends_on'),
    nominatedBy: text('nominated_by').references(() => user.id, { onDelete: 'set null' }),
    hostDecision: text('host_decision', { enum: HOST_DECISIONS }).notNull().default('pending'),
    hostDecidedAt: timestamp('host_decided_at', { withTimezone: true }),
    hostDecidedBy: text('host_decided_by').references(() => user.id, { onDelete: 'set null' }),
    hostDeclineReason: text('host_decline_reason'),
    /**
     * Nominated when the flow's planned number was already taken: the nomination stands but cannot be
     * approved until an adviser approves going over the plan, with a reason.
     */
    overPlan: boolean('over_plan').notNull().default(false),
    overPlanApprovedAt: timestamp('over_plan_approved_at', { withTimezone: true }),
    overPlanApprovedBy: text('over_plan_approved_by').references(() => user.id, { onDelete: 'set null' }),
    overPlanReason: text('over_plan_reason'),
    /** The reason given for the latest move that needed one (withdrawn, ended early); the history keeps all. */
    statusReason: text('status_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('participants_partnership_idx').on(t.partnershipId),
    index('participants_home_idx').on(t.homeOrganisationId),
    index('participants_host_idx').on(t.hostOrganisationId),
    index('participants_plan_flow_idx').on(t.planFlowId),
    // The same person elsewhere: by email, and by date of birth (exact and near name matches).
    index('participants_email_idx').on(t.email),
    index('participants_birth_date_idx').on(t.birthDate),
    // The participant list (core/participants/list-participants.ts): keyset pages by name; the status,
    // the gender, the programme (and an adviser's programmes) and the year of the start each walk the name order;
    // the name search finds the names that begin with each word (lower-case prefix, index-only), then
    // walks the name order for them; the round.
    index('participants_name_idx').on(t.familyName, t.givenName, t.id),
    index('participants_status_name_idx').on(t.status, t.familyName, t.givenName, t.id),
    index('participants_programme_name_idx').on(t.programmeId, t.familyName, t.givenName, t.id),
    index('participants_gender_name_idx').on(t.gender, t.familyName, t.givenName, t.id),
    // A home or a host country alone (the copies of the organisations' countries): its name order, and its
    // count index-only, however few people the country has.
    index('participants_home_country_name_idx').on(t.homeCountryCode, t.familyName, t.givenName, t.id),
    index('participants_host_country_name_idx').on(t.hostCountryCode, t.familyName, t.givenName, t.id),
    // Also, hand-written in migration participant_list_speed because they INCLUDE the filtered columns (which
    // Drizzle's index builder cannot say), so that counting the total is an index-only scan:
    // participants_year_name_idx (year of starts_on, family_name, given_name, id) and
    // participants_programme_year_name_idx (programme_id, year of starts_on, family_name, given_name, id);
    // rebuilt in migration participant_age_at_start with age_at_start included instead of birth_date, and in
    // migration participant_country_copies with the home and host country codes included as well.
    // And participants_programme_year_gender_home_idx (programme_id, year of starts_on, gender,
    // home_country_code, family_name, given_name, id) INCLUDE (starts_on, host_country_code), migration
    // participant_country_copies: a programme's year, gender and home country are one range of entries in name
    // order, so its count reads only its matches and its page only its first 25 (decision 018, third addendum).
    index('participants_family_prefix_idx').on(sql`lower(${t.familyName}) text_pattern_ops`, t.familyName),
    index('participants_given_prefix_idx').on(sql`lower(${t.givenName}) text_pattern_ops`, t.givenName),
    index('participants_stage_idx').on(t.stageId),
    index('participants_starts_on_idx').on(t.startsOn),
    // The age band (a range of age_at_start): counted index-only by this one; its page walks the name order
    // and tests the stored age. Status, gender, year and age together (the demographic filters, often each
    // common and together rare): equalities first, the age range last, so a rare combination is a few entries.
    index('participants_age_idx').on(t.ageAtStart),
    // A programme and an age band: programmes have age ranges of their own (youth 18–25), so the two are
    // correlated and a band outside the programme's range matches no one. With this index and the extended
    // statistics participants_programme_age_stats (hand-written in migration participant_age_at_start:
    // Drizzle cannot declare them) the planner knows that and looks the few rows up instead of walking all
    // of the programme's in name order.
    index('participants_programme_age_idx').on(t.programmeId, t.ageAtStart),
    index('participants_status_gender_year_age_idx').on(t.status, t.gender, sql`extract(year from ${t.startsOn})`, t.ageAtStart),
  ],
);

/** Every status a participant has had: who moved them, when, from what, to what and why. `fromStatus` is null for the nomination. */
export const participantStatusHistory = pgTable(
  'participant_status_history',
  {
    /** In the order the changes were made, also when two share a time. */
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: PARTICIPANT_STATUSES }),
    toStatus: text('to_status', { enum: PARTICIPANT_STATUSES }).notNull(),
    reason: text('reason'),
    actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
    /** The actor as the audit trail names them (email, or `system:<label>`), kept if the account goes. */
    actorLabel: text('actor_label').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('participant_status_history_participant_idx').on(t.participantId, t.at)],
);

/** The eligibility problems (core/participants/check-eligibility.ts) a participant may have. */
export const ELIGIBILITY_PROBLEMS = ['ageNotEligible', 'stayLengthNotAllowed', 'outsideRoundPeriod', 'residenceNotSendingCountry', 'overlappingPlacement'] as const;
export type EligibilityProblemCode = (typeof ELIGIBILITY_PROBLEMS)[number];

/** An adviser's exception to one eligibility problem of one participant, with the reason: the problem then no longer blocks approval. */
export const eligibilityExceptions = pgTable(
  'eligibility_exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    problem: text('problem', { enum: ELIGIBILITY_PROBLEMS }).notNull(),
    reason: text('reason').notNull(),
    grantedBy: text('granted_by').references(() => user.id, { onDelete: 'set null' }),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('eligibility_exceptions_participant_problem_idx').on(t.participantId, t.problem)],
);

export const DOCUMENT_STATUSES = ['submitted', 'accepted', 'returned'] as const;

/**
 * A participant's document for one item of the programme's checklist (`kind` is the checklist line, as in
 * `programmes.documents`). The file itself lives in the file store; `fileRef` points to it. A returned
 * document is replaced by submitting again on the same row. Moving into placement needs every checklist
 * item accepted.
 */
export const participantDocuments = pgTable(
  'participant_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    fileRef: text('file_ref').notNull(),
    /** The name the file had when it was uploaded (path separators and control characters replaced), for the download. */
    fileName: text('file_name').notNull().default(''),
    /** What the content was found to be (application/pdf, image/jpeg or image/png), never what the browser claimed. */
    contentType: text('content_type').notNull().default('application/pdf'),
    sizeBytes: integer('size_bytes').notNull().default(0),
    uploadedBy: text('uploaded_by').references(() => user.id, { onDelete: 'set null' }),
    status: text('status', { enum: DOCUMENT_STATUSES }).notNull().default('submitted'),
    /** Why it was returned, for the participant to fix. */
    reviewNote: text('review_note'),
    reviewedBy: text('reviewed_by').references(() => user.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('participant_documents_participant_kind_idx').on(t.participantId, t.kind)],
);

export const COURSE_KINDS = ['preparatory', 'youth_camp', 'homecoming'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

/**
 * A course: a partner's preparatory course (`organisationId` set) or one of the agency's courses for a
 * programme, such as the youth camp or the homecoming seminar (`programmeId` set).
 */
export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: COURSE_KINDS }).notNull(),
    title: text('title').notNull(),
    programmeId: uuid('programme_id').references(() => programmes.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** Where it is held (a town, a venue); a session may name a room of its own. */
    place: text('place').notNull().default(''),
    /** The first and last day (a preparatory course spans at least two weeks: core/courses/course-rules.ts). */
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    /** How many people may be enrolled. */
    capacity: integer('capacity').notNull().default(20),
    /** IANA time zone of the place: session times are typed and shown in it. */
    timeZone: text('time_zone').notNull().default('Europe/Oslo'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The version: changed by every session, enrolment and attendance saved, so a stale attendance grid is refused. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('courses_programme_idx').on(t.programmeId), index('courses_organisation_idx').on(t.organisationId)],
);

/** One meeting of a course. */
export const courseSessions = pgTable(
  'course_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place').notNull().default(''),
  },
  (t) => [index('course_sessions_course_idx').on(t.courseId)],
);

/** A participant taking a course. */
export const courseEnrolments = pgTable(
  'course_enrolments',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.participantId] }), index('course_enrolments_participant_idx').on(t.participantId)],
);

/**
 * Whether an enrolled participant attended one session. A course counts as attended when the participant
 * is enrolled and was present at every one of its sessions (and it has at least one).
 */
export const courseAttendance = pgTable(
  'course_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => courseSessions.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    attended: boolean('attended').notNull(),
    recordedBy: text('recorded_by').references(() => user.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.participantId] }), index('course_attendance_participant_idx').on(t.participantId)],
);

export const REPORT_KINDS = ['arrival', 'mid_term', 'final', 'home_engagement'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * The structured questions of every report: the three levels of learning (what I learned; what my host
 * organisation gained; what my home organisation will gain; what I bring home to my community). `body` is
 * the free text beside them.
 */
export const REPORT_QUESTIONS = ['learned', 'hostGained', 'homeGains', 'community'] as const;
export type ReportQuestion = (typeof REPORT_QUESTIONS)[number];
export type ReportAnswers = Partial<Record<ReportQuestion, string>>;

/**
 * A participant's report, one of each kind; a returned report is edited and submitted again on the same row.
 * `updatedAt` is its version (docs/architecture.md#optimistic-locking); `reviewNote` is the reviewer's remark.
 * Due dates are not stored: they follow from the actual placement dates (core/participants/report-due-dates.ts).
 */
export const participantReports = pgTable(
  'participant_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: REPORT_KINDS }).notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
    body: text('body').notNull().default(''),
    answers: jsonb('answers').$type<ReportAnswers>().notNull().default({}),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by').references(() => user.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** Why it was returned. */
    reviewNote: text('review_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('participant_reports_participant_kind_idx').on(t.participantId, t.kind)],
);

/** The steps at which an overdue report is reminded: the day after it fell due, and two weeks later (with the sending coordinators). */
export const REMINDER_STEPS = ['overdue', 'second'] as const;
export type ReminderStep = (typeof REMINDER_STEPS)[number];

/**
 * Reminders sent for overdue reports. The unique key (participant, kind, due date, step) is what makes a
 * reminder go out at most once, also across restarts and two runs at once: the job inserts here with
 * ON CONFLICT DO NOTHING and queues the email only when its insert took, in the same transaction. A due
 * date that moves (the actual dates were corrected) is a new due date and may be reminded again.
 */
export const reportReminders = pgTable(
  'report_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: REPORT_KINDS }).notNull(),
    dueOn: date('due_on').notNull(),
    step: text('step', { enum: REMINDER_STEPS }).notNull(),
    /** How many emails were queued for it. */
    recipients: integer('recipients').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('report_reminders_once_idx').on(t.participantId, t.kind, t.dueOn, t.step)],
);
