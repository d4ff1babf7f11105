import { and, desc, eq } from 'drizzle-orm';
import { user } from '../../db/schema/auth.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { unitCostTables } from '../../db/schema/unit-costs.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { can, requirePermission } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';
import { loadUnitCostTable, type UnitCostTable } from './unit-cost-table-record.ts';

export interface UnitCostVersionSummary {
  id: string;
  version: number;
  status: 'draft' | 'published';
  basedOnId: string | null;
  publishedAt: Date | null;
  publishedByName: string | null;
  createdAt: Date;
}

/**
 * A programme's unit-cost table for a year, with its versions (newest first): the version asked for
 * (`version`), else the published one budgets are computed with now, with all its rates; the draft, if
 * there is one; and the history. A version number that does not exist is not found; a year without any
 * version is an empty history (so that a first draft can be started from its page). Agency staff.
 */
export async function getUnitCostTable(ctx: CoreContext, { programmeId, year, version }: { programmeId: string; year: number; version?: number }) {
  requirePermission(ctx.actor, 'unit-cost:read');
  if (!isRecordId(programmeId)) throw new NotFoundError('programme');
  const [programme] = await ctx.db.select({ id: programmes.id, name: programmes.name }).from(programmes).where(eq(programmes.id, programmeId));
  if (!programme) throw new NotFoundError('programme');
  const versions: UnitCostVersionSummary[] = await ctx.db
    .select({
      id: unitCostTables.id,
      version: unitCostTables.version,
      status: unitCostTables.status,
      basedOnId: unitCostTables.basedOnId,
      publishedAt: unitCostTables.publishedAt,
      publishedByName: user.name,
      createdAt: unitCostTables.createdAt,
    })
    .from(unitCostTables)
    .leftJoin(user, eq(user.id, unitCostTables.publishedBy))
    .where(and(eq(unitCostTables.programmeId, programmeId), eq(unitCostTables.year, year)))
    .orderBy(desc(unitCostTables.version));
  const wanted = version === undefined ? versions.find((v) => v.status === 'published') : versions.find((v) => v.version === version);
  if (version !== undefined && !wanted) throw new NotFoundError('unitCostTable');
  const shown: UnitCostTable | null = wanted ? await loadUnitCostTable(ctx.db, wanted.id) : null;
  const draft = versions.find((v) => v.status === 'draft') ?? null;
  const current = versions.find((v) => v.status === 'published') ?? null;
  return { programme, year, shown, current, draft, versions, canManage: can(ctx.actor, 'unit-cost:manage') };
}
