import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { budgetOtherLines, roundBudgetVersions } from '../../db/schema/budgets.ts';
import { applications } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import { unitCostTables } from '../../db/schema/unit-costs.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { sumMinor } from '../finance/money.ts';
import { requirePermission } from '../identity/permissions.ts';
import { planFlowRows } from './plan-flow-rows.ts';
import { computeRoundBudget, type RoundBudget, type RoundBudgetFlow, type RoundOtherLine } from './compute-round-budget.ts';
import type { BandsFor } from './distance-bands.ts';
import { completeRates, missingRates, type UnitCostRates } from './unit-cost-rates.ts';
import { loadUnitCostTable } from './unit-cost-table-record.ts';

/**
 * The applications whose budgets follow a newly published table: those not yet approved (being
 * written, sent, in review, or returned to their partners for changes). Approved ones, and the
 * agreements they became, keep the version they were computed with.
 */
export const OPEN_BUDGET_STATUSES = ['draft', 'submitted', 'in_review', 'returned'] as const;

/** One open round budget, before and after. `old…` is null when the year has no published version yet. */
export interface PreviewRow {
  applicationId: string;
  title: string;
  status: (typeof OPEN_BUDGET_STATUSES)[number];
  round: number;
  flows: number;
  oldTotalMinor: number | null;
  newTotalMinor: number;
  differenceMinor: number | null;
  /** Lines of the new budget without an amount (an unknown distance, a country in no group). */
  problems: number;
}

/** Drafts, which the agency does not see one by one (docs/architecture.md#application), added together. */
export interface PreviewDrafts {
  applications: number;
  rounds: number;
  oldTotalMinor: number | null;
  newTotalMinor: number;
  differenceMinor: number | null;
  problems: number;
}

/**
 * What publishing a draft would change: for every open budget of its programme and year, the total
 * with the version published now and with the draft, and the difference (issue 11, point 4).
 *
 * A budget is one round of an application's plan (an agreement's plan may hold several rounds), and
 * the year it is budgeted in is the year its first flow starts: a call carries no year of its own, and
 * its dates fall in the year before the exchanges they fund (the "Health 2026: exchange rounds" call
 * closes in November 2025). Applications still being written are private to their partners, so they are
 * counted together in `drafts`; the others are listed one by one. Distances come from `bandsFor`.
 * A draft with a rate still unset cannot be previewed: `missing` names its rates, and nothing is computed.
 */
export async function previewUnitCostPublication(ctx: CoreContext, { tableId, bandsFor }: { tableId: string; bandsFor: BandsFor }) {
  requirePermission(ctx.actor, 'unit-cost:manage');
  const draft = await loadUnitCostTable(ctx.db, tableId);
  if (draft.status !== 'draft') throw new DomainError('unitCostTableNotDraft', { status: 409, params: { version: draft.version } });
  const missing = missingRates(draft.rates).map((p) => p.field);
  const [currentRow] = await ctx.db
    .select({ id: unitCostTables.id })
    .from(unitCostTables)
    .where(and(eq(unitCostTables.programmeId, draft.programmeId), eq(unitCostTables.year, draft.year), eq(unitCostTables.status, 'published')))
    .orderBy(desc(unitCostTables.version))
    .limit(1);
  const current = currentRow ? await loadUnitCostTable(ctx.db, currentRow.id) : null;
  const base = { draft: { id: draft.id, programmeId: draft.programmeId, year: draft.year, version: draft.version, updatedAt: draft.updatedAt }, current: current ? { id: current.id, version: current.version } : null, missing };
  const newRates = completeRates(draft.rates);
  if (!newRates) return { ...base, rows: [] as PreviewRow[], drafts: null as PreviewDrafts | null, totals: null };

  const budgets = await openRoundBudgets(ctx, draft.programmeId, draft.year);
  const bands = await bandsFor(budgets.flatMap((b) => b.flows));
  const oldRates = current ? completeRates(current.rates) : null;
  // The partners' other lines count in both totals, as in the stored budgets; the total now is the
  // stored version's where it was computed with the version published now (docs/decisions/016).
  const ids = [...new Set(budgets.map((b) => b.applicationId))];
  const [others, stored] = ids.length
    ? await Promise.all([
        ctx.db.select().from(budgetOtherLines).where(inArray(budgetOtherLines.applicationId, ids)).orderBy(asc(budgetOtherLines.createdAt), asc(budgetOtherLines.id)),
        ctx.db
          .selectDistinctOn([roundBudgetVersions.applicationId, roundBudgetVersions.round], { applicationId: roundBudgetVersions.applicationId, round: roundBudgetVersions.round, unitCostTableId: roundBudgetVersions.unitCostTableId, totalMinor: roundBudgetVersions.totalMinor })
          .from(roundBudgetVersions)
          .where(inArray(roundBudgetVersions.applicationId, ids))
          .orderBy(roundBudgetVersions.applicationId, roundBudgetVersions.round, desc(roundBudgetVersions.number)),
      ])
    : [[], []];
  const storedTotal = new Map(stored.filter((v) => current && v.unitCostTableId === current.id && v.totalMinor !== null).map((v) => [`${v.applicationId}:${v.round}`, v.totalMinor!]));
  const priced = budgets.map((b) => {
    const otherLines: RoundOtherLine[] = others.filter((o) => o.applicationId === b.applicationId && o.round === b.round).map((o) => ({ id: o.id, organisationId: o.organisationId, label: o.label, amountMinor: o.amountMinor, justification: o.justification }));
    const compute = (rates: UnitCostRates): RoundBudget => computeRoundBudget({ flows: b.flows, coordinatorOrganisationId: b.coordinatorOrganisationId, rates, bands, otherLines });
    const after = compute(newRates);
    const oldTotalMinor = oldRates ? (storedTotal.get(`${b.applicationId}:${b.round}`) ?? compute(oldRates).totalMinor) : null;
    return {
      applicationId: b.applicationId,
      title: b.title,
      status: b.status,
      round: b.round,
      flows: b.flows.length,
      oldTotalMinor,
      newTotalMinor: after.totalMinor,
      differenceMinor: oldTotalMinor === null ? null : sumMinor([after.totalMinor, -oldTotalMinor]),
      problems: after.problems,
    } satisfies PreviewRow;
  });
  const rows = priced.filter((r) => r.status !== 'draft');
  const privateOnes = priced.filter((r) => r.status === 'draft');
  const sum = (values: number[]) => sumMinor(values);
  const oldSum = (list: PreviewRow[]) => (oldRates ? sum(list.map((r) => r.oldTotalMinor!)) : null);
  const drafts: PreviewDrafts | null = privateOnes.length
    ? {
        applications: new Set(privateOnes.map((r) => r.applicationId)).size,
        rounds: privateOnes.length,
        oldTotalMinor: oldSum(privateOnes),
        newTotalMinor: sum(privateOnes.map((r) => r.newTotalMinor)),
        differenceMinor: oldRates ? sum(privateOnes.map((r) => r.differenceMinor!)) : null,
        problems: sum(privateOnes.map((r) => r.problems)),
      }
    : null;
  const totals = {
    oldTotalMinor: oldSum(priced),
    newTotalMinor: sum(priced.map((r) => r.newTotalMinor)),
    differenceMinor: oldRates ? sum(priced.map((r) => r.differenceMinor!)) : null,
  };
  return { ...base, rows, drafts, totals };
}

/** The open applications' round budgets to reprice: each round of each application of the programme, whose first flow starts in `year`. */
async function openRoundBudgets(ctx: CoreContext, programmeId: string, year: number) {
  const rows = await planFlowRows(ctx.db, and(eq(calls.programmeId, programmeId), inArray(applications.status, [...OPEN_BUDGET_STATUSES])));
  const budgets = new Map<string, { applicationId: string; title: string; status: PreviewRow['status']; coordinatorOrganisationId: string; round: number; firstMonth: string; flows: RoundBudgetFlow[] }>();
  for (const r of rows) {
    // A flow the plan step would refuse (no one, no months) has no budget line yet.
    if (r.participants < 1 || r.months < 1) continue;
    const key = `${r.applicationId}:${r.round}`;
    let budget = budgets.get(key);
    if (!budget) {
      budget = { applicationId: r.applicationId, title: r.title, status: r.status as PreviewRow['status'], coordinatorOrganisationId: r.coordinatorOrganisationId, round: r.round, firstMonth: r.startMonth, flows: [] };
      budgets.set(key, budget);
    }
    if (r.startMonth < budget.firstMonth) budget.firstMonth = r.startMonth;
    budget.flows.push({ id: r.flowId, sendingOrganisationId: r.sendingOrganisationId, hostOrganisationId: r.hostOrganisationId, sendingCountryCode: r.sendingCountryCode, hostCountryCode: r.hostCountryCode, participants: r.participants, months: r.months });
  }
  return [...budgets.values()].filter((b) => b.firstMonth.slice(0, 4) === String(year));
}
