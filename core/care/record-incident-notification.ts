import { z } from 'zod';
import { incidentNotifications, NOTIFIED_PARTIES } from '../../db/schema/care.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { text } from '../input/text.ts';
import { osloDate } from '../partnerships/check-deadline.ts';
import { actorLabel, lockIncidentForFollowUp } from './incident-record.ts';

export const incidentNotificationInput = z.object({
  /** Who was told: family, embassy, insurance, the agency, … */
  party: z.enum(NOTIFIED_PARTIES, { message: 'chooseNotifiedParty' }),
  /** Who exactly, or how. */
  detail: text().trim().max(300, 'tooLong'),
  /** The day they were told (not after today). */
  toldOn: z.iso.date('chooseDate'),
});

/** Records that someone was told about an incident, and when ("who was told"). */
export async function recordIncidentNotification(ctx: CoreContext, { incidentId, ...input }: z.infer<typeof incidentNotificationInput> & { incidentId: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { incident } = await lockIncidentForFollowUp(ctx, tx, incidentId);
    if (input.toldOn > osloDate(ctx.now())) throw new DomainError('dateInFuture', { field: 'toldOn' });
    const by = actorLabel(ctx.actor);
    await tx.insert(incidentNotifications).values({ incidentId: incident.id, ...input, recordedBy: by.id, recordedByLabel: by.label, recordedAt: ctx.now() });
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'incident.notification-recorded', recordType: 'incident', recordId: incident.id, after: input });
  });
}
