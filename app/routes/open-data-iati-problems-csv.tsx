import { previewIatiExport } from '../../core/open-data/iati/preview-iati-export.ts';
import { DEFAULT_IATI_ORGANISATION_IDENTIFIER } from '../../core/open-data/iati/stream-iati-activities.ts';
import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { iatiProblemsCsv } from '../open-data/iati-problems-csv.server.ts';
import type { Route } from './+types/open-data-iati-problems-csv';

/** Every problem of the IATI preview at once, as a CSV download (a resource route: no page), for agency staff. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const preview = await previewIatiExport(context.core, { organisationIdentifier: context.iatiOrganisationIdentifier ?? DEFAULT_IATI_ORGANISATION_IDENTIFIER });
    return new Response(iatiProblemsCsv(t, context.publicUrl, preview.problems), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': attachmentDisposition(`iati-problems-${preview.today}.csv`),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
}
