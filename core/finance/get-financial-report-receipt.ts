import { and, eq } from 'drizzle-orm';
import { financialReportReceipts } from '../../db/schema/financial-reports.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { isRecordId } from '../records/record-id.ts';
import { findFinancialReport } from './financial-report-record.ts';

/** A receipt's file, for whoever may read its report (the organisation's staff, the agency's finance readers); a receipt of another report is not found. */
export async function getFinancialReportReceipt(ctx: CoreContext, { reportId, receiptId }: { reportId: string; receiptId: string }) {
  const { report } = await findFinancialReport(ctx, ctx.db, reportId);
  if (!isRecordId(receiptId)) throw new NotFoundError('receipt');
  const [receipt] = await ctx.db.select().from(financialReportReceipts).where(and(eq(financialReportReceipts.id, receiptId), eq(financialReportReceipts.reportId, report.id)));
  if (!receipt) throw new NotFoundError('receipt');
  return { fileName: receipt.fileName, contentType: receipt.contentType, sizeBytes: receipt.sizeBytes, content: await ctx.files.get(ctx.db, receipt.fileKey) };
}
