import { asc, eq } from 'drizzle-orm';
import { callCriteria, calls } from '../../db/schema/calls.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { callPhase } from './call-window.ts';
import { isRecordId } from '../records/record-id.ts';

/**
 * A call's public page: dates, ceiling, priorities, its scoring criteria in order, and the rules of its
 * programme (ages, stay lengths, shapes, documents), with where it stands at `now`.
 */
export async function getCall(ctx: CoreContext, { callId: id }: { callId: string }) {
  const now = ctx.now();
  if (!isRecordId(id)) throw new NotFoundError('call');
  const [row] = await ctx.db
    .select({ call: calls, programme: programmes })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(eq(calls.id, id));
  if (!row) throw new NotFoundError('call');
  const criteria = await ctx.db
    .select({ id: callCriteria.id, name: callCriteria.name, weight: callCriteria.weight, position: callCriteria.position })
    .from(callCriteria)
    .where(eq(callCriteria.callId, id))
    .orderBy(asc(callCriteria.position));
  return { call: row.call, programme: row.programme, criteria, phase: callPhase(row.call, now) };
}
