import { asc, desc, eq } from 'drizzle-orm';
import { calls } from '../../db/schema/calls.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';

/** A record id as the database makes them; anything else is "not found" without asking the database. */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A programme with its rules and its calls, newest first. Public, like the rules themselves. */
export async function getProgramme(ctx: CoreContext, id: string) {
  if (!uuidPattern.test(id)) throw new NotFoundError('programme');
  const [programme] = await ctx.db.select().from(programmes).where(eq(programmes.id, id));
  if (!programme) throw new NotFoundError('programme');
  const programmeCalls = await ctx.db
    .select({ id: calls.id, title: calls.title, opensOn: calls.opensOn, deadline: calls.deadline, stage: calls.stage })
    .from(calls)
    .where(eq(calls.programmeId, id))
    .orderBy(desc(calls.opensOn), asc(calls.title));
  return { programme, calls: programmeCalls };
}
