import { asc, isNotNull } from 'drizzle-orm';
import { applications } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { sharedRead } from '../../db/shared-read-cache.ts';
import type { CoreContext } from '../context.ts';

/** The choices of the applications list's filters: calls, programmes and the sectors in use. */
export function applicationFilterOptions(ctx: CoreContext) {
  return sharedRead(ctx.db, 'application-filter-options', () => readOptions(ctx));
}

async function readOptions(ctx: CoreContext) {
  const [callRows, programmeRows, sectorRows] = await Promise.all([
    ctx.db.select({ id: calls.id, title: calls.title }).from(calls).orderBy(asc(calls.title)),
    ctx.db.select({ code: programmes.code, name: programmes.name }).from(programmes).orderBy(asc(programmes.name)),
    ctx.db.selectDistinct({ code: applications.sectorCode }).from(applications).where(isNotNull(applications.sectorCode)),
  ]);
  return { calls: callRows, programmes: programmeRows, sectors: sectorRows.map((s) => s.code!).sort() };
}
