import { eq } from 'drizzle-orm';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { loadUnitCostTable } from './unit-cost-table-record.ts';

/** One version of a unit-cost table by its id, with its rates and its programme's name. Agency staff. */
export async function getUnitCostVersion(ctx: CoreContext, { tableId }: { tableId: string }) {
  requirePermission(ctx.actor, 'unit-cost:read');
  const table = await loadUnitCostTable(ctx.db, tableId);
  const [programme] = await ctx.db.select({ id: programmes.id, name: programmes.name }).from(programmes).where(eq(programmes.id, table.programmeId));
  return { table, programme: programme! };
}
