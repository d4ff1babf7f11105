import { and, eq } from 'drizzle-orm';
import { emergencyContacts } from '../../db/schema/participant-self.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { isRecordId } from '../records/record-id.ts';
import { lockOwnParticipant } from './participant-self.ts';

/** The participant removes one of their emergency contacts; one that is not theirs (or not there) is "not found". */
export async function removeEmergencyContact(ctx: CoreContext, { participantId, contactId }: { participantId: string; contactId: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockOwnParticipant(ctx, tx, participantId);
    if (!isRecordId(contactId)) throw new NotFoundError('emergencyContact');
    const [removed] = await tx.delete(emergencyContacts).where(and(eq(emergencyContacts.id, contactId), eq(emergencyContacts.participantId, participantId))).returning();
    if (!removed) throw new NotFoundError('emergencyContact');
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'participant.emergency-contact-removed',
      recordType: 'participant',
      recordId: participantId,
      before: { contactId, name: removed.name, relation: removed.relation, phone: removed.phone, email: removed.email },
    });
  });
}
