import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { getFinancialReportReceipt } from '../../core/finance/get-financial-report-receipt.ts';
import { guarded } from '../auth/guard.server.ts';
import type { Route } from './+types/financial-report-receipt';

/** A receipt of a financial report, for whoever may read the report: always downloaded, with the type found from its content. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const file = await getFinancialReportReceipt(context.core, { reportId: params.reportId, receiptId: params.receiptId });
    return new Response(Buffer.from(file.content), {
      headers: {
        'content-type': file.contentType,
        'content-length': String(file.sizeBytes),
        'content-disposition': attachmentDisposition(file.fileName),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
}
