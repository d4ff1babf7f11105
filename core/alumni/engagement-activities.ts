import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { engagementActivities } from '../../db/schema/care.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { text } from '../input/text.ts';
import { osloDate } from '../partnerships/check-deadline.ts';
import { isRecordId } from '../records/record-id.ts';
import { BACK_HOME, ownParticipant } from './own-participant.ts';

export const engagementActivityInput = z.object({
  what: text().trim().min(1, 'required').max(500, 'tooLong'),
  place: text().trim().max(300, 'tooLong'),
  heldOn: z.iso.date('chooseDate'),
  peopleReached: z.coerce.number({ message: 'invalidPeopleReached' }).int('invalidPeopleReached').min(0, 'invalidPeopleReached').max(1_000_000, 'invalidPeopleReached'),
});

/** Logs one activity at home after return (a talk, a workshop, an article): what, where, when, how many people it reached. */
export async function addEngagementActivity(ctx: CoreContext, input: z.infer<typeof engagementActivityInput>): Promise<{ id: string }> {
  return ctx.db.transaction(async (tx) => {
    const me = await ownParticipant(ctx, tx, { lock: true });
    if (!(BACK_HOME as readonly string[]).includes(me.status)) throw new DomainError('notBackHomeYet', { status: 409 });
    if (input.heldOn > osloDate(ctx.now())) throw new DomainError('dateInFuture', { field: 'heldOn' });
    const [row] = await tx.insert(engagementActivities).values({ participantId: me.id, ...input, createdAt: ctx.now() }).returning({ id: engagementActivities.id });
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'engagement.activity-added', recordType: 'participant', recordId: me.id, after: { activityId: row!.id, ...input } });
    return { id: row!.id };
  });
}

/** Removes one of the participant's own activities; another's, or a guessed id, is not found. */
export async function removeEngagementActivity(ctx: CoreContext, { activityId }: { activityId: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const me = await ownParticipant(ctx, tx, { lock: true });
    if (!isRecordId(activityId)) throw new NotFoundError('engagementActivity');
    const [gone] = await tx.delete(engagementActivities).where(and(eq(engagementActivities.id, activityId), eq(engagementActivities.participantId, me.id))).returning();
    if (!gone) throw new NotFoundError('engagementActivity');
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'engagement.activity-removed', recordType: 'participant', recordId: me.id, before: { activityId: gone.id, what: gone.what, place: gone.place, heldOn: gone.heldOn, peopleReached: gone.peopleReached } });
  });
}
