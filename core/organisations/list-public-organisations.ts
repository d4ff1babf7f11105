import { and, asc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { text } from '../input/text.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipPartners, partnerships } from '../../db/schema/partnerships.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { sharedRead } from '../../db/shared-read-cache.ts';
import type { CoreContext } from '../context.ts';
import { decodeCursor, encodeCursor } from '../pagination/keyset-cursor.ts';
import { afterCursor } from '../pagination/keyset-page.ts';
import { PUBLIC_STATUSES } from '../partnerships/list-public-partnerships.ts';
import { containsPattern } from '../records/contains-pattern.ts';

export const QUERY_MAX_LENGTH = 100;
export const PAGE_SIZE = 50;

/** The directory filters, as they arrive from a GET form or the API (empty fields mean "any"). */
export const listPublicOrganisationsInput = z.object({
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'unknownCountry')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  q: text().trim().max(QUERY_MAX_LENGTH, 'queryTooLong').optional(),
  /** The organisation's own DAC sector. */
  sector: z
    .string()
    .regex(/^\d{5}$/, 'chooseSector')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** A programme's code: organisations in a running or finished partnership of that programme. */
  programme: z
    .literal('')
    .transform(() => undefined)
    .or(text().trim().max(60, 'tooLong'))
    .optional(),
  after: text().max(400).optional(),
});
export type ListPublicOrganisationsInput = z.infer<typeof listPublicOrganisationsInput>;

export interface PublicOrganisation {
  id: string;
  legalName: string;
  countryCode: string;
  city: string;
  partnershipCount: number;
}

export interface PublicOrganisationPage {
  items: PublicOrganisation[];
  total: number;
  /** Opaque keyset cursor for the next page, or null on the last page. */
  next: string | null;
}


/**
 * Public directory: names and places only, no contacts. Ordered by name, keyset-paginated. A page is
 * kept between writes (see below).
 *
 * One statement: the organisations matching the filters are computed once (a CTE used twice, which
 * PostgreSQL materialises) and give both the exact total and the page. Two statements each ran the
 * programme filter's join through the partner rows; at 100,000 partnerships that join is most of the
 * cost (bench/partnership-directory.ts).
 */
export function listPublicOrganisations(ctx: CoreContext, input: ListPublicOrganisationsInput): Promise<PublicOrganisationPage> {
  // The same for everyone who asks (it never looks at the actor): kept between writes on the server's
  // handle (db/shared-read-cache.ts, bounded), like the partnership directory's pages.
  const key = JSON.stringify([input.country, input.q, input.sector, input.programme, input.after]);
  return sharedRead(ctx.db, `public-organisations:${key}`, () => readPublicOrganisations(ctx, input));
}

async function readPublicOrganisations(ctx: CoreContext, input: ListPublicOrganisationsInput): Promise<PublicOrganisationPage> {
  const filters: SQL[] = [];
  if (input.country) filters.push(eq(organisations.countryCode, input.country));
  if (input.q) filters.push(ilike(organisations.legalName, containsPattern(input.q)));
  if (input.sector) filters.push(eq(organisations.sectorCode, input.sector));
  if (input.programme) filters.push(inArray(organisations.id, programmeOrganisationIds(ctx, input.programme)));

  const matching = ctx.db.$with('matching').as(
    ctx.db
      .select({
        id: organisations.id,
        legalName: organisations.legalName,
        countryCode: organisations.countryCode,
        city: organisations.city,
      })
      .from(organisations)
      .where(filters.length ? and(...filters) : undefined),
  );

  const cursor = decodeCursor(input.after);
  const counted = ctx.db.select({ total: sql<number>`count(*)::int`.as('total') }).from(matching).as('counted');
  const page = ctx.db
    .select({
      id: matching.id,
      legalName: matching.legalName,
      countryCode: matching.countryCode,
      city: matching.city,
    })
    .from(matching)
    .where(afterCursor(matching.legalName, matching.id, cursor))
    .orderBy(asc(matching.legalName), asc(matching.id))
    .limit(PAGE_SIZE + 1)
    .as('page');

  // The total comes on every row; with an empty page, on one row whose page columns are null.
  const rows = await ctx.db
    .with(matching)
    .select({
      total: counted.total,
      id: page.id,
      legalName: page.legalName,
      countryCode: page.countryCode,
      city: page.city,
      partnershipCount: sql<number>`(select count(*)::int from ${partnershipPartners} where ${partnershipPartners.organisationId} = ${page.id})`,
    })
    .from(counted)
    .leftJoinLateral(page, sql`true`)
    .orderBy(asc(page.legalName), asc(page.id));

  const found = rows.flatMap(({ id, legalName, countryCode, city, partnershipCount }) =>
    id === null || legalName === null || countryCode === null || city === null ? [] : [{ id, legalName, countryCode, city, partnershipCount }],
  );
  const items = found.slice(0, PAGE_SIZE);
  const last = items.at(-1);
  const next = found.length > PAGE_SIZE && last ? encodeCursor(last.legalName, last.id) : null;
  return { items, total: rows[0]?.total ?? 0, next };
}

/**
 * Organisations taking part in a public partnership (PUBLIC_STATUSES) of the programme with this code.
 * Index path: partnerships_programme_status_idx for the programme's public partnerships, then the
 * partner rows by a hash join (or, when other filters leave few organisations, per organisation through
 * partnership_partners_organisation_idx).
 */
function programmeOrganisationIds(ctx: CoreContext, programmeCode: string) {
  return ctx.db
    .select({ id: partnershipPartners.organisationId })
    .from(partnerships)
    .innerJoin(partnershipPartners, eq(partnershipPartners.partnershipId, partnerships.id))
    .where(
      and(
        eq(partnerships.programmeId, ctx.db.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, programmeCode))),
        inArray(partnerships.status, [...PUBLIC_STATUSES]),
      ),
    );
}
