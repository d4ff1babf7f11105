import { and, eq } from 'drizzle-orm';
import { financialReportReceipts } from '../../db/schema/financial-reports.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { isRecordId } from '../records/record-id.ts';
import { findFinancialReport, requireEditable } from './financial-report-record.ts';

/** The partner removes a receipt from its draft (or returned) report; the file goes once the record is gone (after the commit). */
export async function removeFinancialReportReceipt(ctx: CoreContext, { reportId, receiptId }: { reportId: string; receiptId: string }): Promise<void> {
  const fileKey = await ctx.db.transaction(async (tx) => {
    const tctx = { ...ctx, db: tx };
    const { report } = await findFinancialReport(tctx, tx, reportId, { lock: true });
    requireEditable(ctx, report);
    if (!isRecordId(receiptId)) throw new NotFoundError('receipt');
    const [removed] = await tx.delete(financialReportReceipts).where(and(eq(financialReportReceipts.id, receiptId), eq(financialReportReceipts.reportId, report.id))).returning();
    if (!removed) throw new NotFoundError('receipt');
    await recordAudit(tx, tctx, { action: 'financial-report.receipt-removed', recordType: 'financial_report', recordId: report.id, before: { receiptId, fileName: removed.fileName } });
    return removed.fileKey;
  });
  await ctx.files.delete(ctx.db, fileKey).catch(() => undefined);
}
