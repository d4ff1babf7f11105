import { deriveShape } from '../../core/partnerships/derive-shape.ts';
import type { Database } from '../database.ts';
import { partnershipPartners, partnerships } from '../schema/partnerships.ts';
import { createOrganisation, type OrganisationRow } from './organisation-factory.ts';
import { createProgramme } from './programme-factory.ts';
import { defaultSequence, type Sequence } from './sequence.ts';

export type PartnershipRow = typeof partnerships.$inferSelect;

export interface PartnershipOverrides extends Partial<Omit<typeof partnerships.$inferInsert, 'shape'>> {
  /** The partners; the first one coordinates. Defaults to a Norwegian and a Malawian organisation. */
  partners?: OrganisationRow[];
}

/** A partnership with its partners; the shape is derived from their countries, as the domain requires. */
export async function createPartnership(
  db: Database,
  { partners: givenPartners, ...overrides }: PartnershipOverrides = {},
  seq: Sequence = defaultSequence,
): Promise<PartnershipRow & { partners: OrganisationRow[] }> {
  const partners = givenPartners ?? [
    await createOrganisation(db, { countryCode: 'NO' }, seq),
    await createOrganisation(db, { countryCode: 'MW' }, seq),
  ];
  const shape = deriveShape(partners.map((p) => p.countryCode));
  if (!shape) throw new Error(`no partnership shape fits partners in ${partners.map((p) => p.countryCode).join(', ')}`);
  const programmeId = overrides.programmeId ?? (await createProgramme(db, {}, seq)).id;
  const [row] = await db
    .insert(partnerships)
    .values({
      title: `Exchange between ${partners.map((p) => p.city).join(', ')} ${seq.count()}`,
      status: 'active',
      sectorCode: '12181',
      startsOn: '2025-01-01',
      endsOn: '2027-12-31',
      ...overrides,
      programmeId,
      shape,
    })
    .returning();
  if (!row) throw new Error('partnership insert returned nothing');
  await db
    .insert(partnershipPartners)
    .values(partners.map((p, i) => ({ partnershipId: row.id, organisationId: p.id, isCoordinator: i === 0 })));
  return { ...row, partners };
}
