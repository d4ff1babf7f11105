import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { agency } from '../../db/schema/agency.ts';
import { participantReports, type ReportKind } from '../../db/schema/participants.ts';
import { isLocale } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { enqueueEmail } from '../email/enqueue-email.ts';
import { DomainError, ForbiddenError, NotFoundError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { text } from '../input/text.ts';
import { reviewableParticipant } from './get-participant-report.ts';
import { participantRecipient, reportKind, reportOf, reportView, requireReportVersion, type ReportView } from './participant-report-record.ts';

export const remarkInput = text().trim().min(1, 'reportRemarkRequired').max(4000, 'tooLong');

export const reviewDecision = z.enum(['accept', 'return']);

/**
 * The adviser's decision on a submitted report (advisers following the programme, and administrators):
 * accept it, or return it with a remark for the participant, who is told by email in their language and
 * can change it and submit it again. Coordinators read reports but do not decide (403). Versioned: a
 * decision on a report that changed since it was read is refused (409 `staleEdit`).
 */
export async function reviewReport(
  ctx: CoreContext,
  { participantId, kind, version, decision, remark }: { participantId: string; kind: string; version: string; decision: 'accept' | 'return'; remark?: string },
): Promise<ReportView> {
  requirePermission(ctx.actor, 'report:review');
  const parsed = reportKind.safeParse(kind);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const { participant, parties } = await reviewableParticipant(ctx, participantId, tx);
    if (!parties.includes('adviser')) throw new ForbiddenError('report:review');
    if (!parsed.success) throw new NotFoundError('report');
    const k: ReportKind = parsed.data;
    const before = await reportOf(tx, participant.id, k, { lock: true });
    if (!before || before.status === 'draft') throw new DomainError('reportNotSubmitted', { status: 409 });
    requireReportVersion(before, version);
    if (before.status !== 'submitted') throw new DomainError('reportNotSubmitted', { status: 409 });
    let why: string | null = null;
    if (decision === 'return') {
      const checked = remarkInput.safeParse(remark ?? '');
      if (!checked.success) {
        const said = checked.error.issues[0]!.message;
        throw new DomainError(said === 'tooLong' || said === 'invalidCharacters' ? said : 'reportRemarkRequired', { field: 'remark', params: { max: 4000 } });
      }
      why = checked.data;
    }
    const actorId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    const [after] = await tx
      .update(participantReports)
      .set({ status: decision === 'accept' ? 'accepted' : 'returned', reviewNote: why, reviewedBy: actorId, reviewedAt: now, updatedAt: new Date() })
      .where(eq(participantReports.id, before.id))
      .returning();
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: decision === 'accept' ? 'participantReport.accepted' : 'participantReport.returned',
      recordType: 'participant_report',
      recordId: before.id,
      before: { status: before.status, reviewNote: before.reviewNote },
      after: { status: after!.status, reviewNote: after!.reviewNote },
    });
    if (decision === 'return') {
      const person = await participantRecipient(tx, participant);
      if (person) {
        const locale = isLocale(person.locale) ? person.locale : 'en';
        const [agencyRow] = await tx.select({ name: agency.name }).from(agency).limit(1);
        await enqueueEmail(tx, {
          to: person.email,
          name: person.name,
          locale,
          template: 'reportReturned',
          params: { report: createTranslator(locale).t(`reportKind.${k}`), remark: why ?? '', url: `${ctx.publicUrl ?? ''}/${locale}/exchange/reports/${k}` },
          agencyName: agencyRow?.name ?? '',
        });
      }
    }
    return reportView(participant, k, after);
  });
}
