import { count, eq } from 'drizzle-orm';
import { financialReportReceipts } from '../../db/schema/financial-reports.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { checkDocumentFile, safeFileName } from '../participants/document-content.ts';
import { actorRef, findFinancialReport, MAX_RECEIPTS, RECEIPT_FOLDER, requireEditable } from './financial-report-record.ts';

/**
 * The partner attaches a receipt to its draft (or returned) report: a PDF, JPEG or PNG by its content, within
 * the size limit of participants' documents and application attachments (core/participants/document-content.ts;
 * a file named as one kind but holding another is refused). The file is put in the store before the record
 * that points at it and removed again if the transaction fails. Audited.
 */
export async function addFinancialReportReceipt(
  ctx: CoreContext,
  { reportId, file }: { reportId: string; file: { name: string; content: Uint8Array; claimedType?: string } },
): Promise<{ id: string }> {
  // Whose report it is, before anything about the file: a report one may not see is not found, whatever the file.
  const { report: visible } = await findFinancialReport(ctx, ctx.db, reportId);
  requireEditable(ctx, visible);
  const contentType = await checkDocumentFile(file.content, { name: file.name, claimedType: file.claimedType });
  const fileName = safeFileName(file.name, contentType);
  let fileKey: string | undefined;
  try {
    return await ctx.db.transaction(async (tx) => {
      const tctx = { ...ctx, db: tx };
      const { report } = await findFinancialReport(tctx, tx, reportId, { lock: true });
      requireEditable(ctx, report);
      const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(financialReportReceipts).where(eq(financialReportReceipts.reportId, report.id));
      if (Number(n) >= MAX_RECEIPTS) throw new DomainError('financialReportTooManyReceipts', { field: 'file', params: { max: MAX_RECEIPTS } });
      // The file first, then the record that points at it (core/files/file-store.ts).
      fileKey = await ctx.files.put(tx, { folder: RECEIPT_FOLDER, content: file.content, contentType });
      const [receipt] = await tx
        .insert(financialReportReceipts)
        .values({ reportId: report.id, fileKey, fileName, contentType, sizeBytes: file.content.length, uploadedBy: actorRef(ctx).id, uploadedAt: ctx.now() })
        .returning({ id: financialReportReceipts.id });
      await recordAudit(tx, tctx, { action: 'financial-report.receipt-added', recordType: 'financial_report', recordId: report.id, after: { receiptId: receipt!.id, fileName, contentType, sizeBytes: file.content.length } });
      return { id: receipt!.id };
    });
  } catch (error) {
    // Rolled back: no record points at the file; a store outside the database still holds it.
    if (fileKey !== undefined) await ctx.files.delete(ctx.db, fileKey).catch(() => undefined);
    throw error;
  }
}
