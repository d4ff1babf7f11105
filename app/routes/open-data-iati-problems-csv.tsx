import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { NotFoundError } from '../../core/errors.ts';
import { listAllIatiCheckProblems } from '../../core/open-data/iati/list-all-iati-check-problems.ts';
import { readIatiCheck } from '../../core/open-data/iati/read-iati-check.ts';
import { DEFAULT_IATI_ORGANISATION_IDENTIFIER } from '../../core/open-data/iati/stream-iati-activities.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { iatiProblemsCsv } from '../open-data/iati-problems-csv.server.ts';
import type { Route } from './+types/open-data-iati-problems-csv';

/**
 * Every problem of the latest stored IATI check at once, as a CSV download (a resource route: no page), for
 * agency staff, read from the database as it is written out. Before the first check there is nothing to download (404).
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const { check } = await readIatiCheck(context.core, { organisationIdentifier: context.iatiOrganisationIdentifier ?? DEFAULT_IATI_ORGANISATION_IDENTIFIER });
    if (!check) throw new NotFoundError('iatiCheck');
    return new Response(iatiProblemsCsv(t, context.publicUrl, listAllIatiCheckProblems(context.core, { check })), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': attachmentDisposition(`iati-problems-${check.checkedOn}.csv`),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
}
