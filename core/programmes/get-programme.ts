import { asc, desc, eq } from 'drizzle-orm';
import { calls } from '../../db/schema/calls.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { isRecordId } from '../records/record-id.ts';

/** A programme with its rules and its calls, newest first. Public, like the rules themselves. */
export async function getProgramme(ctx: CoreContext, { programmeId: id }: { programmeId: string }) {
  if (!isRecordId(id)) throw new NotFoundError('programme');
  const [programme] = await ctx.db.select().from(programmes).where(eq(programmes.id, id));
  if (!programme) throw new NotFoundError('programme');
  const programmeCalls = await ctx.db
    .select({ id: calls.id, title: calls.title, opensOn: calls.opensOn, deadline: calls.deadline, stage: calls.stage })
    .from(calls)
    .where(eq(calls.programmeId, id))
    .orderBy(desc(calls.opensOn), asc(calls.title));
  return { programme, calls: programmeCalls };
}
