import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { applications } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import { stageTranches } from '../../db/schema/disbursements.ts';
import { ledgerEntries } from '../../db/schema/ledger.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { NotFoundError } from '../errors.ts';
import { isRecordId } from '../records/record-id.ts';
import { callBudgetYear } from './call-budget-year.ts';
import { ledgerAccount } from './ledger-accounts.ts';
import { sumMinor } from './money.ts';
import { stageReportSettlement } from './stage-report-settlement.ts';

export type TrancheRow = typeof stageTranches.$inferSelect;

/** What a tranche's pages and postings need to know about its stage: partnership, call, budget year, coordinating partner. */
export interface StageFacts {
  stage: typeof partnershipStages.$inferSelect;
  partnership: { id: string; title: string };
  call: { id: string; programmeId: string; title: string };
  /** The budget year of the stage's money: the year its call opens (as its commitment). */
  year: number;
  coordinator: { id: string; name: string };
}

/** The stage's facts, or NotFound. */
export async function loadStageFacts(db: Database, stageId: string): Promise<StageFacts> {
  if (!isRecordId(stageId)) throw new NotFoundError('partnership_stage');
  const [row] = await db
    .select({
      stage: partnershipStages,
      partnershipTitle: partnerships.title,
      callId: calls.id,
      programmeId: calls.programmeId,
      callTitle: calls.title,
      opensOn: calls.opensOn,
      coordinatorId: organisations.id,
      coordinatorName: organisations.legalName,
    })
    .from(partnershipStages)
    .innerJoin(partnerships, eq(partnerships.id, partnershipStages.partnershipId))
    .innerJoin(applications, eq(applications.id, partnershipStages.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(organisations, eq(organisations.id, applications.coordinatorOrganisationId))
    .where(eq(partnershipStages.id, stageId));
  if (!row) throw new NotFoundError('partnership_stage');
  return {
    stage: row.stage,
    partnership: { id: row.stage.partnershipId, title: row.partnershipTitle },
    call: { id: row.callId, programmeId: row.programmeId, title: row.callTitle },
    year: callBudgetYear({ opensOn: row.opensOn }),
    coordinator: { id: row.coordinatorId, name: row.coordinatorName },
  };
}

export function stageTrancheRows(db: Database, stageId: string) {
  return db.select().from(stageTranches).where(eq(stageTranches.stageId, stageId)).orderBy(asc(stageTranches.number));
}

/** Sum of the ledger's movements from one account to another, by kind. */
export async function movedBetween(db: Database, from: string, to: string, kind: (typeof ledgerEntries.$inferSelect)['kind']): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amountMinor}), 0)` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.fromAccount, from), eq(ledgerEntries.toAccount, to), eq(ledgerEntries.kind, kind)));
  return Number(row?.total ?? 0);
}

/** Where a stage's payments stand: paid to the coordinating partner, whether the last tranche settled it, what the partner owes back. */
export interface StageSettlement {
  paidMinor: number;
  /** The last tranche waits for the final reports, and has been approved: the stage is settled against what was reported. */
  settled: boolean;
  reports: { partners: number; approved: number; allApproved: boolean; actualMinor: number };
  /** What the coordinating partner owes back once settled (paid beyond the reported actual), less refunds received. */
  refundOwedMinor: number;
  refundedMinor: number;
}

/** Reads a stage's settlement from its tranches, its approved financial reports and the ledger's refunds. */
export async function stageSettlement(db: Database, facts: StageFacts, tranches: TrancheRow[]): Promise<StageSettlement> {
  const paidMinor = sumMinor(tranches.filter((t) => t.status === 'paid').map((t) => t.amountMinor));
  const last = tranches.at(-1);
  const settled = !!last && last.condition === 'afterFinalReport' && last.status !== 'planned';
  const [reports, refundedMinor] = await Promise.all([
    stageReportSettlement(db, facts.stage.id),
    movedBetween(db, ledgerAccount.partner(facts.coordinator.id, facts.stage.id), ledgerAccount.stage(facts.stage.id), 'refund'),
  ]);
  const refundOwedMinor = settled ? Math.max(0, paidMinor - reports.actualMinor - refundedMinor) : 0;
  return { paidMinor, settled, reports, refundOwedMinor, refundedMinor };
}
