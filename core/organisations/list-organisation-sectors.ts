import { asc, isNotNull } from 'drizzle-orm';
import { organisations } from '../../db/schema/organisations.ts';
import type { CoreContext } from '../context.ts';

/** DAC sector codes that at least one organisation gives, for the directory's sector filter. Public. */
export async function listOrganisationSectors(ctx: CoreContext): Promise<string[]> {
  const rows = await ctx.db
    .selectDistinct({ code: organisations.sectorCode })
    .from(organisations)
    .where(isNotNull(organisations.sectorCode))
    .orderBy(asc(organisations.sectorCode));
  return rows.map((r) => r.code!);
}
