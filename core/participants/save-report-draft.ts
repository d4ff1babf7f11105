import { participantReports, type ReportKind } from '../../db/schema/participants.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { answersOf, ownParticipant, reportKind, reportOf, reportView, requireReportVersion, type ReportInput, type ReportView } from './participant-report-record.ts';
import { reportOpen } from './report-due-dates.ts';

/**
 * Saves the participant's report as a draft on the server (a returned report stays returned, with its
 * remark, until submitted again). `version` is the version they loaded, null for a report never saved:
 * a save from an older version is refused (409 `staleEdit`) and nothing is lost. A submitted or accepted
 * report can no longer be changed (409 `reportLocked`); before the placement began there is nothing to
 * write yet (409 `reportNotOpen`).
 */
export async function saveReportDraft(ctx: CoreContext, { kind, version, ...input }: ReportInput & { kind: string; version: string | null }): Promise<ReportView> {
  const parsed = reportKind.safeParse(kind);
  return ctx.db.transaction(async (tx) => {
    const participant = await ownParticipant(ctx, tx, { lock: true });
    if (!parsed.success) throw new NotFoundError('report');
    const k: ReportKind = parsed.data;
    if (!reportOpen(participant)) throw new DomainError('reportNotOpen', { status: 409 });
    const before = await reportOf(tx, participant.id, k, { lock: true });
    requireReportVersion(before, version);
    if (before && (before.status === 'submitted' || before.status === 'accepted')) throw new DomainError('reportLocked', { status: 409 });
    const values = { answers: answersOf(input), body: input.body, updatedAt: new Date() };
    const [after] = await tx
      .insert(participantReports)
      .values({ participantId: participant.id, kind: k, status: 'draft', ...values })
      .onConflictDoUpdate({ target: [participantReports.participantId, participantReports.kind], set: values })
      .returning();
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'participantReport.saved',
      recordType: 'participant_report',
      recordId: after!.id,
      before: before ? { answers: before.answers, body: before.body } : null,
      after: { answers: after!.answers, body: after!.body, status: after!.status },
    });
    return reportView(participant, k, after);
  });
}
