import { eq } from 'drizzle-orm';
import { coreContext } from '../../core/context.ts';
import { commitStageBudget } from '../../core/finance/commit-stage-budget.ts';
import { planStageTranches } from '../../core/finance/plan-stage-tranches.ts';
import { system } from '../../core/identity/actor.ts';
import type { Database } from '../database.ts';
import { applications } from '../schema/applications.ts';
import { calls } from '../schema/calls.ts';
import type { OrganisationRow } from './organisation-factory.ts';
import { createPartnership } from './partnership-factory.ts';
import { createPartnershipStage } from './partnership-stage-factory.ts';
import { createProgramme } from './programme-factory.ts';
import { defaultSequence, type Sequence } from './sequence.ts';

/**
 * A round granted as approval grants it: a partnership and its stage, the stage's amount committed from its
 * (funded) call in the ledger, and its tranches planned by the programme's shares (80/20 unless given).
 */
export async function createGrantedStage(
  db: Database,
  { amountMinor = 1_000_000_00, shares, partners }: { amountMinor?: number; shares?: number[]; partners?: OrganisationRow[] } = {},
  seq: Sequence = defaultSequence,
) {
  const programme = await createProgramme(db, shares ? { trancheSharesBasisPoints: shares } : {}, seq);
  const partnership = await createPartnership(db, { programmeId: programme.id, partners }, seq);
  const stage = await createPartnershipStage(db, { partnership, kind: 'round', amountCeilingMinor: amountMinor }, seq);
  const [application] = await db.select({ callId: applications.callId }).from(applications).where(eq(applications.id, stage.applicationId));
  const [call] = await db.select().from(calls).where(eq(calls.id, application!.callId));
  const ctx = coreContext({ db, actor: system('factory') });
  const tranches = await db.transaction(async (tx) => {
    await commitStageBudget({ ...ctx, db: tx }, stage, call!);
    return planStageTranches(tx, stage, programme.id);
  });
  return { programme, partnership, stage, call: call!, tranches: tranches.sort((a, b) => a.number - b.number) };
}
