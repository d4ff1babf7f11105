import { eq } from 'drizzle-orm';
import { stageTranches } from '../../db/schema/disbursements.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';
import { loadStageFacts, stageSettlement, stageTrancheRows } from './tranche-record.ts';

/**
 * One tranche with its stage (partnership, round, coordinating partner), the stage's other tranches, who
 * approved and paid it, its ledger entry, and where the stage's settlement stands: what waits for the
 * final reports, and what the coordinating partner owes back. Agency staff who read finance.
 */
export async function getTranche(ctx: CoreContext, { trancheId }: { trancheId: string }) {
  requirePermission(ctx.actor, 'finance:read');
  if (!isRecordId(trancheId)) throw new NotFoundError('stage_tranche');
  const [row] = await ctx.db.select().from(stageTranches).where(eq(stageTranches.id, trancheId));
  if (!row) throw new NotFoundError('stage_tranche');
  const facts = await loadStageFacts(ctx.db, row.stageId);
  const tranches = await stageTrancheRows(ctx.db, row.stageId);
  const settlement = await stageSettlement(ctx.db, facts, tranches);
  const isLast = tranches.at(-1)?.id === row.id;
  /** Why it cannot be approved now, if it cannot. */
  const waitsFor =
    row.status !== 'planned'
      ? null
      : row.condition === 'afterFinalReport' && !settlement.reports.allApproved
        ? ('finalReports' as const)
        : isLast && row.condition === 'afterFinalReport' && tranches.some((t) => t.id !== row.id && t.status !== 'paid')
          ? ('earlierTranches' as const)
          : null;
  return {
    tranche: row,
    isLast,
    waitsFor,
    stage: { id: facts.stage.id, kind: facts.stage.kind, roundNumber: facts.stage.roundNumber, startsOn: facts.stage.startsOn, endsOn: facts.stage.endsOn, amountCeilingMinor: facts.stage.amountCeilingMinor, currency: facts.stage.currency },
    partnership: facts.partnership,
    call: facts.call,
    year: facts.year,
    coordinator: facts.coordinator,
    tranches,
    settlement,
  };
}
