import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { participantProfiles } from '../../db/schema/participant-self.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { text } from '../input/text.ts';
import { lockOwnParticipant } from './participant-self.ts';

export const profileInput = z.object({
  phone: text().trim().max(40, 'tooLong'),
  homeAddress: text().trim().max(500, 'tooLong'),
  addressAbroad: text().trim().max(500, 'tooLong'),
  languages: text().trim().max(200, 'tooLong'),
  notes: text().trim().max(2000, 'tooLong'),
});
export type ProfileInput = z.infer<typeof profileInput>;

/**
 * The participant saves their own profile. `version` is the profile's version as they loaded it: '' for
 * one never saved. Someone (the same person in another tab) who saved in between makes it stale (409),
 * and nothing changes.
 */
export async function updateParticipantProfile(ctx: CoreContext, { participantId, version, ...input }: ProfileInput & { participantId: string; version: string }): Promise<{ version: string }> {
  return ctx.db.transaction(async (tx) => {
    await lockOwnParticipant(ctx, tx, participantId);
    const [before] = await tx.select().from(participantProfiles).where(eq(participantProfiles.participantId, participantId));
    const current = before ? before.updatedAt.toISOString() : '';
    if (version !== current) throw new DomainError('staleEdit', { status: 409 });
    const now = new Date();
    const [after] = await tx
      .insert(participantProfiles)
      .values({ participantId, ...input, updatedAt: now })
      .onConflictDoUpdate({ target: participantProfiles.participantId, set: { ...input, updatedAt: now } })
      .returning();
    const pick = (r: typeof before) => (r ? { phone: r.phone, homeAddress: r.homeAddress, addressAbroad: r.addressAbroad, languages: r.languages, notes: r.notes } : null);
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'participant.profile-saved', recordType: 'participant', recordId: participantId, before: pick(before) ?? {}, after: pick(after)! });
    return { version: after!.updatedAt.toISOString() };
  });
}
