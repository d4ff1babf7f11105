import { and, asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { planFlows } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { unitCostTables } from '../../db/schema/unit-costs.ts';
import { findReadableApplication } from '../applications/application-scope.ts';
import type { CoreContext } from '../context.ts';
import { distancesBetweenOrganisations, type OrganisationDistance } from '../geography/distance-between-organisations.ts';
import { computeRoundBudget, type RoundBudget, type RoundBudgetFlow } from './compute-round-budget.ts';
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
  const sending = alias(organisations, 'sending');
  const host = alias(organisations, 'host');
  const [[call], rows] = await Promise.all([
    ctx.db.select({ programmeId: calls.programmeId }).from(calls).where(eq(calls.id, application.callId)),
    ctx.db
      .select({
        id: planFlows.id,
        round: planFlows.round,
        startMonth: planFlows.startMonth,
        sendingOrganisationId: planFlows.sendingOrganisationId,
        hostOrganisationId: planFlows.hostOrganisationId,
        sendingCountryCode: sending.countryCode,
        hostCountryCode: host.countryCode,
        participants: planFlows.participants,
        months: planFlows.months,
        from: sending.legalName,
        to: host.legalName,
      })
      .from(planFlows)
      .innerJoin(sending, eq(sending.id, planFlows.sendingOrganisationId))
      .innerJoin(host, eq(host.id, planFlows.hostOrganisationId))
      .where(eq(planFlows.applicationId, application.id))
      .orderBy(asc(planFlows.round), asc(planFlows.createdAt), asc(planFlows.id)),
  ]);
  const flows = rows.filter((r) => r.participants >= 1 && r.months >= 1);
  const distances = await distancesBetweenOrganisations(
    ctx.db,
    flows.map((f) => ({ homeOrganisationId: f.sendingOrganisationId, hostOrganisationId: f.hostOrganisationId })),
  );
  const distanceOf = new Map(flows.map((f, i) => [f.id, distances[i] ?? null]));
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
    const budgetFlows: RoundBudgetFlow[] = mine.map((f) => ({ id: f.id, sendingOrganisationId: f.sendingOrganisationId, hostOrganisationId: f.hostOrganisationId, sendingCountryCode: f.sendingCountryCode, hostCountryCode: f.hostCountryCode, participants: f.participants, months: f.months }));
    const bands = new Map(mine.map((f) => [f.id, distanceOf.get(f.id)?.band ?? null]));
    result.push({
      round,
      year,
      table: table ? { id: table.id, version: table.version } : null,
      budget: rates ? computeRoundBudget({ flows: budgetFlows, coordinatorOrganisationId: application.coordinatorOrganisationId, rates, bands }) : null,
      flows: mine.map((f) => ({ id: f.id, from: f.from, to: f.to, participants: f.participants, months: f.months, distance: distanceOf.get(f.id) ?? null })),
    });
  }
  return { applicationId: application.id, rounds: result };
}
