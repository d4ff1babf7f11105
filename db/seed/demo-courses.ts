import { asc, eq, inArray } from 'drizzle-orm';
import { zonedInstant } from '../../core/courses/course-rules.ts';
import type { Database } from '../database.ts';
import { organisations } from '../schema/organisations.ts';
import { courseAttendance, courseEnrolments, courses, courseSessions, participants, type CourseKind } from '../schema/participants.ts';
import { partnerships } from '../schema/partnerships.ts';

const DAY = 24 * 60 * 60_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const osloDay = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(now);
/** The Monday on or before a day. */
const monday = (day: string) => {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return isoDay(ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY);
};

type Person = { id: string; status: string; startsOn: string; endsOn: string; actualEndsOn: string | null; programmeId: string; homeOrganisationId: string };

/**
 * A course with sessions on the given days (09:00–15:00 where it is held), the people enrolled and their
 * attendance: `attendance(person, sessionIndex)` true or false, or undefined for nothing recorded.
 */
async function course(
  tx: Database,
  c: { kind: CourseKind; title: string; programmeId?: string; organisationId?: string; place: string; timeZone?: string; startsOn: string; endsOn: string; capacity: number; sessionDays: string[] },
  people: Person[],
  attendance: (person: Person, session: number) => boolean | undefined,
) {
  const timeZone = c.timeZone ?? 'Europe/Oslo';
  const [row] = await tx
    .insert(courses)
    .values({ kind: c.kind, title: c.title, programmeId: c.programmeId ?? null, organisationId: c.organisationId ?? null, place: c.place, timeZone, startsOn: c.startsOn, endsOn: c.endsOn, capacity: Math.max(c.capacity, people.length) })
    .returning({ id: courses.id });
  const sessions = await tx
    .insert(courseSessions)
    .values(c.sessionDays.map((day) => ({ courseId: row!.id, startsAt: zonedInstant(day, '09:00', timeZone), endsAt: zonedInstant(day, '15:00', timeZone), place: c.place })))
    .returning({ id: courseSessions.id });
  if (people.length === 0) return;
  await tx.insert(courseEnrolments).values(people.map((p) => ({ courseId: row!.id, participantId: p.id })));
  const marks = people.flatMap((p) => sessions.map((s, i) => ({ sessionId: s.id, participantId: p.id, attended: attendance(p, i) }))).filter((m): m is { sessionId: string; participantId: string; attended: boolean } => m.attended !== undefined);
  if (marks.length) await tx.insert(courseAttendance).values(marks);
}

/** Weekdays Monday, Wednesday and Friday from `startsOn` to `endsOn`. */
const sessionDays = (startsOn: string, endsOn: string) => {
  const days: string[] = [];
  for (let ms = Date.parse(`${startsOn}T00:00:00Z`); ms <= Date.parse(`${endsOn}T00:00:00Z`); ms += DAY) {
    if ([1, 3, 5].includes(new Date(ms).getUTCDay())) days.push(isoDay(ms));
  }
  return days;
};

/**
 * Courses consistent with where the demo participants stand (after seedDemoParticipants), per programme
 * with participants: the preparatory course in Førde (two weeks and a half) that those who left
 * attended in full before their placement; the next one, for those preparing or approved; and a
 * homecoming seminar a few days ago, attended in full by those who completed and in part by some who
 * returned. And Kathmandu Model Hospital's own pre-departure course for its two new nominees.
 */
export async function seedDemoCourses(tx: Database, now = new Date()) {
  const today = osloDay(now);
  const people: Person[] = await tx
    .select({ id: participants.id, status: participants.status, startsOn: participants.startsOn, endsOn: participants.endsOn, actualEndsOn: participants.actualEndsOn, programmeId: partnerships.programmeId, homeOrganisationId: participants.homeOrganisationId })
    .from(participants)
    .innerJoin(partnerships, eq(partnerships.id, participants.partnershipId))
    .orderBy(asc(participants.startsOn), asc(participants.id));
  const programmeIds = [...new Set(people.map((p) => p.programmeId))];
  for (const programmeId of programmeIds) {
    const own = people.filter((p) => p.programmeId === programmeId);
    // Before the placement: those who went attended the preparatory course before the earliest of them left.
    const went = own.filter((p) => ['in_placement', 'returned', 'completed', 'ended_early'].includes(p.status));
    if (went.length) {
      const endsOn = isoDay(Date.parse(`${went[0]!.startsOn}T00:00:00Z`) - 10 * DAY);
      const startsOn = monday(isoDay(Date.parse(`${endsOn}T00:00:00Z`) - 16 * DAY));
      await course(tx, { kind: 'preparatory', title: 'Preparatory course, Førde', programmeId, place: 'Førde, Norec course centre', startsOn, endsOn, capacity: 30, sessionDays: sessionDays(startsOn, endsOn) }, went, () => true);
    }
    // The next preparatory course, three weeks from now, for those about to leave.
    const leaving = own.filter((p) => ['approved', 'preparing'].includes(p.status));
    const nextStart = monday(isoDay(Date.parse(`${today}T00:00:00Z`) + 21 * DAY));
    const nextEnd = isoDay(Date.parse(`${nextStart}T00:00:00Z`) + 18 * DAY);
    await course(tx, { kind: 'preparatory', title: 'Preparatory course, Førde', programmeId, place: 'Førde, Norec course centre', startsOn: nextStart, endsOn: nextEnd, capacity: 24, sessionDays: sessionDays(nextStart, nextEnd) }, leaving, () => undefined);
    // Home again: a two-day seminar that ended last week.
    const seminarStart = isoDay(Date.parse(`${today}T00:00:00Z`) - 9 * DAY);
    const seminarEnd = isoDay(Date.parse(`${seminarStart}T00:00:00Z`) + DAY);
    const home = own.filter((p) => ['completed', 'returned'].includes(p.status) && (p.actualEndsOn ?? p.endsOn) < seminarStart);
    if (home.length) {
      await course(tx, { kind: 'homecoming', title: 'Homecoming seminar', programmeId, place: 'Oslo, Litteraturhuset', startsOn: seminarStart, endsOn: seminarEnd, capacity: 40, sessionDays: [seminarStart, seminarEnd] }, home, (p, i) => (p.status === 'completed' ? true : i === 0));
    }
  }
  // A partner's own course: Kathmandu's pre-departure course for its nominees, starting in two weeks.
  const [kathmandu] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.legalName, 'Kathmandu Model Hospital'));
  if (!kathmandu) return;
  const nominees = await tx
    .select({ id: participants.id })
    .from(participants)
    .where(inArray(participants.status, ['nominated']));
  const ownNominees = people.filter((p) => p.homeOrganisationId === kathmandu.id && nominees.some((n) => n.id === p.id));
  const startsOn = monday(isoDay(Date.parse(`${today}T00:00:00Z`) + 14 * DAY));
  const endsOn = isoDay(Date.parse(`${startsOn}T00:00:00Z`) + 13 * DAY);
  await course(tx, { kind: 'preparatory', title: 'Pre-departure course: Norway and Norwegian hospitals', organisationId: kathmandu.id, place: 'Kathmandu Model Hospital, teaching wing', timeZone: 'Asia/Kathmandu', startsOn, endsOn, capacity: 12, sessionDays: sessionDays(startsOn, endsOn) }, ownNominees, () => undefined);
}
