import { partnerships } from '../../db/schema/partnerships.ts';
import { programmes } from '../../db/schema/programmes.ts';

/** What the public may see of a partnership (needs the join to programmes); no personal data. */
export const publicPartnershipColumns = {
  id: partnerships.id,
  title: partnerships.title,
  shape: partnerships.shape,
  status: partnerships.status,
  sectorCode: partnerships.sectorCode,
  sdgGoals: partnerships.sdgGoals,
  startsOn: partnerships.startsOn,
  endsOn: partnerships.endsOn,
  programme: programmes.name,
};
