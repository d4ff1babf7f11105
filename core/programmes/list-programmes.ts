import { asc, eq, sql } from 'drizzle-orm';
import { calls } from '../../db/schema/calls.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';

/**
 * Every programme with its rules and how many calls it has. Public: the rules are published with
 * the calls (who may take part, for how long, in which shapes of partnership).
 */
export async function listProgrammes(ctx: CoreContext) {
  return ctx.db
    .select({
      id: programmes.id,
      code: programmes.code,
      name: programmes.name,
      minAge: programmes.minAge,
      maxAge: programmes.maxAge,
      stayMonths: programmes.stayMonths,
      allowedShapes: programmes.allowedShapes,
      callCount: sql<number>`count(${calls.id})::int`,
    })
    .from(programmes)
    .leftJoin(calls, eq(calls.programmeId, programmes.id))
    .groupBy(programmes.id)
    .orderBy(asc(programmes.name));
}
