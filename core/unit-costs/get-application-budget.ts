import countryToCurrency from 'country-to-currency';
import { and, asc, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
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

/** The latest version of each round of an application within a scope, with its partners' countries and who recorded it. */
function latestQuery(db: Database, scope: SQL | undefined, applicationId: string, bind: Bind) {
  return db
    .selectDistinctOn([roundBudgetVersions.round], {
      ...getTableColumns(roundBudgetVersions),
      partnerCountries: sql<{ id: string; countryCode: string }[] | null>`(select json_agg(json_build_object('id', ${organisations.id}, 'countryCode', ${organisations.countryCode})) from ${organisations}
        where ${organisations.id} in (select (p ->> 'organisationId')::uuid from jsonb_array_elements(${roundBudgetVersions.content} -> 'budget' -> 'partners') p))`,
      computedByName: sql<string | null>`(select ${user.name} from ${user} where ${user.id} = ${roundBudgetVersions.computedBy})`,
    })
    .from(roundBudgetVersions)
    .innerJoin(applications, eq(applications.id, roundBudgetVersions.applicationId))
    .where(and(eq(roundBudgetVersions.applicationId, bind('applicationId', applicationId)), scope))
    .orderBy(asc(roundBudgetVersions.round), desc(roundBudgetVersions.number));
}

/**
 * The budget of each round of an application's exchange plan (issue 11, point 6), as last recorded:
 * a version is recorded whenever a change alters it (core/budgets/record-budget-versions.ts), so a read
 * only reads. An application with no version yet (built before budgets were stored, or by a test's
 * factory) has its first versions computed and recorded now, cause `created`, in a transaction that
 * locks the application. Each partner's total is also given in its country's currency at the latest
 * exchange rate on or before the day the version was computed (none for NOK or without a rate).
 * Whoever may read the application may read it.
 */
export async function getApplicationBudget(ctx: CoreContext, { applicationId }: { applicationId: string }) {
  requirePermission(ctx.actor, 'application:read');
  const scope = applicationScope(ctx.actor);
  if (scope === null || !isRecordId(applicationId)) throw new NotFoundError('application');
  // The latest versions with the actor's scope inside the query, each with its partners' countries and the
  // name of who recorded it (one statement, not three); for the agency prepared once per handle. Found, the
  // application is readable; none found, it is looked up (not readable → not found) and gets its first versions.
  const readLatest = () =>
    sendQuery(ctx.db, isSharedApplicationScope(ctx.actor) ? `budget_latest_${scope ? 'sent' : 'all'}` : null, (bind) => latestQuery(ctx.db, scope, applicationId, bind), { applicationId });
  let rows = await readLatest();
  if (rows.length === 0) {
    const application = await findReadableApplication(ctx, applicationId);
    await ctx.db.transaction(async (tx) => {
      await tx.select({ id: applications.id }).from(applications).where(eq(applications.id, application.id)).for('update');
      if ((await latestRoundVersions(tx, application.id)).size === 0) await recordBudgetVersions(tx, { applicationId: application.id, cause: 'created', userId: null, now: ctx.now() });
    });
    rows = await readLatest();
  }
  const versions = rows.filter((v) => ((v.content as ApplicationRoundBudget).flows?.length ?? 0) > 0).sort((a, b) => a.round - b.round);
  const currencyOf = new Map(versions.flatMap((v) => (v.partnerCountries ?? []).map((c) => [c.id, currencyOfCountry(c.countryCode)] as const)));
  const rounds: StoredRoundBudget[] = [];
  for (const v of versions) {
    const round = v.content as ApplicationRoundBudget;
    const equivalents: LocalEquivalent[] = [];
    if (round.budget) {
      const rates = await latestExchangeRates(ctx.db, round.budget.partners.flatMap((p) => currencyOf.get(p.organisationId) ?? []), v.computedAt.toISOString().slice(0, 10));
      for (const p of round.budget.partners) {
        const currency = currencyOf.get(p.organisationId);
        const rate = currency ? rates.get(currency) : undefined;
        if (currency && rate && round.budget.currency === 'NOK') equivalents.push({ organisationId: p.organisationId, currency, amountMinor: nokToLocalMinor(p.totalMinor, rate.nokPerUnit, currency), rate });
      }
    }
    rounds.push({ ...round, version: { number: v.number, cause: v.cause, computedAt: v.computedAt, computedBy: v.computedByName }, equivalents });
  }
  return { applicationId, rounds };
}
