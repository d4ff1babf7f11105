import { asc, isNotNull } from 'drizzle-orm';
import { sharedRead } from '../../db/shared-read-cache.ts';
import { organisations } from '../../db/schema/organisations.ts';
import type { CoreContext } from '../context.ts';

/** DAC sector codes that at least one organisation gives, for the directory's sector filter. Public. */
export function listOrganisationSectors(ctx: CoreContext): Promise<string[]> {
  return sharedRead(ctx.db, 'organisation-sectors', async () => {
    const rows = await ctx.db
      .selectDistinct({ code: organisations.sectorCode })
      .from(organisations)
      .where(isNotNull(organisations.sectorCode))
      .orderBy(asc(organisations.sectorCode));
    return rows.map((r) => r.code!);
  });
}
