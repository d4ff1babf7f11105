import { and, asc, eq, exists, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipPartners, partnerships } from '../../db/schema/partnerships.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { decodeCursor, encodeCursor } from '../pagination/keyset-cursor.ts';
import { PUBLIC_STATUSES } from '../partnerships/list-public-partnerships.ts';

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
  q: z.string().trim().max(QUERY_MAX_LENGTH, 'queryTooLong').optional(),
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
    .or(z.string().trim().max(60, 'tooLong'))
    .optional(),
  after: z.string().max(400).optional(),
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

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Public directory: names and places only, no contacts. Ordered by name, keyset-paginated. */
export async function listPublicOrganisations(
  ctx: CoreContext,
  input: ListPublicOrganisationsInput,
): Promise<PublicOrganisationPage> {
  const filters: SQL[] = [];
  if (input.country) filters.push(eq(organisations.countryCode, input.country));
  if (input.q) filters.push(ilike(organisations.legalName, `%${escapeLike(input.q)}%`));
  if (input.sector) filters.push(eq(organisations.sectorCode, input.sector));
  if (input.programme) {
    // Index path: partnership_partners_organisation_idx, then the partnership's primary key.
    filters.push(
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(partnershipPartners)
          .innerJoin(partnerships, eq(partnerships.id, partnershipPartners.partnershipId))
          .innerJoin(programmes, eq(programmes.id, partnerships.programmeId))
          .where(
            and(
              eq(partnershipPartners.organisationId, organisations.id),
              eq(programmes.code, input.programme),
              inArray(partnerships.status, [...PUBLIC_STATUSES]),
            ),
          ),
      ),
    );
  }
  const where = filters.length ? and(...filters) : undefined;

  const cursor = decodeCursor(input.after);
  const afterCursor = cursor
    ? or(
        gt(organisations.legalName, cursor[0]),
        and(eq(organisations.legalName, cursor[0]), gt(organisations.id, cursor[1])),
      )
    : undefined;

  const partnershipCount = sql<number>`(select count(*)::int from ${partnershipPartners} where ${partnershipPartners.organisationId} = ${organisations.id})`;
  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select({
        id: organisations.id,
        legalName: organisations.legalName,
        countryCode: organisations.countryCode,
        city: organisations.city,
        partnershipCount,
      })
      .from(organisations)
      .where(and(where, afterCursor))
      .orderBy(asc(organisations.legalName), asc(organisations.id))
      .limit(PAGE_SIZE + 1),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(organisations).where(where),
  ]);

  const items = rows.slice(0, PAGE_SIZE);
  const last = items.at(-1);
  const next =
    rows.length > PAGE_SIZE && last ? encodeCursor(last.legalName, last.id) : null;
  return { items, total: counted?.total ?? 0, next };
}
