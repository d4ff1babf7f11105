import { eq, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { courses } from '../../db/schema/participants.ts';
import { NotFoundError, ForbiddenError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { requirePermission } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';

export type CourseRecord = typeof courses.$inferSelect;

/** The organisations the actor coordinates. */
const coordinated = (actor: Actor) => (actor.kind === 'user' ? actor.memberships.filter((m) => m.role === 'partner_coordinator').map((m) => m.organisationId) : []);
const isAgency = (actor: Actor) => actor.kind === 'system' || (actor.kind === 'user' && actor.agencyRoles.some((r) => r === 'administrator' || r === 'programme_adviser'));

/**
 * The courses the actor sees on the course pages: the agency (administrators, programme advisers)
 * every course; a partner coordinator the programme courses and their own organisations' courses.
 * Returns null when the actor sees none (a participant sees their own enrolments through list-own-courses.ts).
 */
export function courseScope(actor: Actor): SQL | undefined | null {
  if (isAgency(actor)) return undefined;
  const own = coordinated(actor);
  if (own.length === 0) return null;
  return or(isNotNull(courses.programmeId), inArray(courses.organisationId, own))!;
}

/**
 * Who runs a course (defines its sessions, enrols, takes attendance): for a programme course the
 * administrators and programme advisers; for an organisation's course its coordinators, and
 * administrators.
 */
export function mayManageCourse(actor: Actor, course: Pick<CourseRecord, 'programmeId' | 'organisationId'>): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  if (actor.agencyRoles.includes('administrator')) return true;
  if (course.programmeId) return actor.agencyRoles.includes('programme_adviser');
  return course.organisationId !== null && coordinated(actor).includes(course.organisationId);
}

/** The course, if the actor may see it; otherwise "not found", like a guessed id. `lock` holds the row for the transaction. */
export async function findVisibleCourse(db: Database, actor: Actor, courseId: string, { lock = false } = {}): Promise<CourseRecord> {
  requirePermission(actor, 'course:read');
  const scope = courseScope(actor);
  if (scope === null || !isRecordId(courseId)) throw new NotFoundError('course');
  const where = scope ? sql`${eq(courses.id, courseId)} and ${scope}` : eq(courses.id, courseId);
  const query = db.select().from(courses).where(where);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new NotFoundError('course');
  return row;
}

/** The course, locked, when the actor runs it: otherwise 404 when unseen, 403 when only seen. */
export async function lockManagedCourse(tx: Database, actor: Actor, courseId: string): Promise<CourseRecord> {
  requirePermission(actor, 'course:manage');
  const course = await findVisibleCourse(tx, actor, courseId, { lock: true });
  if (!mayManageCourse(actor, course)) throw new ForbiddenError('course:manage');
  return course;
}

/** Marks a course changed (its version) inside the caller's transaction; returns the new version. */
export async function touchCourse(tx: Database, courseId: string): Promise<Date> {
  const [row] = await tx.update(courses).set({ updatedAt: new Date() }).where(eq(courses.id, courseId)).returning({ updatedAt: courses.updatedAt });
  return row!.updatedAt;
}
