import { and, asc, eq, exists, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { text } from '../input/text.ts';
import { applications } from '../../db/schema/applications.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnershipPartners, partnerships } from '../../db/schema/partnerships.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { sharedRead } from '../../db/shared-read-cache.ts';
import type { CoreContext } from '../context.ts';
import { decodeCursor } from '../pagination/keyset-cursor.ts';
import { afterCursor, keysetPage } from '../pagination/keyset-page.ts';
import { publicPartnershipColumns } from './public-partnership-columns.ts';
import { uuidPattern } from '../records/record-id.ts';
import { containsPattern } from '../records/contains-pattern.ts';

/** Only running or finished partnerships are public; applications and drafts never are. */
export const PUBLIC_STATUSES = ['active', 'closing', 'closed'] as const;
export const PARTNERSHIP_PAGE_SIZE = 25;

const empty = z.literal('').transform(() => undefined);

export const publicPartnershipFilter = z.object({
  q: text().trim().max(100, 'tooLong').optional(),
  programme: text().trim().max(60, 'tooLong').optional().or(empty),
  country: text().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'chooseCountry').optional().or(empty),
  shape: z.enum(['north_south', 'south_south', 'triangular'], { message: 'invalid' }).optional().or(empty),
  status: z.enum(PUBLIC_STATUSES, { message: 'invalid' }).optional().or(empty),
  sector: text().regex(/^\d{5}$/, 'chooseSector').optional().or(empty),
  /** UNSDG-Goals code, 1–17. */
  sdg: text().regex(/^(?:[1-9]|1[0-7])$/, 'chooseSdgGoal').optional().or(empty),
  /** The call whose approval granted a stage of the partnership's agreement chain. */
  call: text().regex(uuidPattern, 'invalid').optional().or(empty),
  after: text().max(400).optional(),
});
export type PublicPartnershipFilter = z.infer<typeof publicPartnershipFilter>;

/**
 * The public partnership directory: no personal data, filters that all use indexes, keyset pages by title.
 * The same for everyone who asks (it never looks at the actor), so a page is kept between writes on the
 * server's handle (db/shared-read-cache.ts, bounded): the directory's first page is asked far more often
 * than anything is written. Any write ends it; it is read again at most a minute later anyway.
 */
export function listPublicPartnerships(ctx: CoreContext, filter: PublicPartnershipFilter) {
  const key = JSON.stringify([filter.q, filter.programme, filter.country, filter.shape, filter.status, filter.sector, filter.sdg, filter.call, filter.after]);
  return sharedRead(ctx.db, `public-partnerships:${key}`, () => readPublicPartnerships(ctx, filter));
}

async function readPublicPartnerships(ctx: CoreContext, filter: PublicPartnershipFilter) {
  const where: SQL[] = [inArray(partnerships.status, [...PUBLIC_STATUSES])];
  if (filter.q) where.push(ilike(partnerships.title, containsPattern(filter.q)));
  if (filter.programme) where.push(eq(programmes.code, filter.programme));
  if (filter.shape) where.push(eq(partnerships.shape, filter.shape));
  if (filter.status) where.push(eq(partnerships.status, filter.status));
  if (filter.sector) where.push(eq(partnerships.sectorCode, filter.sector));
  // `@>` on the array column, so the GIN index partnerships_sdg_goals_idx answers it.
  if (filter.sdg) where.push(sql`${partnerships.sdgGoals} @> array[${filter.sdg}]::text[]`);
  if (filter.call) {
    where.push(
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(partnershipStages)
          .innerJoin(applications, eq(applications.id, partnershipStages.applicationId))
          .where(and(eq(partnershipStages.partnershipId, partnerships.id), eq(applications.callId, filter.call))),
      ),
    );
  }
  if (filter.country) {
    where.push(
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(partnershipPartners)
          .innerJoin(organisations, eq(organisations.id, partnershipPartners.organisationId))
          .where(and(eq(partnershipPartners.partnershipId, partnerships.id), eq(organisations.countryCode, filter.country))),
      ),
    );
  }
  const cursor = decodeCursor(filter.after);
  const page = afterCursor(partnerships.title, partnerships.id, cursor);

  // The total rides along with the page as an uncorrelated subquery (counted once, by the same
  // filters: inside it `partnerships` is its own); a query of its own only for a page past the end.
  const count = () =>
    ctx.db
      .select({ total: sql<number>`count(*)::int` })
      .from(partnerships)
      .innerJoin(programmes, eq(programmes.id, partnerships.programmeId))
      .where(and(...where));
  const rows = await ctx.db
    .select({
      ...publicPartnershipColumns,
      countries: sql<string[]>`(select array_agg(distinct ${organisations.countryCode}) from ${partnershipPartners} join ${organisations} on ${organisations.id} = ${partnershipPartners.organisationId} where ${partnershipPartners.partnershipId} = ${partnerships.id})`,
      partners: sql<string[]>`(select array_agg(${organisations.legalName} order by ${partnershipPartners.isCoordinator} desc, ${organisations.legalName}) from ${partnershipPartners} join ${organisations} on ${organisations.id} = ${partnershipPartners.organisationId} where ${partnershipPartners.partnershipId} = ${partnerships.id})`,
      total: sql<number>`(${count()})`,
    })
    .from(partnerships)
    .innerJoin(programmes, eq(programmes.id, partnerships.programmeId))
    .where(and(...where, page))
    .orderBy(asc(partnerships.title), asc(partnerships.id))
    .limit(PARTNERSHIP_PAGE_SIZE + 1);
  return keysetPage(rows, { size: PARTNERSHIP_PAGE_SIZE, cursor, count, key: (item) => [item.title, item.id] });
}
