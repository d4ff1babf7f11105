import { and, desc, eq, lt, max } from 'drizzle-orm';
import { programmes } from '../../db/schema/programmes.ts';
import { unitCostTables } from '../../db/schema/unit-costs.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { requirePermission, requireUser } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';
import type { StartDraftInput } from './unit-cost-input.ts';
import { emptyRates } from './unit-cost-rates.ts';
import { auditedRates, readRates, writeDraftRates } from './unit-cost-table-record.ts';

/**
 * Starts the next version of a programme's unit-cost table for a year, as a draft: a copy of the
 * latest published version of that year, or else of the latest published version of the most recent
 * earlier year, or else empty. One draft at a time per programme and year: a second is refused
 * (409 `unitCostDraftExists`, naming the draft's version), also when two start at once (the partial
 * unique index). Finance officers and administrators.
 */
export async function startUnitCostDraft(ctx: CoreContext, { programmeId, year }: StartDraftInput & { programmeId: string }): Promise<{ id: string; version: number; basedOn: { year: number; version: number } | null }> {
  requirePermission(ctx.actor, 'unit-cost:manage');
  const actor = requireUser(ctx.actor);
  if (!isRecordId(programmeId)) throw new NotFoundError('programme');
  return ctx.db.transaction(async (tx) => {
    // One start at a time per programme: the version number and the copy are read under the lock.
    const [programme] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, programmeId)).for('update');
    if (!programme) throw new NotFoundError('programme');
    const ofYear = and(eq(unitCostTables.programmeId, programmeId), eq(unitCostTables.year, year));
    const [draft] = await tx.select({ version: unitCostTables.version }).from(unitCostTables).where(and(ofYear, eq(unitCostTables.status, 'draft')));
    if (draft) throw new DomainError('unitCostDraftExists', { status: 409, params: { year: String(year), version: draft.version } });
    const [source] = await tx
      .select()
      .from(unitCostTables)
      .where(and(eq(unitCostTables.programmeId, programmeId), eq(unitCostTables.status, 'published'), lt(unitCostTables.year, year + 1)))
      .orderBy(desc(unitCostTables.year), desc(unitCostTables.version))
      .limit(1);
    const [{ latest } = { latest: null }] = await tx.select({ latest: max(unitCostTables.version) }).from(unitCostTables).where(ofYear);
    const version = (latest ?? 0) + 1;
    const now = ctx.now();
    const [row] = await tx
      .insert(unitCostTables)
      .values({ programmeId, year, version, status: 'draft', currency: source?.currency ?? 'NOK', basedOnId: source?.id ?? null, createdBy: actor.userId, createdAt: now, updatedAt: now })
      .returning();
    const rates = source ? await readRates(tx, source) : emptyRates();
    await writeDraftRates(tx, row!.id, rates, now);
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'unit-cost-table.draft-started',
      recordType: 'unit_cost_table',
      recordId: row!.id,
      after: { programmeId, year, version, basedOn: source ? `${source.year} v${source.version}` : null, ...auditedRates(rates) },
    });
    return { id: row!.id, version, basedOn: source ? { year: source.year, version: source.version } : null };
  });
}
