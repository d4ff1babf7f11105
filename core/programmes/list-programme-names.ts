import { asc } from 'drizzle-orm';
import { programmes } from '../../db/schema/programmes.ts';
import { sharedRead } from '../../db/shared-read-cache.ts';
import type { CoreContext } from '../context.ts';

/**
 * Every programme's id, code and name, by name: the filters' choices and the finance year's rows. The
 * same for everyone who may see the page that asks, so kept in memory between writes
 * (db/shared-read-cache.ts). Whoever calls it has checked the page's permission.
 */
export function listProgrammeNames(ctx: CoreContext) {
  return sharedRead(ctx.db, 'programme-names', () => ctx.db.select({ id: programmes.id, code: programmes.code, name: programmes.name }).from(programmes).orderBy(asc(programmes.name)));
}
