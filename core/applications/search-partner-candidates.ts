import { and, sql } from 'drizzle-orm';
import { organisations } from '../../db/schema/organisations.ts';
import type { CoreContext } from '../context.ts';
import { containsPattern } from '../records/contains-pattern.ts';

/** Organisations whose name matches, for the "add a partner" search (trigram index on legal_name). */
export async function searchPartnerCandidates(ctx: CoreContext, { q }: { q: string }) {
  const term = q.trim();
  if (term.length < 2) return [];
  return ctx.db
    .select({ id: organisations.id, legalName: organisations.legalName, countryCode: organisations.countryCode, city: organisations.city })
    .from(organisations)
    .where(and(sql`${organisations.legalName} ilike ${containsPattern(term)}`))
    .orderBy(organisations.legalName)
    .limit(10);
}
