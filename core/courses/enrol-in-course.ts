import { and, count, eq } from 'drizzle-orm';
import { courseEnrolments, participants } from '../../db/schema/participants.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, refuseProblems } from '../errors.ts';
import { participantScope, withinScope } from '../participants/participant-scope.ts';
import { isRecordId } from '../records/record-id.ts';
import { lockManagedCourse, touchCourse } from './course-access.ts';
import { checkCapacity } from './course-rules.ts';

/**
 * Enrols a participant the actor may see (participant-scope.ts) in a course the actor runs. Refused
 * with the figures when the course is full; the course row is locked, so two enrolments at once cannot
 * both take the last place.
 */
export async function enrolInCourse(ctx: CoreContext, { courseId, participantId }: { courseId: string; participantId: string }): Promise<{ version: string }> {
  return ctx.db.transaction(async (tx) => {
    const course = await lockManagedCourse(tx, ctx.actor, courseId);
    const [person] = isRecordId(participantId)
      ? await tx.select({ id: participants.id, status: participants.status }).from(participants).where(withinScope(participantScope(ctx.actor), eq(participants.id, participantId)))
      : [];
    if (!person) throw new DomainError('chooseParticipant', { field: 'participantId' });
    if (person.status === 'withdrawn') throw new DomainError('participantWithdrawn', { field: 'participantId' });
    const [already] = await tx.select().from(courseEnrolments).where(and(eq(courseEnrolments.courseId, course.id), eq(courseEnrolments.participantId, person.id)));
    if (already) throw new DomainError('alreadyEnrolled', { field: 'participantId', status: 409 });
    const [{ enrolled }] = (await tx.select({ enrolled: count() }).from(courseEnrolments).where(eq(courseEnrolments.courseId, course.id))) as [{ enrolled: number }];
    refuseProblems(checkCapacity({ capacity: course.capacity, enrolled }));
    await tx.insert(courseEnrolments).values({ courseId: course.id, participantId: person.id, enrolledAt: ctx.now() });
    const version = await touchCourse(tx, course.id);
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'course.enrolled', recordType: 'course', recordId: course.id, after: { participantId: person.id } });
    return { version: version.toISOString() };
  });
}
