import { and, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { emergencyContacts } from '../../db/schema/participant-self.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { text } from '../input/text.ts';
import { isRecordId } from '../records/record-id.ts';
import { lockOwnParticipant } from './participant-self.ts';

export const MAX_EMERGENCY_CONTACTS = 5;

export const emergencyContactInput = z.object({
  name: text().trim().min(1, 'required').max(200, 'tooLong'),
  relation: text().trim().min(1, 'required').max(100, 'tooLong'),
  phone: text().trim().min(1, 'required').max(40, 'tooLong'),
  email: z.union([z.literal(''), z.email('invalidEmail').trim().toLowerCase().max(254, 'invalidEmail')]),
});
export type EmergencyContactInput = z.infer<typeof emergencyContactInput>;

/**
 * The participant adds an emergency contact (no `contactId`) or changes one (`contactId` and the
 * `version` they loaded; a stale one is 409 and changes nothing). At most five.
 */
export async function saveEmergencyContact(
  ctx: CoreContext,
  { participantId, contactId, version, ...input }: EmergencyContactInput & { participantId: string; contactId?: string; version?: string },
): Promise<{ id: string; version: string }> {
  return ctx.db.transaction(async (tx) => {
    await lockOwnParticipant(ctx, tx, participantId);
    const audit = { ...ctx, db: tx };
    if (contactId === undefined) {
      const [n] = await tx.select({ n: count() }).from(emergencyContacts).where(eq(emergencyContacts.participantId, participantId));
      if ((n?.n ?? 0) >= MAX_EMERGENCY_CONTACTS) throw new DomainError('tooManyEmergencyContacts', { params: { max: MAX_EMERGENCY_CONTACTS }, status: 409 });
      const [row] = await tx.insert(emergencyContacts).values({ participantId, ...input }).returning();
      await recordAudit(tx, audit, { action: 'participant.emergency-contact-added', recordType: 'participant', recordId: participantId, after: { contactId: row!.id, name: input.name, relation: input.relation, phone: input.phone, email: input.email } });
      return { id: row!.id, version: row!.updatedAt.toISOString() };
    }
    if (!isRecordId(contactId)) throw new NotFoundError('emergencyContact');
    const [before] = await tx.select().from(emergencyContacts).where(and(eq(emergencyContacts.id, contactId), eq(emergencyContacts.participantId, participantId)));
    if (!before) throw new NotFoundError('emergencyContact');
    if (version !== before.updatedAt.toISOString()) throw new DomainError('staleEdit', { status: 409 });
    const [after] = await tx.update(emergencyContacts).set({ ...input, updatedAt: new Date() }).where(eq(emergencyContacts.id, contactId)).returning();
    await recordAudit(tx, audit, {
      action: 'participant.emergency-contact-changed',
      recordType: 'participant',
      recordId: participantId,
      before: { contactId, name: before.name, relation: before.relation, phone: before.phone, email: before.email },
      after: { contactId, ...input },
    });
    return { id: contactId, version: after!.updatedAt.toISOString() };
  });
}
