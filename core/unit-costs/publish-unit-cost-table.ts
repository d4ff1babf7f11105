import { and, eq } from 'drizzle-orm';
import { unitCostTables } from '../../db/schema/unit-costs.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { requirePermission, requireUser } from '../identity/permissions.ts';
import { isVersion } from '../records/expected-version.ts';
import { isRecordId } from '../records/record-id.ts';
import { missingRates } from './unit-cost-rates.ts';
import { readRates } from './unit-cost-table-record.ts';

/**
 * Publishes a draft as the programme's unit-cost table for its year, from then on the version new
 * budgets are computed with. The person publishing has seen its effect first (preview-unit-cost-publication.ts)
 * and presents the draft's version: a draft saved since is refused as stale, a draft with a rate
 * still unset as incomplete (409 `unitCostDraftIncomplete`, `missing` naming each). Once published a
 * version never changes again (also refused by the database). Budgets of approved applications keep the
 * version they were computed with; only budgets not yet approved follow the new one (they are computed,
 * not stored, until round budgets are stored). Finance officers and administrators.
 */
export async function publishUnitCostTable(ctx: CoreContext, { tableId, version }: { tableId: string; version: string }): Promise<{ version: number; publishedAt: Date }> {
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
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'unit-cost-table.published',
      recordType: 'unit_cost_table',
      recordId: tableId,
      before: { status: 'draft' },
      after: { status: 'published', programmeId: draft.programmeId, year: draft.year, version: draft.version },
    });
    return { version: draft.version, publishedAt: now };
  });
}

/** A draft that cannot be published yet: `missing` names the input field of each rate still unset. */
export class UnitCostDraftIncompleteError extends DomainError {
  constructor(readonly missing: string[]) {
    super('unitCostDraftIncomplete', { status: 409, params: { count: missing.length } });
    this.name = 'UnitCostDraftIncompleteError';
  }
}
