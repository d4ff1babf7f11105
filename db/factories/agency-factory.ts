import type { Database } from '../database.ts';
import { agency } from '../schema/agency.ts';

export type AgencyRow = typeof agency.$inferSelect;

export async function createAgency(db: Database, overrides: Partial<typeof agency.$inferInsert> = {}): Promise<AgencyRow> {
  const [row] = await db
    .insert(agency)
    .values({ name: 'Norec', shortName: 'Norec', city: 'Førde', countryCode: 'NO', website: 'https://www.norec.no', ...overrides })
    .returning();
  if (!row) throw new Error('agency insert returned nothing');
  return row;
}
