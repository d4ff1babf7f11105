import { eq } from 'drizzle-orm';
import { participantReports, REPORT_QUESTIONS, type ReportKind } from '../../db/schema/participants.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError, refuseProblems } from '../errors.ts';
import { answersOf, ownParticipant, reportKind, reportOf, reportView, requireReportVersion, type ReportInput, type ReportView } from './participant-report-record.ts';
import { reportOpen } from './report-due-dates.ts';

/**
 * Saves and submits the participant's report in one step, for the host and sending coordinators and the
 * adviser to read. Every structured question needs an answer (each one missing is named at once); the
 * free text may stay empty. Versioned and locked like saveReportDraft.
 */
export async function submitReport(ctx: CoreContext, { kind, version, ...input }: ReportInput & { kind: string; version: string | null }): Promise<ReportView> {
  const parsed = reportKind.safeParse(kind);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const participant = await ownParticipant(ctx, tx, { lock: true });
    if (!parsed.success) throw new NotFoundError('report');
    const k: ReportKind = parsed.data;
    if (!reportOpen(participant)) throw new DomainError('reportNotOpen', { status: 409 });
    const before = await reportOf(tx, participant.id, k, { lock: true });
    requireReportVersion(before, version);
    if (before && (before.status === 'submitted' || before.status === 'accepted')) throw new DomainError('reportLocked', { status: 409 });
    refuseProblems(REPORT_QUESTIONS.filter((q) => !input[q]).map((q) => ({ field: q, code: 'answerRequired' as const })));
    const values = { answers: answersOf(input), body: input.body, status: 'submitted' as const, submittedAt: now, updatedAt: new Date() };
    const [after] = before
      ? await tx.update(participantReports).set(values).where(eq(participantReports.id, before.id)).returning()
      : await tx.insert(participantReports).values({ participantId: participant.id, kind: k, ...values }).returning();
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'participantReport.submitted',
      recordType: 'participant_report',
      recordId: after!.id,
      before: before ? { status: before.status } : null,
      after: { status: 'submitted', answers: after!.answers, body: after!.body },
    });
    return reportView(participant, k, after);
  });
}
