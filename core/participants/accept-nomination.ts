import { eq } from 'drizzle-orm';
import { participants } from '../../db/schema/participants.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { emailParticipantParties, lockNominationForHost } from './participant-record.ts';

/**
 * The host partner's coordinator accepts a nomination: the person may then be approved by an adviser
 * (move-participant.ts). `version` is the participant's version the coordinator saw. The sending
 * partner's coordinators are told, each in their own language.
 */
export async function acceptNomination(ctx: CoreContext, { participantId: id, version }: { participantId: string; version: string }): Promise<{ version: string }> {
  requirePermission(ctx.actor, 'participant:decide-nomination');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const before = await lockNominationForHost(ctx, tx, id, version);
    const [after] = await tx
      .update(participants)
      .set({ hostDecision: 'accepted', hostDecidedAt: now, hostDecidedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, updatedAt: new Date() })
      .where(eq(participants.id, id))
      .returning();
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'participant.host-accepted',
      recordType: 'participant',
      recordId: id,
      before: { hostDecision: before.hostDecision },
      after: { hostDecision: after!.hostDecision, hostDecidedAt: now.toISOString() },
    });
    await emailParticipantParties(tx, ctx, after!, {
      template: 'nominationDecided',
      organisations: [after!.homeOrganisationId],
      participant: false,
      params: () => ({ decision: 'accepted', reason: 'none' }),
    });
    return { version: after!.updatedAt.toISOString() };
  });
}
