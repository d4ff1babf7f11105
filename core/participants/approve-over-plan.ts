import { eq } from 'drizzle-orm';
import { participants } from '../../db/schema/participants.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, ForbiddenError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import type { ReasonInput } from './decline-nomination.ts';
import { lockParticipant, requireVersion } from './participant-record.ts';

/**
 * An adviser (an administrator, or a programme adviser following the programme) lets a nomination go
 * beyond the number of people its plan flow foresees, with a reason: the nomination may then be approved
 * like any other. Refused (409) for a nomination within the plan, one already allowed, or one that is no
 * longer awaiting approval.
 */
export async function approveOverPlan(ctx: CoreContext, { participantId: id, version, reason }: ReasonInput & { participantId: string; version: string }): Promise<{ version: string }> {
  requirePermission(ctx.actor, 'participant:approve');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const { row: before, parties } = await lockParticipant(ctx, tx, id);
    if (!parties.includes('adviser')) throw new ForbiddenError('participant:approve');
    requireVersion(before, version);
    if (!before.overPlan || before.overPlanApprovedAt !== null || before.status !== 'nominated') throw new DomainError('notOverPlan', { status: 409 });
    const [after] = await tx
      .update(participants)
      .set({ overPlanApprovedAt: now, overPlanApprovedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, overPlanReason: reason, updatedAt: new Date() })
      .where(eq(participants.id, id))
      .returning();
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'participant.over-plan-approved',
      recordType: 'participant',
      recordId: id,
      before: { overPlanApprovedAt: null, overPlanReason: null },
      after: { overPlanApprovedAt: now.toISOString(), overPlanReason: reason },
    });
    return { version: after!.updatedAt.toISOString() };
  });
}
