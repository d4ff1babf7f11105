import { and, eq } from 'drizzle-orm';
import { unitCostTables } from '../../db/schema/unit-costs.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { isVersion } from '../records/expected-version.ts';
import { isRecordId } from '../records/record-id.ts';
import type { UnitCostDraftInput } from './unit-cost-input.ts';
import type { DraftRates } from './unit-cost-rates.ts';
import { auditedRates, readRates, writeDraftRates } from './unit-cost-table-record.ts';

/**
 * Saves a draft's rates and cost groups (the whole table at once, as the editor sends it) if nobody
 * saved the draft since the editor loaded it (`version`, its `updatedAt`): a stale save is refused
 * (409 `staleEdit`) and changes nothing. A published version is never changed (409 `unitCostTableNotDraft`).
 * The audit entry holds the rates that changed. Finance officers and administrators.
 */
export async function updateUnitCostDraft(ctx: CoreContext, { tableId, version, ...input }: UnitCostDraftInput & { tableId: string; version: string }): Promise<{ updatedAt: Date }> {
  requirePermission(ctx.actor, 'unit-cost:manage');
  if (!isRecordId(tableId)) throw new NotFoundError('unitCostTable');
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(unitCostTables).where(eq(unitCostTables.id, tableId)).for('update');
    if (!before) throw new NotFoundError('unitCostTable');
    if (before.status !== 'draft') throw new DomainError('unitCostTableNotDraft', { status: 409, params: { version: before.version } });
    const [current] = await tx.select({ id: unitCostTables.id }).from(unitCostTables).where(and(eq(unitCostTables.id, tableId), isVersion(unitCostTables.updatedAt, version)));
    if (!current) throw new DomainError('staleEdit', { status: 409 });
    const previous = await readRates(tx, before);
    const rates: DraftRates = {
      currency: before.currency,
      allowances: input.allowances,
      countries: input.countries,
      travel: input.travel,
      insurancePerMonthMinor: input.insurancePerMonth,
      preparatoryCourseMinor: input.preparatoryCourse,
      visaMinor: input.visa,
      healthMinor: input.health,
      adminShareBasisPoints: input.adminShare,
    };
    // A new version even within the same millisecond as the last save, so that version stays stale.
    const now = new Date(Math.max(ctx.now().getTime(), before.updatedAt.getTime() + 1));
    await writeDraftRates(tx, tableId, rates, now);
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'unit-cost-table.draft-updated', recordType: 'unit_cost_table', recordId: tableId, before: auditedRates(previous), after: auditedRates(rates) });
    return { updatedAt: now };
  });
}
