import { and, asc, count, desc, eq, gte, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { organisations } from '../../db/schema/organisations.ts';
import { COURSE_KINDS, courseEnrolments, courses, courseSessions, type CourseKind } from '../../db/schema/participants.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { courseScope, mayManageCourse } from './course-access.ts';

export const COURSE_WHEN = ['upcoming', 'past', 'all'] as const;
export type CourseWhen = (typeof COURSE_WHEN)[number];

const osloDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' });
const osloDay = (now: Date) => osloDayFormat.format(now);

/**
 * The courses the actor sees (course-access.ts), optionally of one kind; `upcoming` (not ended yet, the
 * default: soonest first), `past` (latest first) or `all`. Each with its owner, its numbers of sessions
 * and enrolled people, and whether the actor runs it.
 */
export async function listCourses(ctx: CoreContext, { kind, when = 'upcoming', limit = 200 }: { kind?: CourseKind; when?: CourseWhen; limit?: number } = {}) {
  requirePermission(ctx.actor, 'course:read');
  const scope = courseScope(ctx.actor);
  if (scope === null) throw new ForbiddenError('course:read');
  const today = osloDay(ctx.now());
  const conditions: (SQL | undefined)[] = [scope, kind && (COURSE_KINDS as readonly string[]).includes(kind) ? eq(courses.kind, kind) : undefined];
  if (when === 'upcoming') conditions.push(or(isNull(courses.endsOn), gte(courses.endsOn, today)));
  if (when === 'past') conditions.push(lt(courses.endsOn, today));
  const enrolledCount = ctx.db.select({ courseId: courseEnrolments.courseId, n: count().as('enrolled_n') }).from(courseEnrolments).groupBy(courseEnrolments.courseId).as('enrolled_counts');
  const sessionCount = ctx.db.select({ courseId: courseSessions.courseId, n: count().as('session_n') }).from(courseSessions).groupBy(courseSessions.courseId).as('session_counts');
  const rows = await ctx.db
    .select({
      id: courses.id,
      kind: courses.kind,
      title: courses.title,
      place: courses.place,
      startsOn: courses.startsOn,
      endsOn: courses.endsOn,
      capacity: courses.capacity,
      programmeId: courses.programmeId,
      organisationId: courses.organisationId,
      ownerName: sql<string>`coalesce(${programmes.name}, ${organisations.legalName}, '')`,
      enrolled: sql<number>`coalesce(${enrolledCount.n}, 0)::int`,
      sessions: sql<number>`coalesce(${sessionCount.n}, 0)::int`,
    })
    .from(courses)
    .leftJoin(programmes, eq(programmes.id, courses.programmeId))
    .leftJoin(organisations, eq(organisations.id, courses.organisationId))
    .leftJoin(enrolledCount, eq(enrolledCount.courseId, courses.id))
    .leftJoin(sessionCount, eq(sessionCount.courseId, courses.id))
    .where(and(...conditions))
    .orderBy(when === 'past' ? desc(courses.startsOn) : asc(courses.startsOn), asc(courses.title), asc(courses.id))
    .limit(Math.min(Math.max(limit, 1), 500));
  return rows.map((r) => ({ ...r, manages: mayManageCourse(ctx.actor, r) }));
}
