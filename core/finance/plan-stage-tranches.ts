import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import type { TrancheCondition } from '../../db/schema/disbursements.ts';
import { stageTranches } from '../../db/schema/disbursements.ts';
import type { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { splitByWeights, WHOLE_BASIS_POINTS } from './money.ts';

/** The default shares when a programme names none: 80 % before departure, 20 % after the final report. */
export const DEFAULT_TRANCHE_SHARES = [8000, 2000] as const;

export interface PlannedTranche {
  number: number;
  shareBasisPoints: number;
  amountMinor: number;
  condition: TrancheCondition;
}

/**
 * A committed amount in tranches by shares in basis points (adding up to 10,000): the amounts are split by
 * largest remainder, so they add up exactly to the commitment. All but the last are paid before
 * departure, the last after the final financial report; a single share is one tranche before departure.
 */
export function planTranches(amountMinor: number, sharesBasisPoints: readonly number[]): PlannedTranche[] {
  const shares = sharesBasisPoints.length > 0 && sharesBasisPoints.reduce((a, b) => a + b, 0) === WHOLE_BASIS_POINTS ? sharesBasisPoints : DEFAULT_TRANCHE_SHARES;
  const amounts = splitByWeights(amountMinor, shares);
  return shares.map((share, i) => ({
    number: i + 1,
    shareBasisPoints: share,
    amountMinor: amounts[i]!,
    condition: shares.length > 1 && i === shares.length - 1 ? 'afterFinalReport' : 'beforeDeparture',
  }));
}

/**
 * Plans a granted stage's tranches from its programme's shares, in the caller's transaction (the one that
 * commits the stage's amount). A stage that already has tranches keeps them.
 */
export async function planStageTranches(tx: Database, stage: typeof partnershipStages.$inferSelect, programmeId: string) {
  const [existing] = await tx.select({ id: stageTranches.id }).from(stageTranches).where(eq(stageTranches.stageId, stage.id)).limit(1);
  if (existing) return [];
  const [programme] = await tx.select({ shares: programmes.trancheSharesBasisPoints }).from(programmes).where(eq(programmes.id, programmeId));
  const planned = planTranches(stage.amountCeilingMinor, programme?.shares ?? DEFAULT_TRANCHE_SHARES);
  return tx
    .insert(stageTranches)
    .values(planned.map((p) => ({ ...p, stageId: stage.id, currency: stage.currency })))
    .returning();
}
