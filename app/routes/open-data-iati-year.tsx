import { iatiFileResponse } from '../open-data/iati-file-response.server.ts';
import type { Route } from './+types/open-data-iati-year';

/** /open-data/iati/{year}/activities.xml: the activities active in that year, streamed, public. */
export async function loader({ context, params }: Route.LoaderArgs) {
  return iatiFileResponse(context, params.year);
}
