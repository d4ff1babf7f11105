import { eq, sql } from 'drizzle-orm';
import { courseAttendance, courseEnrolments, courseSessions } from '../../db/schema/participants.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { lockManagedCourse, touchCourse } from './course-access.ts';

/**
 * Records the whole attendance grid of a course the actor runs: for every enrolled participant and every
 * session, present when the pair is in `present`, absent otherwise. `version` is the course's version
 * the grid was filled in from: if someone saved the course since (attendance, an enrolment, a session),
 * the save is refused as stale, so a grid filled in on an old page never overwrites newer marks. Pairs
 * naming a session or a person not in the course are ignored.
 */
export async function recordAttendance(
  ctx: CoreContext,
  { courseId, version, present }: { courseId: string; version: string; present: readonly { sessionId: string; participantId: string }[] },
): Promise<{ version: string; present: number; absent: number }> {
  return ctx.db.transaction(async (tx) => {
    const course = await lockManagedCourse(tx, ctx.actor, courseId);
    if (course.updatedAt.toISOString() !== version) throw new DomainError('staleEdit', { status: 409 });
    const [sessions, enrolled] = await Promise.all([
      tx.select({ id: courseSessions.id }).from(courseSessions).where(eq(courseSessions.courseId, course.id)),
      tx.select({ id: courseEnrolments.participantId }).from(courseEnrolments).where(eq(courseEnrolments.courseId, course.id)),
    ]);
    const marked = new Set(present.map((p) => `${p.sessionId}/${p.participantId}`));
    const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    const at = ctx.now();
    const rows = sessions.flatMap((s) => enrolled.map((e) => ({ sessionId: s.id, participantId: e.id, attended: marked.has(`${s.id}/${e.id}`), recordedBy: by, recordedAt: at })));
    if (rows.length) {
      await tx
        .insert(courseAttendance)
        .values(rows)
        .onConflictDoUpdate({
          target: [courseAttendance.sessionId, courseAttendance.participantId],
          set: { attended: sql`excluded.attended`, recordedBy: sql`excluded.recorded_by`, recordedAt: sql`excluded.recorded_at` },
        });
    }
    const after = await touchCourse(tx, course.id);
    const presentCount = rows.filter((r) => r.attended).length;
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'course.attendance-recorded',
      recordType: 'course',
      recordId: course.id,
      after: { present: rows.filter((r) => r.attended).map((r) => `${r.sessionId}/${r.participantId}`), absent: rows.length - presentCount },
    });
    return { version: after.toISOString(), present: presentCount, absent: rows.length - presentCount };
  });
}
