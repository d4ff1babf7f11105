import type { Database } from '../database.ts';
import type { CallStage } from '../schema/calls.ts';
import { partnershipStages } from '../schema/partnership-stages.ts';
import { createApplication, type ApplicationOverrides } from './application-factory.ts';
import { createCall } from './call-factory.ts';
import type { PartnershipRow } from './partnership-factory.ts';
import type { OrganisationRow } from './organisation-factory.ts';
import { defaultSequence, type Sequence } from './sequence.ts';

export type PartnershipStageRow = typeof partnershipStages.$inferSelect;

export interface PartnershipStageOverrides extends Partial<Omit<typeof partnershipStages.$inferInsert, 'partnershipId' | 'kind'>> {
  partnership: PartnershipRow & { partners: OrganisationRow[] };
  kind?: CallStage;
  /** Flows of the granting application by partner index (see createApplication); ignored with applicationId. */
  flows?: ApplicationOverrides['flows'];
}

/**
 * One link of a partnership's agreement chain, with the approved application that granted it (same
 * partners, all confirmed, from a call of the partnership's programme for that stage) unless one is given.
 */
export async function createPartnershipStage(
  db: Database,
  { partnership, kind = 'agreement', flows, ...overrides }: PartnershipStageOverrides,
  seq: Sequence = defaultSequence,
): Promise<PartnershipStageRow> {
  const startsOn = overrides.startsOn ?? partnership.startsOn ?? '2025-01-01';
  const endsOn = overrides.endsOn ?? partnership.endsOn ?? '2027-12-31';
  const amount = overrides.amountCeilingMinor ?? (kind === 'feasibility' ? 150_000_00 : kind === 'agreement' ? 4_500_000_00 : 1_500_000_00);
  const applicationId =
    overrides.applicationId ??
    (
      await createApplication(
        db,
        {
          partners: partnership.partners,
          partnershipId: partnership.id,
          callId: (await createCall(db, { programmeId: partnership.programmeId, stage: kind, criteria: [] }, seq)).id,
          title: partnership.title,
          status: partnership.status === 'closed' ? 'closed' : 'active',
          sectorCode: partnership.sectorCode,
          sdgGoals: partnership.sdgGoals,
          approvedStartsOn: startsOn,
          approvedEndsOn: endsOn,
          approvedAmountMinor: amount,
          approvedCurrency: 'NOK',
          flows,
        },
        seq,
      )
    ).id;
  const [row] = await db
    .insert(partnershipStages)
    .values({
      roundNumber: kind === 'round' ? 1 : null,
      currency: 'NOK',
      ...overrides,
      partnershipId: partnership.id,
      applicationId,
      kind,
      startsOn,
      endsOn,
      amountCeilingMinor: amount,
    })
    .returning();
  if (!row) throw new Error('partnership stage insert returned nothing');
  return row;
}
