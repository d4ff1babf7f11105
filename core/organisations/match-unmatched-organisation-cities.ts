import { and, eq, isNull } from 'drizzle-orm';
import { organisations } from '../../db/schema/organisations.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { matchCity } from '../geography/match-city.ts';
import { placeAt } from './organisation-place.ts';

/**
 * Matches the city of every organisation that has no place yet (those registered before cities were
 * matched), where its name is unambiguous: one place of that name in the country, or a clearly best one
 * (core/geography/match-city.ts). The others stay unmatched; their pages tell those who may edit them.
 * Run at every start, after the migrations: it does nothing (and loads no cities) when every organisation
 * is matched, and a row is only written while it is still unmatched with the same city, so it may run
 * twice, or in two servers at once. The version (`updated_at`) is left alone: nobody's edit is made stale.
 */
export async function matchUnmatchedOrganisationCities(ctx: CoreContext): Promise<{ matched: number; unmatched: number }> {
  const rows = await ctx.db
    .select({ id: organisations.id, countryCode: organisations.countryCode, city: organisations.city })
    .from(organisations)
    .where(isNull(organisations.cityId));
  let matched = 0;
  for (const row of rows) {
    const match = matchCity(row);
    if (match.kind !== 'matched') continue;
    const place = placeAt(match.city);
    const written = await ctx.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(organisations)
        .set(place)
        .where(and(eq(organisations.id, row.id), isNull(organisations.cityId), eq(organisations.city, row.city), eq(organisations.countryCode, row.countryCode)))
        .returning({ id: organisations.id });
      if (updated) await recordAudit(tx, { ...ctx, db: tx }, { action: 'organisation.cityMatched', recordType: 'organisation', recordId: row.id, before: { cityId: null }, after: { ...place } });
      return Boolean(updated);
    });
    if (written) matched++;
  }
  return { matched, unmatched: rows.length - matched };
}
