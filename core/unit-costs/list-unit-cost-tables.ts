import { asc, desc, eq } from 'drizzle-orm';
import { programmes } from '../../db/schema/programmes.ts';
import { unitCostTables } from '../../db/schema/unit-costs.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { can, requirePermission } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';

export interface UnitCostYearSummary {
  programmeId: string;
  programmeName: string;
  year: number;
  /** The version budgets of that year are computed with now, if one is published. */
  published: { id: string; version: number; publishedAt: Date } | null;
  draft: { id: string; version: number } | null;
  versions: number;
}

/**
 * A programme's unit-cost tables, one entry per year (newest year first) with its current published
 * version, its draft and how many versions it has had; without `programmeId`, every programme's, each
 * programme (by name) with its years. Agency staff; `canManage` says whether the reader may start and
 * publish versions.
 */
export async function listUnitCostTables(ctx: CoreContext, { programmeId }: { programmeId?: string } = {}) {
  requirePermission(ctx.actor, 'unit-cost:read');
  let programme: { id: string; name: string } | null = null;
  if (programmeId !== undefined) {
    if (!isRecordId(programmeId)) throw new NotFoundError('programme');
    [programme = null] = await ctx.db.select({ id: programmes.id, name: programmes.name }).from(programmes).where(eq(programmes.id, programmeId));
    if (!programme) throw new NotFoundError('programme');
  }
  const rows = await ctx.db
    .select({
      id: unitCostTables.id,
      programmeId: unitCostTables.programmeId,
      programmeName: programmes.name,
      year: unitCostTables.year,
      version: unitCostTables.version,
      status: unitCostTables.status,
      publishedAt: unitCostTables.publishedAt,
    })
    .from(unitCostTables)
    .innerJoin(programmes, eq(programmes.id, unitCostTables.programmeId))
    .where(programmeId ? eq(unitCostTables.programmeId, programmeId) : undefined)
    .orderBy(asc(programmes.name), asc(unitCostTables.programmeId), desc(unitCostTables.year), desc(unitCostTables.version));
  const years: UnitCostYearSummary[] = [];
  for (const row of rows) {
    let entry = years.at(-1);
    if (!entry || entry.programmeId !== row.programmeId || entry.year !== row.year) {
      entry = { programmeId: row.programmeId, programmeName: row.programmeName, year: row.year, published: null, draft: null, versions: 0 };
      years.push(entry);
    }
    entry.versions += 1;
    if (row.status === 'draft') entry.draft = { id: row.id, version: row.version };
    else if (!entry.published) entry.published = { id: row.id, version: row.version, publishedAt: row.publishedAt! };
  }
  return { programme, years, canManage: can(ctx.actor, 'unit-cost:manage') };
}
