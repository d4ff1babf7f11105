import { asc } from 'drizzle-orm';
import { agency } from '../../db/schema/agency.ts';
import { sharedRead } from '../../db/shared-read-cache.ts';
import type { CoreContext } from '../context.ts';

export interface AgencySummary {
  name: string;
  shortName: string;
  city: string;
}

const unnamed: AgencySummary = { name: 'Exchange agency', shortName: 'Agency', city: '' };

/** The agency shown in the header and footer. Public. */
export async function getAgency(ctx: CoreContext): Promise<AgencySummary> {
  return sharedRead(ctx.db, 'agency', async () => {
    const [row] = await ctx.db
      .select({ name: agency.name, shortName: agency.shortName, city: agency.city })
      .from(agency)
      .orderBy(asc(agency.createdAt))
      .limit(1);
    return row ?? unnamed;
  });
}
