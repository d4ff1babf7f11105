import { data } from 'react-router';
import { exportParticipantsCsv } from '../../core/participants/export-participants-csv.ts';
import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { readParticipantListQuery } from '../participants/participant-list-query.server.ts';
import { zodFieldErrors } from '../ui/field-errors.ts';
import type { Route } from './+types/participants-export';

/**
 * The participant list with the same filters as /participants, as a CSV download that streams: rows are
 * read in keyset batches while the file is being sent, never all at once.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const translator = translatorFor(params.lang);
    const { parsed } = readParticipantListQuery(new URL(request.url));
    if (!parsed.success) {
      const message = zodFieldErrors(translator, parsed.error).map((e) => e.message).join(' ');
      throw data({ message }, { status: 400 });
    }
    const body = await exportParticipantsCsv(context.core, { filter: parsed.data, locale: translator.locale });
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': attachmentDisposition(`participants-${context.core.now().toISOString().slice(0, 10)}.csv`),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
}
