import { and, eq, inArray } from 'drizzle-orm';
import { applications, planFlows } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import { lockApplicationsForBudgets, recordBudgetVersions } from '../budgets/record-budget-versions.ts';
import { unitCostTables } from '../../db/schema/unit-costs.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { requirePermission, requireUser } from '../identity/permissions.ts';
import { isVersion } from '../records/expected-version.ts';
import { isRecordId } from '../records/record-id.ts';
import { OPEN_BUDGET_STATUSES } from './preview-unit-cost-publication.ts';
import { missingRates } from './unit-cost-rates.ts';
import { readRates } from './unit-cost-table-record.ts';

/**
 * Publishes a draft as the programme's unit-cost table for its year, from then on the version new
 * budgets are computed with. The person publishing has seen its effect first (preview-unit-cost-publication.ts)
 * and presents the draft's version: a draft saved since is refused as stale, a draft with a rate
 * still unset as incomplete (409 `unitCostDraftIncomplete`, `missing` naming each). Once published a
 * version never changes again (also refused by the database). Budgets of approved applications keep the
 * version they were computed with; the stored round budgets of applications not yet approved
 * (OPEN_BUDGET_STATUSES) are recomputed in the same transaction, a new version (cause
 * `unitCostsPublished`) for each round whose result changes. Finance officers and administrators.
 */
export async function publishUnitCostTable(ctx: CoreContext, { tableId, version }: { tableId: string; version: string }): Promise<{ version: number; publishedAt: Date; budgetsChanged: number }> {
  requirePermission(ctx.actor, 'unit-cost:manage');
  const actor = requireUser(ctx.actor);
  if (!isRecordId(tableId)) throw new NotFoundError('unitCostTable');
  return ctx.db.transaction(async (tx) => {
    const [draft] = await tx.select().from(unitCostTables).where(eq(unitCostTables.id, tableId)).for('update');
    if (!draft) throw new NotFoundError('unitCostTable');
    if (draft.status !== 'draft') throw new DomainError('unitCostTableNotDraft', { status: 409, params: { version: draft.version } });
    const missing = missingRates(await readRates(tx, draft));
    if (missing.length > 0) throw new UnitCostDraftIncompleteError(missing.map((m) => m.field));
    const now = new Date(Math.max(ctx.now().getTime(), draft.updatedAt.getTime() + 1));
    const [published] = await tx
      .update(unitCostTables)
      .set({ status: 'published', publishedAt: now, publishedBy: actor.userId, updatedAt: now })
      .where(and(eq(unitCostTables.id, tableId), isVersion(unitCostTables.updatedAt, version)))
      .returning();
    if (!published) throw new DomainError('staleEdit', { status: 409 });
    // Budgets not yet approved follow the new version, recorded in this transaction; approved ones keep theirs.
    const open = await tx
      .selectDistinct({ id: applications.id })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .innerJoin(planFlows, eq(planFlows.applicationId, applications.id))
      .where(and(eq(calls.programmeId, draft.programmeId), inArray(applications.status, [...OPEN_BUDGET_STATUSES])));
    const ids = open.map((o) => o.id).sort();
    await lockApplicationsForBudgets(tx, ids);
    let budgetsChanged = 0;
    for (const id of ids) budgetsChanged += (await recordBudgetVersions(tx, { applicationId: id, cause: 'unitCostsPublished', userId: actor.userId, now })).length;
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'unit-cost-table.published',
      recordType: 'unit_cost_table',
      recordId: tableId,
      before: { status: 'draft' },
      after: { status: 'published', programmeId: draft.programmeId, year: draft.year, version: draft.version, budgetsChanged },
    });
    return { version: draft.version, publishedAt: now, budgetsChanged };
  });
}

/** A draft that cannot be published yet: `missing` names the input field of each rate still unset. */
export class UnitCostDraftIncompleteError extends DomainError {
  constructor(readonly missing: string[]) {
    super('unitCostDraftIncomplete', { status: 409, params: { count: missing.length } });
    this.name = 'UnitCostDraftIncompleteError';
  }
}
