import { data } from 'react-router';
import { exportLedgerCsv } from '../../core/finance/export-ledger-csv.ts';
import { ledgerQueryInput } from '../../core/finance/list-ledger-entries.ts';
import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { zodFieldErrors } from '../ui/field-errors.ts';
import type { Route } from './+types/finance-ledger-csv';

/** The ledger with the filters of /finance/ledger (account, year, kind) as a CSV download that streams. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const url = new URL(request.url);
    const parsed = ledgerQueryInput.omit({ after: true }).safeParse(Object.fromEntries(['account', 'year', 'kind'].map((k) => [k, url.searchParams.get(k) || undefined])));
    if (!parsed.success) throw data({ message: zodFieldErrors(t, parsed.error).map((e) => e.message).join(' ') }, { status: 400 });
    const body = await exportLedgerCsv(context.core, { query: parsed.data, locale: t.locale });
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': attachmentDisposition(`ledger-${context.core.now().toISOString().slice(0, 10)}.csv`),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
}
