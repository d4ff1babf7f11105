import { asc, gt, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { PUBLIC_STATUSES } from '../partnerships/list-public-partnerships.ts';
import type { OpenDataRow } from './stream-open-data-rows.ts';

/**
 * One keyset page (by id) of the organisations with the fields their public page shows anyone
 * (`GET /v1/organisations/{id}` without signing in): names, place as typed, IATI organisation type, sector,
 * registration, website, and the number of public partnerships they take part in. Never people, contacts
 * or coordinates.
 */
export async function loadOpenDataOrganisations(db: Database, { after, limit }: { after?: string; limit: number }) {
  // Written out with aliases: in a one-table select drizzle leaves columns unqualified, and "id" in the subquery would be its own.
  const publicPartnerships = sql<number>`(select count(*)::int from partnership_partners pp join partnerships p on p.id = pp.partnership_id where pp.organisation_id = "organisations"."id" and p.status in (${sql.join(PUBLIC_STATUSES.map((s) => sql`${s}`), sql`, `)}))`;
  const rows = await db
    .select({
      id: organisations.id,
      legalName: organisations.legalName,
      shortName: organisations.shortName,
      countryCode: organisations.countryCode,
      city: organisations.city,
      organisationType: organisations.organisationType,
      sectorCode: organisations.sectorCode,
      registrationScheme: organisations.registrationScheme,
      registrationNumber: organisations.registrationNumber,
      website: organisations.website,
      partnerships: publicPartnerships,
    })
    .from(organisations)
    .where(after ? gt(organisations.id, after) : undefined)
    .orderBy(asc(organisations.id))
    .limit(limit);
  const out: OpenDataRow[] = rows.map((o) => ({
    id: o.id,
    legal_name: o.legalName,
    short_name: o.shortName,
    country: o.countryCode,
    city: o.city,
    organisation_type: o.organisationType,
    sector_code: o.sectorCode,
    registration_scheme: o.registrationScheme,
    registration_number: o.registrationNumber,
    website: o.website,
    partnerships: o.partnerships,
  }));
  return { rows: out, next: rows.length === limit ? rows.at(-1)?.id : undefined };
}
