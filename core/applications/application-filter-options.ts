import { asc, isNotNull } from 'drizzle-orm';
import { applications } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';

/** The choices of the applications list's filters: calls, programmes and the sectors in use. */
export async function applicationFilterOptions(ctx: CoreContext) {
  const [callRows, programmeRows, sectorRows] = await Promise.all([
    ctx.db.select({ id: calls.id, title: calls.title }).from(calls).orderBy(asc(calls.title)),
    ctx.db.select({ code: programmes.code, name: programmes.name }).from(programmes).orderBy(asc(programmes.name)),
    ctx.db.selectDistinct({ code: applications.sectorCode }).from(applications).where(isNotNull(applications.sectorCode)),
  ]);
  return { calls: callRows, programmes: programmeRows, sectors: sectorRows.map((s) => s.code!).sort() };
}
