import { data, type AppLoadContext } from 'react-router';
import { NotFoundError } from '../../core/errors.ts';
import { DEFAULT_IATI_ORGANISATION_IDENTIFIER, streamIatiActivities } from '../../core/open-data/iati/stream-iati-activities.ts';

/** The first and last year a per-year file may be asked for; any other "year" is not found. */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

/**
 * The IATI activity file (all activities, or one year's) as a streamed XML download: public, the same
 * address for good, cached briefly by whoever sits between. A year without activities has no file (404).
 */
export async function iatiFileResponse(context: AppLoadContext, yearParam?: string): Promise<Response> {
  let year: number | undefined;
  if (yearParam !== undefined) {
    year = /^\d{4}$/.test(yearParam) ? Number(yearParam) : NaN;
    if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) throw data(null, { status: 404 });
  }
  let body: ReadableStream<Uint8Array>;
  try {
    body = await streamIatiActivities(context.core, { organisationIdentifier: context.iatiOrganisationIdentifier ?? DEFAULT_IATI_ORGANISATION_IDENTIFIER, year });
  } catch (error) {
    if (error instanceof NotFoundError) throw data(null, { status: 404 });
    throw error;
  }
  return new Response(body, {
    headers: {
      'content-type': 'application/xml; charset=utf-8',
      'content-disposition': `inline; filename="${year ? `iati-activities-${year}` : 'iati-activities'}.xml"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=300',
    },
  });
}
