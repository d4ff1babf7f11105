import type { Database } from '../database.ts';
import { organisations } from '../schema/organisations.ts';
import { defaultSequence, type Sequence } from './sequence.ts';

export type OrganisationRow = typeof organisations.$inferSelect;

const citiesByCountry: Record<string, string[]> = {
  NO: ['Førde', 'Bergen', 'Oslo', 'Trondheim', 'Tromsø', 'Stavanger'],
  NP: ['Kathmandu', 'Pokhara', 'Lalitpur', 'Biratnagar'],
  ET: ['Addis Ababa', 'Hawassa', 'Bahir Dar', 'Mekelle'],
  MW: ['Lilongwe', 'Blantyre', 'Mzuzu', 'Zomba'],
  UG: ['Kampala', 'Gulu', 'Mbarara'],
  TZ: ['Arusha', 'Moshi', 'Dodoma', 'Mwanza'],
  BO: ['La Paz', 'Cochabamba', 'Sucre', 'El Alto'],
  GT: ['Quetzaltenango', 'Guatemala City', 'Cobán'],
  BD: ['Dhaka', 'Sylhet', 'Khulna'],
  ID: ['Yogyakarta', 'Bandung', 'Makassar'],
};

const kinds = ['Community Health Centre', 'Teachers College', 'Youth Network', 'Media Cooperative', 'Nursing School'];

export async function createOrganisation(
  db: Database,
  overrides: Partial<typeof organisations.$inferInsert> = {},
  seq: Sequence = defaultSequence,
): Promise<OrganisationRow> {
  const countryCode = overrides.countryCode ?? seq.pick(Object.keys(citiesByCountry));
  const city = overrides.city ?? seq.pick(citiesByCountry[countryCode] ?? ['Capital']);
  const [row] = await db
    .insert(organisations)
    .values({
      legalName: `${city} ${seq.pick(kinds)} ${seq.count()}`,
      countryCode,
      city,
      organisationType: '22',
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('organisation insert returned nothing');
  return row;
}
