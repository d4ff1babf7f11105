import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { engagementPlans } from '../../db/schema/care.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { text } from '../input/text.ts';
import { ownParticipant } from './own-participant.ts';

export const engagementPlanInput = z.object({ plan: text().trim().max(8000, 'tooLong') });

/**
 * Saves the participant's home-engagement plan. `version` is the plan's version as loaded ('' before the
 * first save): if someone saved since (the same person in another tab), nothing is saved (staleEdit, 409).
 */
export async function updateEngagementPlan(ctx: CoreContext, { plan, version }: z.infer<typeof engagementPlanInput> & { version: string }): Promise<{ version: string }> {
  return ctx.db.transaction(async (tx) => {
    const me = await ownParticipant(ctx, tx, { lock: true });
    const [current] = await tx.select().from(engagementPlans).where(eq(engagementPlans.participantId, me.id));
    const currentVersion = current?.updatedAt.toISOString() ?? '';
    if (version !== currentVersion) throw new DomainError('staleEdit', { status: 409 });
    const now = ctx.now();
    const updatedAt = current && now.getTime() <= current.updatedAt.getTime() ? new Date(current.updatedAt.getTime() + 1) : now;
    await tx.insert(engagementPlans).values({ participantId: me.id, plan, updatedAt }).onConflictDoUpdate({ target: engagementPlans.participantId, set: { plan, updatedAt } });
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'engagement.plan-updated', recordType: 'participant', recordId: me.id, before: { plan: current?.plan ?? '' }, after: { plan } });
    return { version: updatedAt.toISOString() };
  });
}
