import type { Database } from '../database.ts';
import {
  courseAttendance,
  courseEnrolments,
  courses,
  courseSessions,
  participantDocuments,
  participantReports,
  participants,
  type CourseKind,
  type ParticipantStatus,
} from '../schema/participants.ts';
import { peopleNames } from './people-names.ts';
import { defaultSequence, type Sequence } from './sequence.ts';

export type ParticipantRow = typeof participants.$inferSelect;

export interface ParticipantOverrides extends Partial<typeof participants.$inferInsert> {
  partnershipId: string;
  homeOrganisationId: string;
  hostOrganisationId: string;
  /** The home organisation's country, used to give the person a name from there, and their nationality and residence. */
  homeCountry?: string;
}

/** Statuses reached only after the placement began, and after it ended. */
const started: readonly ParticipantStatus[] = ['in_placement', 'returned', 'completed', 'alumni', 'ended_early'];
const ended: readonly ParticipantStatus[] = ['returned', 'completed', 'alumni', 'ended_early'];

const professions = ['Nurse', 'Midwife', 'Teacher', 'Journalist', 'Agronomist', 'Physiotherapist', 'Engineer', 'Youth worker', 'Accountant', 'Laboratory technician'];
const localeOf: Record<string, string> = { NO: 'nb', BO: 'es', GT: 'es' };

/** ASCII letters for an email address: "Håkon" → "hakon". */
const mailName = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '') || 'person';

/**
 * A participant, straight into the database (no rules applied): by default in placement, as a record
 * consistent with its status would be (the host accepted; actual dates where the placement began or ended,
 * as planned). Override any field, or the status and let the rest follow.
 */
export async function createParticipant(
  db: Database,
  { homeCountry = 'NO', ...overrides }: ParticipantOverrides,
  seq: Sequence = defaultSequence,
): Promise<ParticipantRow> {
  const names = peopleNames[homeCountry] ?? peopleNames.NO!;
  // Two thirds women, as in the agency's own figures.
  const gender = overrides.gender ?? (seq.next() < 0.66 ? 'female' : 'male');
  const given = seq.pick(gender === 'female' ? names.given.female : names.given.male);
  const startYear = 2024 + seq.int(0, 2);
  const startMonth = seq.pick([1, 3, 8, 9]);
  const months = seq.pick([6, 12, 12, 12, 18]);
  const end = new Date(Date.UTC(startYear, startMonth - 1 + months, 0));
  const familyName = seq.pick(names.family);
  const birthDate = `${startYear - seq.int(21, 34)}-${String(seq.int(1, 12)).padStart(2, '0')}-${String(seq.int(1, 28)).padStart(2, '0')}`;
  const status = overrides.status ?? 'in_placement';
  const startsOn = overrides.startsOn ?? `${startYear}-${String(startMonth).padStart(2, '0')}-01`;
  const endsOn = overrides.endsOn ?? end.toISOString().slice(0, 10);
  const givenName = overrides.givenName ?? given;
  const family = overrides.familyName ?? familyName;
  const born = overrides.birthDate ?? birthDate;
  // Derived from the name (no draw from the sequence), so the rest of the demo data stays as it was.
  const hash = [...`${givenName}${family}`].reduce((h, c) => (h * 31 + c.codePointAt(0)!) >>> 0, 7);
  const [row] = await db
    .insert(participants)
    .values({
      givenName,
      familyName: family,
      gender,
      birthDate: born,
      status,
      startsOn,
      endsOn,
      email: `${mailName(givenName)}.${mailName(family)}.${born.replaceAll('-', '')}@example.org`,
      nationality: homeCountry,
      residenceCountry: homeCountry,
      profession: professions[hash % professions.length]!,
      locale: localeOf[homeCountry] ?? 'en',
      hostDecision: status === 'nominated' ? 'pending' : 'accepted',
      actualStartsOn: started.includes(status) ? startsOn : null,
      actualEndsOn: ended.includes(status) ? endsOn : null,
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('participant insert returned nothing');
  return row;
}

export type ParticipantDocumentRow = typeof participantDocuments.$inferSelect;

/** One document of a participant for one checklist item (`kind`), accepted unless told otherwise. */
export async function createParticipantDocument(
  db: Database,
  overrides: Partial<typeof participantDocuments.$inferInsert> & { participantId: string; kind: string },
): Promise<ParticipantDocumentRow> {
  const [row] = await db
    .insert(participantDocuments)
    .values({ fileRef: `files/${overrides.participantId}/${mailName(overrides.kind)}.pdf`, status: 'accepted', ...overrides })
    .returning();
  if (!row) throw new Error('document insert returned nothing');
  return row;
}

/** Every item of a checklist as an accepted document. */
export async function createAcceptedDocuments(db: Database, participantId: string, checklist: readonly string[]): Promise<void> {
  for (const kind of checklist) await createParticipantDocument(db, { participantId, kind });
}

export type CourseRow = typeof courses.$inferSelect & { sessionIds: string[] };

/** A course with `sessions` sessions (default two), a week apart from `startsAt`. */
export async function createCourse(
  db: Database,
  { sessions = 2, startsAt = new Date('2026-01-12T08:00:00Z'), ...overrides }: Partial<typeof courses.$inferInsert> & { kind: CourseKind; sessions?: number; startsAt?: Date },
): Promise<CourseRow> {
  const titles: Record<CourseKind, string> = { preparatory: 'Preparatory course', youth_camp: 'Youth camp', homecoming: 'Homecoming seminar' };
  const [course] = await db.insert(courses).values({ title: titles[overrides.kind], ...overrides }).returning();
  if (!course) throw new Error('course insert returned nothing');
  const sessionIds: string[] = [];
  for (let i = 0; i < sessions; i++) {
    const start = new Date(startsAt.getTime() + i * 7 * 24 * 60 * 60_000);
    const [session] = await db
      .insert(courseSessions)
      .values({ courseId: course.id, startsAt: start, endsAt: new Date(start.getTime() + 6 * 60 * 60_000), place: 'Førde' })
      .returning({ id: courseSessions.id });
    sessionIds.push(session!.id);
  }
  return { ...course, sessionIds };
}

/**
 * Enrols a participant in a course and records their attendance: `attended` true (every session), false
 * (none recorded), or one value per session.
 */
export async function enrolInCourse(db: Database, course: CourseRow, participantId: string, { attended = true }: { attended?: boolean | boolean[] } = {}): Promise<void> {
  await db.insert(courseEnrolments).values({ courseId: course.id, participantId });
  const perSession = Array.isArray(attended) ? attended : attended ? course.sessionIds.map(() => true) : [];
  for (const [i, sessionId] of course.sessionIds.entries()) {
    const present = perSession[i];
    if (present !== undefined) await db.insert(courseAttendance).values({ sessionId, participantId, attended: present });
  }
}

export type ParticipantReportRow = typeof participantReports.$inferSelect;

/** A participant's report of one kind, submitted unless told otherwise. */
export async function createParticipantReport(
  db: Database,
  overrides: Partial<typeof participantReports.$inferInsert> & { participantId: string; kind: (typeof participantReports.$inferInsert)['kind'] },
): Promise<ParticipantReportRow> {
  const status = overrides.status ?? 'submitted';
  const [row] = await db
    .insert(participantReports)
    .values({ body: 'What I learnt, and what I brought back.', status, submittedAt: status === 'draft' ? null : new Date(), ...overrides })
    .returning();
  if (!row) throw new Error('report insert returned nothing');
  return row;
}
