import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { organisations } from '../../db/schema/organisations.ts';
import type { CoreContext } from '../context.ts';

/** Trigram similarity above which two names in the same country are shown as a possible duplicate. */
export const SIMILARITY_THRESHOLD = 0.45;

/**
 * Organisations in the same country whose legal name closely resembles `legalName` (pg_trgm), most
 * similar first: "Kathmandu Model Hospital" finds "Kathmandu Model Hospital Pvt. Ltd.".
 */
export async function findSimilarOrganisations(
  ctx: CoreContext,
  { legalName, countryCode, excludeId }: { legalName: string; countryCode: string; excludeId?: string },
) {
  const score = sql<number>`similarity(${organisations.legalName}, ${legalName})`;
  return ctx.db
    .select({ id: organisations.id, legalName: organisations.legalName, city: organisations.city, score })
    .from(organisations)
    .where(
      and(
        eq(organisations.countryCode, countryCode),
        sql`${score} > ${SIMILARITY_THRESHOLD}`,
        excludeId ? ne(organisations.id, excludeId) : undefined,
      ),
    )
    .orderBy(desc(score))
    .limit(5);
}
