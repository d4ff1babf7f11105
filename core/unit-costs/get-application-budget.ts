import { and, desc, eq } from 'drizzle-orm';
import { applications } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import { unitCostTables } from '../../db/schema/unit-costs.ts';
import { findReadableApplication } from '../applications/application-scope.ts';
import type { CoreContext } from '../context.ts';
import { distancesBetweenOrganisations, type OrganisationDistance } from '../geography/distance-between-organisations.ts';
import { computeRoundBudget, type RoundBudget, type RoundBudgetFlow } from './compute-round-budget.ts';
import { planFlowRows } from './plan-flow-rows.ts';
import { completeRates } from './unit-cost-rates.ts';
import { loadUnitCostTable } from './unit-cost-table-record.ts';

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

/**
 * The budget of each round of an application's exchange plan, computed now from the plan and the
 * latest published unit-cost table of the programme for the round's year, with travel by the
 * great-circle distance between the organisations' matched places (issue 11, point 6). Computed on
 * every read, so it always follows the plan as it stands; whoever may read the application may read it.
 */
export async function getApplicationBudget(ctx: CoreContext, { applicationId }: { applicationId: string }) {
  const application = await findReadableApplication(ctx, applicationId);
  const [[call], rows] = await Promise.all([
    ctx.db.select({ programmeId: calls.programmeId }).from(calls).where(eq(calls.id, application.callId)),
    planFlowRows(ctx.db, eq(applications.id, application.id)),
  ]);
  const flows = rows.filter((r) => r.participants >= 1 && r.months >= 1);
  const distances = await distancesBetweenOrganisations(
    ctx.db,
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
      const [latest] = await ctx.db
        .select({ id: unitCostTables.id })
        .from(unitCostTables)
        .where(and(eq(unitCostTables.programmeId, call!.programmeId), eq(unitCostTables.year, year), eq(unitCostTables.status, 'published')))
        .orderBy(desc(unitCostTables.version))
        .limit(1);
      tables.set(year, latest ? await loadUnitCostTable(ctx.db, latest.id) : null);
    }
    const table = tables.get(year) ?? null;
    const rates = table ? completeRates(table.rates) : null;
    const budgetFlows: RoundBudgetFlow[] = mine.map((f) => ({ id: f.flowId, sendingOrganisationId: f.sendingOrganisationId, hostOrganisationId: f.hostOrganisationId, sendingCountryCode: f.sendingCountryCode, hostCountryCode: f.hostCountryCode, participants: f.participants, months: f.months }));
    const bands = new Map(mine.map((f) => [f.flowId, distanceOf.get(f.flowId)?.band ?? null]));
    result.push({
      round,
      year,
      table: table ? { id: table.id, version: table.version } : null,
      budget: rates ? computeRoundBudget({ flows: budgetFlows, coordinatorOrganisationId: application.coordinatorOrganisationId, rates, bands }) : null,
      flows: mine.map((f) => ({ id: f.flowId, from: f.sendingName, to: f.hostName, participants: f.participants, months: f.months, distance: distanceOf.get(f.flowId) ?? null })),
    });
  }
  return { applicationId: application.id, rounds: result };
}
