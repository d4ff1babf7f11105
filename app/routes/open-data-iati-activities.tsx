import { iatiFileResponse } from '../open-data/iati-file-response.server.ts';
import type { Route } from './+types/open-data-iati-activities';

/** /open-data/iati/activities.xml: every approved partnership as an IATI 2.03 activity, streamed, public. */
export async function loader({ context }: Route.LoaderArgs) {
  return iatiFileResponse(context);
}
