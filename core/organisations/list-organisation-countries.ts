import { asc } from 'drizzle-orm';
import { sharedRead } from '../../db/shared-read-cache.ts';
import { organisations } from '../../db/schema/organisations.ts';
import type { CoreContext } from '../context.ts';

/** Countries that have at least one organisation, for the directory's country filter. Public. */
export function listOrganisationCountries(ctx: CoreContext): Promise<string[]> {
  return sharedRead(ctx.db, 'organisation-countries', async () => {
    const rows = await ctx.db
      .selectDistinct({ code: organisations.countryCode })
      .from(organisations)
      .orderBy(asc(organisations.countryCode));
    return rows.map((r) => r.code);
  });
}
