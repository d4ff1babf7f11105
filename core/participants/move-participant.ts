import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { courseAttendance, courseEnrolments, courses, courseSessions, participantDocuments, participantReports, participants, PARTICIPANT_STATUSES } from '../../db/schema/participants.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, ForbiddenError, refuseProblems, type FieldProblem } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { text } from '../input/text.ts';
import { osloDate } from '../partnerships/check-deadline.ts';
import { isVersion } from '../records/expected-version.ts';
import { moveProblems, type MoveFacts } from './check-move.ts';
import { assessEligibility } from './get-participant-eligibility.ts';
import { movers, moveParticipantStatus, MOVES_WITH_REASON, recordsDate, type ParticipantStatus } from './participant-lifecycle.ts';
import { emailParticipantParties, lockParticipant, recordStatusChange, requireVersion, statusName, type ParticipantRow } from './participant-record.ts';

export const moveInput = z.object({
  to: z.enum(PARTICIPANT_STATUSES, { message: 'chooseStatus' }),
  /** Required for withdrawn and ended early. */
  reason: text().trim().max(2000, 'tooLong').optional(),
  /** The placement's actual start (to in placement) or end (to returned, or ended early from in placement). */
  on: z.iso.date('chooseDate').optional(),
});
export type MoveInput = z.infer<typeof moveInput>;

/**
 * Moves a participant along the lifecycle (participant-lifecycle.ts decides which moves exist and who
 * makes them; check-move.ts what each needs). `version` is the participant's version the person saw:
 * of two moves made at once from the same version, one wins and the other is refused as stale (409).
 * An illegal move is refused naming both statuses (409); a guard that does not hold is refused with every
 * reason at once. The move is written to the status history and the audit trail, and the participant and
 * both partners' coordinators get an email, each in their own language.
 */
export async function moveParticipant(
  ctx: CoreContext,
  { participantId: id, version, to, reason, on }: MoveInput & { participantId: string; version: string },
): Promise<{ status: ParticipantStatus; version: string }> {
  requirePermission(ctx.actor, 'participant:move');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const { row: before, programmeId, parties } = await lockParticipant(ctx, tx, id);
    requireVersion(before, version);
    const from = before.status;
    moveParticipantStatus(from, to);
    if (!movers(from, to).some((party) => parties.includes(party))) throw new ForbiddenError('participant:move');

    const problems: FieldProblem[] = [];
    const why = reason?.trim() ? reason.trim() : null;
    if (MOVES_WITH_REASON.includes(to) && !why) problems.push({ field: 'reason', code: 'giveReason' });
    const dateColumn = recordsDate(from, to);
    if (dateColumn && !on) problems.push({ field: 'on', code: 'chooseDate' });
    else if (dateColumn && on) {
      if (on > osloDate(now)) problems.push({ field: 'on', code: 'dateInFuture' });
      else if (dateColumn === 'actualEndsOn' && before.actualStartsOn && on < before.actualStartsOn) problems.push({ field: 'on', code: 'endBeforeStart' });
    }
    problems.push(...moveProblems(to, await moveFacts(tx, before, programmeId, to)));
    refuseProblems(problems);

    const [after] = await tx
      .update(participants)
      .set({ status: to, ...(why ? { statusReason: why } : {}), ...(dateColumn ? { [dateColumn]: on } : {}), updatedAt: new Date() })
      .where(and(eq(participants.id, id), isVersion(participants.updatedAt, version)))
      .returning();
    if (!after) throw new DomainError('staleEdit', { status: 409 });
    await recordStatusChange(tx, ctx, { participantId: id, from, to, reason: why, at: now });
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: `participant.${to}`,
      recordType: 'participant',
      recordId: id,
      before: { status: from, statusReason: before.statusReason, actualStartsOn: before.actualStartsOn, actualEndsOn: before.actualEndsOn },
      after: { status: to, statusReason: after.statusReason, actualStartsOn: after.actualStartsOn, actualEndsOn: after.actualEndsOn },
    });
    await emailParticipantParties(tx, ctx, after, {
      template: 'participantStatus',
      organisations: [after.homeOrganisationId, after.hostOrganisationId],
      participant: true,
      params: (locale) => ({ status: statusName(locale, to), reason: why ?? 'none' }),
    });
    return { status: to, version: after.updatedAt.toISOString() };
  });
}

/** Reads, for the guards of a move to `to`, only what that move's guard needs. */
async function moveFacts(tx: Database, row: ParticipantRow, programmeId: string, to: ParticipantStatus): Promise<MoveFacts> {
  const facts: MoveFacts = {
    hostDecision: row.hostDecision,
    overPlan: row.overPlan,
    overPlanApproved: row.overPlanApprovedAt !== null,
    openEligibilityProblems: [],
    checklist: [],
    acceptedDocuments: [],
    attendedCourses: [],
    finalReport: null,
  };
  if (to === 'approved') {
    facts.openEligibilityProblems = (await assessEligibility(tx, row)).problems.filter((p) => p.exception === null).map(({ exception: _, ...p }) => p);
  }
  if (to === 'in_placement') {
    const [programme] = await tx.select({ documents: programmes.documents }).from(programmes).where(eq(programmes.id, programmeId));
    facts.checklist = programme?.documents ?? [];
    const accepted = await tx
      .select({ kind: participantDocuments.kind })
      .from(participantDocuments)
      .where(and(eq(participantDocuments.participantId, row.id), eq(participantDocuments.status, 'accepted')));
    facts.acceptedDocuments = accepted.map((d) => d.kind);
  }
  if (to === 'in_placement' || to === 'completed') facts.attendedCourses = await attendedCourseKinds(tx, row.id);
  if (to === 'completed') {
    const [report] = await tx
      .select({ status: participantReports.status })
      .from(participantReports)
      .where(and(eq(participantReports.participantId, row.id), eq(participantReports.kind, 'final')));
    facts.finalReport = report?.status ?? null;
  }
  return facts;
}

/**
 * The kinds of course the participant attended in full: enrolled in a course that has sessions, and
 * recorded present at every one of them.
 */
export async function attendedCourseKinds(tx: Database, participantId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ kind: courses.kind })
    .from(courses)
    .innerJoin(courseEnrolments, and(eq(courseEnrolments.courseId, courses.id), eq(courseEnrolments.participantId, participantId)))
    .where(
      and(
        sql`exists (select 1 from ${courseSessions} where ${courseSessions.courseId} = ${courses.id})`,
        sql`not exists (select 1 from ${courseSessions} where ${courseSessions.courseId} = ${courses.id} and not exists (
          select 1 from ${courseAttendance} where ${courseAttendance.sessionId} = ${courseSessions.id}
            and ${courseAttendance.participantId} = ${participantId} and ${courseAttendance.attended}))`,
      ),
    );
  return rows.map((r) => r.kind);
}
