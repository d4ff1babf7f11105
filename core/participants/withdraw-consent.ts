import { and, eq, isNull } from 'drizzle-orm';
import { participantConsents } from '../../db/schema/participant-self.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { lockOwnParticipant } from './participant-self.ts';

/** The participant withdraws their consent: every consent in force is marked withdrawn now. With none in force, nothing changes. */
export async function withdrawConsent(ctx: CoreContext, { participantId }: { participantId: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockOwnParticipant(ctx, tx, participantId);
    const now = ctx.now();
    const withdrawn = await tx
      .update(participantConsents)
      .set({ withdrawnAt: now })
      .where(and(eq(participantConsents.participantId, participantId), isNull(participantConsents.withdrawnAt)))
      .returning({ textVersion: participantConsents.textVersion });
    if (withdrawn.length === 0) return;
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'participant.consent-withdrawn', recordType: 'participant', recordId: participantId, before: { textVersion: withdrawn[0]!.textVersion }, after: { withdrawnAt: now.toISOString() } });
  });
}
