import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A partner organisation. Country is ISO 3166-1 alpha-2; type is the IATI OrganisationType code. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    legalName: text('legal_name').notNull(),
    shortName: text('short_name'),
    countryCode: text('country_code').notNull(),
    city: text('city').notNull(),
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
  ],
);
