import { and, asc, eq, gt, gte, lt, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { text } from '../input/text.ts';
import { calls } from '../../db/schema/calls.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { osloDate } from '../partnerships/check-deadline.ts';
import { callPhase, type CallPhase } from './call-window.ts';
import { uuidPattern } from '../records/record-id.ts';

export const CALL_PHASES = ['open', 'upcoming', 'closed'] as const satisfies readonly CallPhase[];

const empty = z.literal('').transform(() => undefined);

/** The public list's filters, as a GET form sends them (an empty choice means "all"). */
export const listCallsInput = z.object({
  programme: text().regex(uuidPattern, 'chooseProgramme').optional().or(empty),
  phase: z.enum(CALL_PHASES, { error: 'invalid' }).optional().or(empty),
});
export type ListCallsInput = z.infer<typeof listCallsInput>;

/** The phase as a where-clause, by today's date in Oslo, so it agrees with `callPhase`. */
function phaseFilter(phase: CallPhase, today: string): SQL {
  if (phase === 'upcoming') return gt(calls.opensOn, today);
  if (phase === 'closed') return lt(calls.deadline, today);
  return and(lte(calls.opensOn, today), gte(calls.deadline, today))!;
}

/**
 * Every call with its programme's name and where it stands today (open, upcoming, closed). Public:
 * anyone may see what the agency funds and until when. Open calls first, by nearest deadline.
 */
export async function listCalls(ctx: CoreContext, filters: ListCallsInput = {}) {
  const now = ctx.now();
  const where: SQL[] = [];
  if (filters.programme) where.push(eq(calls.programmeId, filters.programme));
  if (filters.phase) where.push(phaseFilter(filters.phase, osloDate(now)));
  const rows = await ctx.db
    .select({
      id: calls.id,
      title: calls.title,
      programmeId: calls.programmeId,
      programmeName: programmes.name,
      stage: calls.stage,
      opensOn: calls.opensOn,
      deadline: calls.deadline,
      budgetCeilingMinor: calls.budgetCeilingMinor,
      currency: calls.currency,
    })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(and(...where))
    .orderBy(asc(calls.deadline), asc(calls.title))
    .limit(500);
  const order: Record<CallPhase, number> = { open: 0, upcoming: 1, closed: 2 };
  return rows
    .map((row) => ({ ...row, phase: callPhase(row, now) }))
    .sort((a, b) => order[a.phase] - order[b.phase] || (a.phase === 'closed' ? b.deadline.localeCompare(a.deadline) : 0));
}
