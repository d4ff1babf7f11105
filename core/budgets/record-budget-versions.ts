import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { applications } from '../../db/schema/applications.ts';
import { roundBudgetVersions, type BudgetCause } from '../../db/schema/budgets.ts';
import { computeApplicationBudget, type ApplicationRoundBudget } from './compute-application-budget.ts';

/** A value as JSON with its object keys sorted: jsonb keeps its own key order, so stored and computed compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** The latest recorded version of each round of an application, by round. */
export async function latestRoundVersions(db: Database, applicationId: string) {
  const rows = await db
    .selectDistinctOn([roundBudgetVersions.round])
    .from(roundBudgetVersions)
    .where(eq(roundBudgetVersions.applicationId, applicationId))
    .orderBy(asc(roundBudgetVersions.round), desc(roundBudgetVersions.number));
  return new Map(rows.map((r) => [r.round, r]));
}

/**
 * Computes an application's round budgets now and records a new version of every round whose result
 * differs from its latest recorded one (or that has none yet), with `cause`, who and when; a round the
 * plan no longer has is recorded once as empty. Runs inside the caller's transaction, the one that made
 * the change (a plan saved, an other line changed, unit costs published), which has locked the
 * application row, so two changes cannot number the same version. Returns the versions recorded.
 */
export async function recordBudgetVersions(tx: Database, { applicationId, cause, userId, now }: { applicationId: string; cause: BudgetCause; userId: string | null; now: Date }) {
  const [application] = await tx.select({ id: applications.id, callId: applications.callId, coordinatorOrganisationId: applications.coordinatorOrganisationId }).from(applications).where(eq(applications.id, applicationId));
  if (!application) return [];
  const [computed, latest] = await Promise.all([computeApplicationBudget(tx, application), latestRoundVersions(tx, applicationId)]);
  // A round the plan no longer has: recorded once with no flows and no year (the reader leaves it out).
  const emptied: (Omit<ApplicationRoundBudget, 'year'> & { year: null })[] = [...latest.values()]
    .filter((v) => !computed.some((c) => c.round === v.round) && ((v.content as ApplicationRoundBudget).flows?.length ?? 0) > 0)
    .map((v) => ({ round: v.round, year: null, table: null, budget: null, flows: [] }));
  const recorded = [];
  for (const round of [...computed, ...emptied]) {
    const before = latest.get(round.round);
    if (before && canonicalJson(before.content) === canonicalJson(round)) continue;
    const [row] = await tx
      .insert(roundBudgetVersions)
      .values({
        applicationId,
        round: round.round,
        number: (before?.number ?? 0) + 1,
        cause,
        year: round.year,
        unitCostTableId: round.table?.id ?? null,
        currency: round.budget?.currency ?? 'NOK',
        totalMinor: round.budget?.totalMinor ?? null,
        content: round,
        computedBy: userId,
        computedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (row) recorded.push(row);
  }
  return recorded;
}

/** Locks applications for this transaction, in id order so concurrent lockers queue instead of deadlocking. */
export async function lockApplicationsForBudgets(tx: Database, ids: string[]) {
  if (ids.length === 0) return;
  await tx.select({ id: applications.id }).from(applications).where(inArray(applications.id, ids)).orderBy(asc(applications.id)).for('update');
}
