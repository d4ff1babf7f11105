import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { applications } from '../../db/schema/applications.ts';
import { budgetOtherLines } from '../../db/schema/budgets.ts';
import { calls } from '../../db/schema/calls.ts';
import { unitCostTables } from '../../db/schema/unit-costs.ts';
import { distancesBetweenOrganisations, type OrganisationDistance } from '../geography/distance-between-organisations.ts';
import { computeRoundBudget, type RoundBudget, type RoundBudgetFlow, type RoundOtherLine } from '../unit-costs/compute-round-budget.ts';
import { planFlowRows } from '../unit-costs/plan-flow-rows.ts';
import { completeRates } from '../unit-costs/unit-cost-rates.ts';
import { loadUnitCostTable } from '../unit-costs/unit-cost-table-record.ts';

/** One flow as the budget page names it: who sends to whom, and how far apart their places are. */
export interface BudgetFlowInfo {
  id: string;
  from: string;
  to: string;
  participants: number;
  months: number;
  /** Null when either organisation's city is not matched to a place. */
  distance: OrganisationDistance | null;
}

/** One round's budget, or why there is none yet (no published unit-cost table for its programme and year). */
export interface ApplicationRoundBudget {
  round: number;
  /** The year the round is budgeted in: the year its first flow starts. */
  year: number;
  table: { id: string; version: number } | null;
  budget: RoundBudget | null;
  flows: BudgetFlowInfo[];
}

/** What the computation needs of an application. */
export interface BudgetedApplication {
  id: string;
  callId: string;
  coordinatorOrganisationId: string;
}

/**
 * The budget of each round of an application's exchange plan, computed now (issue 11, point 6): the one
 * place budgets are computed. From the plan, the partners' other lines, and the latest published
 * unit-cost table of the programme for the round's year, with travel by the great-circle distance
 * between the organisations' matched places. No permission check: its callers (recording a version in
 * the transaction of a change, core/budgets/record-budget-versions.ts) have made theirs.
 */
export async function computeApplicationBudget(db: Database, application: BudgetedApplication): Promise<ApplicationRoundBudget[]> {
  const [[call], rows, others] = await Promise.all([
    db.select({ programmeId: calls.programmeId }).from(calls).where(eq(calls.id, application.callId)),
    planFlowRows(db, eq(applications.id, application.id)),
    db.select().from(budgetOtherLines).where(eq(budgetOtherLines.applicationId, application.id)).orderBy(asc(budgetOtherLines.createdAt), asc(budgetOtherLines.id)),
  ]);
  const flows = rows.filter((r) => r.participants >= 1 && r.months >= 1);
  const distances = await distancesBetweenOrganisations(
    db,
    flows.map((f) => ({ homeOrganisationId: f.sendingOrganisationId, hostOrganisationId: f.hostOrganisationId })),
  );
  const distanceOf = new Map(flows.map((f, i) => [f.flowId, distances[i] ?? null]));
  const rounds = [...new Set(flows.map((f) => f.round))].sort((a, b) => a - b);
  const tables = new Map<number, Awaited<ReturnType<typeof loadUnitCostTable>> | null>();
  const result: ApplicationRoundBudget[] = [];
  for (const round of rounds) {
    const mine = flows.filter((f) => f.round === round);
    const year = Number(mine.reduce((first, f) => (f.startMonth < first ? f.startMonth : first), mine[0]!.startMonth).slice(0, 4));
    if (!tables.has(year)) {
      const [latest] = await db
        .select({ id: unitCostTables.id })
        .from(unitCostTables)
        .where(and(eq(unitCostTables.programmeId, call!.programmeId), eq(unitCostTables.year, year), eq(unitCostTables.status, 'published')))
        .orderBy(desc(unitCostTables.version))
        .limit(1);
      tables.set(year, latest ? await loadUnitCostTable(db, latest.id) : null);
    }
    const table = tables.get(year) ?? null;
    const rates = table ? completeRates(table.rates) : null;
    const budgetFlows: RoundBudgetFlow[] = mine.map((f) => ({ id: f.flowId, sendingOrganisationId: f.sendingOrganisationId, hostOrganisationId: f.hostOrganisationId, sendingCountryCode: f.sendingCountryCode, hostCountryCode: f.hostCountryCode, participants: f.participants, months: f.months }));
    const bands = new Map(mine.map((f) => [f.flowId, distanceOf.get(f.flowId)?.band ?? null]));
    const otherLines: RoundOtherLine[] = others.filter((o) => o.round === round).map((o) => ({ id: o.id, organisationId: o.organisationId, label: o.label, amountMinor: o.amountMinor, justification: o.justification }));
    result.push({
      round,
      year,
      table: table ? { id: table.id, version: table.version } : null,
      budget: rates ? computeRoundBudget({ flows: budgetFlows, coordinatorOrganisationId: application.coordinatorOrganisationId, rates, bands, otherLines }) : null,
      flows: mine.map((f) => ({ id: f.flowId, from: f.sendingName, to: f.hostName, participants: f.participants, months: f.months, distance: distanceOf.get(f.flowId) ?? null })),
    });
  }
  return result;
}
