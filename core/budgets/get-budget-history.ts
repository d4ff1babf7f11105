import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { sendQuery, type Bind } from '../../db/prepared-per-handle.ts';
import { applications } from '../../db/schema/applications.ts';
import { user } from '../../db/schema/auth.ts';
import { roundBudgetVersions } from '../../db/schema/budgets.ts';
import { applicationScope, findReadableApplication, isSharedApplicationScope } from '../applications/application-scope.ts';
import { NotFoundError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';
import type { CoreContext } from '../context.ts';

/** Every version of an application's round budgets within a scope, oldest first in each round; for the agency prepared once per handle. */
function versionsQuery(db: Database, scope: SQL | undefined, applicationId: string, bind: Bind) {
  return db
    .select({ round: roundBudgetVersions.round, number: roundBudgetVersions.number, cause: roundBudgetVersions.cause, totalMinor: roundBudgetVersions.totalMinor, currency: roundBudgetVersions.currency, unitCostTableId: roundBudgetVersions.unitCostTableId, computedAt: roundBudgetVersions.computedAt, by: user.name })
    .from(roundBudgetVersions)
    .innerJoin(applications, eq(applications.id, roundBudgetVersions.applicationId))
    .leftJoin(user, eq(user.id, roundBudgetVersions.computedBy))
    .where(and(eq(roundBudgetVersions.applicationId, bind('applicationId', applicationId)), scope))
    .orderBy(asc(roundBudgetVersions.round), asc(roundBudgetVersions.number));
}

/**
 * Every recorded version of an application's round budgets, newest first: when, why, who, and the
 * round's total before and after (null where a round had no table or no plan). Whoever may read the
 * application.
 */
export async function getBudgetHistory(ctx: CoreContext, { applicationId }: { applicationId: string }) {
  requirePermission(ctx.actor, 'application:read');
  const scope = applicationScope(ctx.actor);
  if (scope === null || !isRecordId(applicationId)) throw new NotFoundError('application');
  // The actor's scope inside the one query; only when it finds nothing is the application looked up,
  // to tell "no versions" from "not readable" (a guessed id from elsewhere is not found).
  const rows = await sendQuery(ctx.db, isSharedApplicationScope(ctx.actor) ? `budget_history_${scope ? 'sent' : 'all'}` : null, (bind) => versionsQuery(ctx.db, scope, applicationId, bind), { applicationId });
  const application = rows.length > 0 ? { id: applicationId } : await findReadableApplication(ctx, applicationId);
  const previous = new Map<number, number | null>();
  const entries = rows.map((r) => {
    const entry = { round: r.round, number: r.number, cause: r.cause, computedAt: r.computedAt, by: r.by ?? null, currency: r.currency, oldTotalMinor: previous.has(r.round) ? previous.get(r.round)! : null, newTotalMinor: r.totalMinor };
    previous.set(r.round, r.totalMinor);
    return entry;
  });
  return { applicationId: application.id, entries: entries.sort((a, b) => b.computedAt.getTime() - a.computedAt.getTime() || b.round - a.round || b.number - a.number) };
}

/** Why a round's budget was recorded again. */
export { BUDGET_CAUSES, type BudgetCause } from '../../db/schema/budgets.ts';
