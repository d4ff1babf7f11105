import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { osloDate } from '../partnerships/check-deadline.ts';
import { findOverdueReports, type OverdueReport } from './overdue-report-facts.ts';
import { participantScope, withinScope } from './participant-scope.ts';

/** At most this many rows are listed; `total` says how many there are. */
export const OVERDUE_LIMIT = 500;

/**
 * The participants' reports that are overdue today (in Førde): due (report-due-dates.ts) and not
 * submitted. Advisers see the participants of the programmes they follow, coordinators those their
 * organisations send or host, administrators everyone (participant-scope.ts).
 */
export async function listOverdueReports(ctx: CoreContext): Promise<{ items: OverdueReport[]; total: number; today: string }> {
  requirePermission(ctx.actor, 'report:list-overdue');
  const today = osloDate(ctx.now());
  const scope = participantScope(ctx.actor.kind === 'user' ? { ...ctx.actor, participantIds: [] } : ctx.actor);
  const all = await findOverdueReports(ctx.db, withinScope(scope), today);
  return { items: all.slice(0, OVERDUE_LIMIT), total: all.length, today };
}
