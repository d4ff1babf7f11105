import countryToCurrency from 'country-to-currency';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { sendQuery, type Bind } from '../../db/prepared-per-handle.ts';
import { applications } from '../../db/schema/applications.ts';
import { roundBudgetVersions, type BudgetCause } from '../../db/schema/budgets.ts';
import { user } from '../../db/schema/auth.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { applicationScope, findReadableApplication, isSharedApplicationScope } from '../applications/application-scope.ts';
import type { ApplicationRoundBudget } from '../budgets/compute-application-budget.ts';
import { latestRoundVersions, recordBudgetVersions } from '../budgets/record-budget-versions.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';
import { nokToLocalMinor } from '../exchange-rates/convert.ts';
import { latestExchangeRates, type RateOnDate } from '../exchange-rates/latest-exchange-rates.ts';

export type { ApplicationRoundBudget, BudgetFlowInfo } from '../budgets/compute-application-budget.ts';
/** Why a round's budget was recorded again. */
export { BUDGET_CAUSES, type BudgetCause } from '../../db/schema/budgets.ts';

/** A partner's round total in its country's currency, at the latest rate on or before the budget's date. */
export interface LocalEquivalent {
  organisationId: string;
  currency: string;
  amountMinor: number;
  rate: RateOnDate;
}

/** A round's budget as recorded: the computed round, which version it is, why and when it was recorded, and the partners' local equivalents. */
export interface StoredRoundBudget extends ApplicationRoundBudget {
  version: { number: number; cause: BudgetCause; computedAt: Date; computedBy: string | null };
  equivalents: LocalEquivalent[];
}

/** The currency of a country (ISO 3166-1 alpha-2), or null. */
export function currencyOfCountry(countryCode: string): string | null {
  return (countryToCurrency as Record<string, string>)[countryCode] ?? null;
}

/** One recorded version in an application's budget history: when, why, who, and the round's total before and after. */
export interface BudgetHistoryEntry {
  round: number;
  number: number;
  cause: BudgetCause;
  computedAt: Date;
  by: string | null;
  currency: string;
  /** The round's total in the version before; null for a first version or a round without a budget. */
  oldTotalMinor: number | null;
  newTotalMinor: number | null;
}

/**
 * Every version of an application's round budgets within a scope, oldest first in each round, with who
 * recorded it; the latest of each round also with its content and its partners' countries (the older ones'
 * contents stay in the database: only the history's figures are needed of them).
 */
function versionsQuery(db: Database, scope: SQL | undefined, applicationId: string, bind: Bind) {
  const latest = sql`${roundBudgetVersions.number} = max(${roundBudgetVersions.number}) over (partition by ${roundBudgetVersions.round})`;
  return db
    .select({
      round: roundBudgetVersions.round,
      number: roundBudgetVersions.number,
      cause: roundBudgetVersions.cause,
      totalMinor: roundBudgetVersions.totalMinor,
      currency: roundBudgetVersions.currency,
      computedAt: roundBudgetVersions.computedAt,
      by: user.name,
      isLatest: sql<boolean>`${latest}`,
      content: sql<ApplicationRoundBudget | null>`case when ${latest} then ${roundBudgetVersions.content} end`,
      partnerCountries: sql<{ id: string; countryCode: string }[] | null>`case when ${latest} then (select json_agg(json_build_object('id', ${organisations.id}, 'countryCode', ${organisations.countryCode})) from ${organisations}
        where ${organisations.id} in (select (p ->> 'organisationId')::uuid from jsonb_array_elements(${roundBudgetVersions.content} -> 'budget' -> 'partners') p)) end`,
    })
    .from(roundBudgetVersions)
    .innerJoin(applications, eq(applications.id, roundBudgetVersions.applicationId))
    .leftJoin(user, eq(user.id, roundBudgetVersions.computedBy))
    .where(and(eq(roundBudgetVersions.applicationId, bind('applicationId', applicationId)), scope))
    .orderBy(asc(roundBudgetVersions.round), asc(roundBudgetVersions.number));
}

/**
 * The budget of each round of an application's exchange plan (issue 11, point 6), as last recorded, and
 * every version recorded before (the history, newest first): one statement reads both. A version is
 * recorded whenever a change alters it (core/budgets/record-budget-versions.ts), so a read only reads. An
 * application with no version yet (built before budgets were stored, or by a test's factory) has its first
 * versions computed and recorded now, cause `created`, in a transaction that locks the application. Each
 * partner's total is also given in its country's currency at the latest exchange rate on or before the day
 * the version was computed (none for NOK or without a rate). Whoever may read the application may read it.
 */
export async function getApplicationBudget(ctx: CoreContext, { applicationId }: { applicationId: string }) {
  requirePermission(ctx.actor, 'application:read');
  const scope = applicationScope(ctx.actor);
  if (scope === null || !isRecordId(applicationId)) throw new NotFoundError('application');
  // The versions with the actor's scope inside the query; for the agency prepared once per handle. Found, the
  // application is readable; none found, it is looked up (not readable → not found) and gets its first versions.
  const readVersions = () =>
    sendQuery(ctx.db, isSharedApplicationScope(ctx.actor) ? `budget_versions_${scope ? 'sent' : 'all'}` : null, (bind) => versionsQuery(ctx.db, scope, applicationId, bind), { applicationId });
  let rows = await readVersions();
  if (rows.length === 0) {
    const application = await findReadableApplication(ctx, applicationId);
    await ctx.db.transaction(async (tx) => {
      await tx.select({ id: applications.id }).from(applications).where(eq(applications.id, application.id)).for('update');
      if ((await latestRoundVersions(tx, application.id)).size === 0) await recordBudgetVersions(tx, { applicationId: application.id, cause: 'created', userId: null, now: ctx.now() });
    });
    rows = await readVersions();
  }
  const previous = new Map<number, number | null>();
  const history: BudgetHistoryEntry[] = rows.map((r) => {
    const entry = { round: r.round, number: r.number, cause: r.cause, computedAt: r.computedAt, by: r.by ?? null, currency: r.currency, oldTotalMinor: previous.has(r.round) ? previous.get(r.round)! : null, newTotalMinor: r.totalMinor };
    previous.set(r.round, r.totalMinor);
    return entry;
  });
  history.sort((a, b) => b.computedAt.getTime() - a.computedAt.getTime() || b.round - a.round || b.number - a.number);
  const versions = rows.filter((v) => v.isLatest && (v.content?.flows?.length ?? 0) > 0);
  const currencyOf = new Map(versions.flatMap((v) => (v.partnerCountries ?? []).map((c) => [c.id, currencyOfCountry(c.countryCode)] as const)));
  const rounds: StoredRoundBudget[] = [];
  for (const v of versions) {
    const round = v.content!;
    const equivalents: LocalEquivalent[] = [];
    if (round.budget) {
      const rates = await latestExchangeRates(ctx.db, round.budget.partners.flatMap((p) => currencyOf.get(p.organisationId) ?? []), v.computedAt.toISOString().slice(0, 10));
      for (const p of round.budget.partners) {
        const currency = currencyOf.get(p.organisationId);
        const rate = currency ? rates.get(currency) : undefined;
        if (currency && rate && round.budget.currency === 'NOK') equivalents.push({ organisationId: p.organisationId, currency, amountMinor: nokToLocalMinor(p.totalMinor, rate.nokPerUnit, currency), rate });
      }
    }
    rounds.push({ ...round, version: { number: v.number, cause: v.cause, computedAt: v.computedAt, computedBy: v.by ?? null }, equivalents });
  }
  return { applicationId, rounds, history };
}
