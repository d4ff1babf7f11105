import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { participants } from '../../db/schema/participants.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { text } from '../input/text.ts';
import { moveParticipantStatus } from './participant-lifecycle.ts';
import { emailParticipantParties, lockNominationForHost, recordStatusChange, statusName } from './participant-record.ts';

export const reasonInput = z.object({ reason: text().trim().min(1, 'giveReason').max(2000, 'tooLong') });
export type ReasonInput = z.infer<typeof reasonInput>;

/**
 * The host partner's coordinator declines a nomination, with a reason. A declined nomination ends: the
 * participant moves to `withdrawn` (with the reason in the status history), no longer counts against the
 * plan, and cannot be approved. The sending partner's coordinators and the person are told, each in
 * their own language.
 */
export async function declineNomination(ctx: CoreContext, { participantId: id, version, reason }: ReasonInput & { participantId: string; version: string }): Promise<{ version: string }> {
  requirePermission(ctx.actor, 'participant:decide-nomination');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const before = await lockNominationForHost(ctx, tx, id, version);
    const to = moveParticipantStatus(before.status, 'withdrawn');
    const [after] = await tx
      .update(participants)
      .set({
        hostDecision: 'declined',
        hostDecidedAt: now,
        hostDecidedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        hostDeclineReason: reason,
        status: to,
        statusReason: reason,
        updatedAt: new Date(),
      })
      .where(eq(participants.id, id))
      .returning();
    await recordStatusChange(tx, ctx, { participantId: id, from: before.status, to, reason, at: now });
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'participant.host-declined',
      recordType: 'participant',
      recordId: id,
      before: { hostDecision: before.hostDecision, status: before.status },
      after: { hostDecision: 'declined', status: to, hostDeclineReason: reason },
    });
    await emailParticipantParties(tx, ctx, after!, {
      template: 'nominationDecided',
      organisations: [after!.homeOrganisationId],
      participant: false,
      params: () => ({ decision: 'declined', reason }),
    });
    await emailParticipantParties(tx, ctx, after!, {
      template: 'participantStatus',
      organisations: [],
      participant: true,
      params: (locale) => ({ status: statusName(locale, to), reason }),
    });
    return { version: after!.updatedAt.toISOString() };
  });
}
