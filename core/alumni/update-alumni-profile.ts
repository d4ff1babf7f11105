import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { alumniProfiles } from '../../db/schema/care.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { text } from '../input/text.ts';
import { ownParticipant } from './own-participant.ts';

const flag = z.union([z.boolean(), z.enum(['on', 'true', 'false', '']).transform((v) => v === 'on' || v === 'true')]);

export const alumniProfileInput = z.object({
  /** Listed in the alumni directory (opt-in). */
  listed: flag,
  profession: text().trim().max(200, 'tooLong'),
  bio: text().trim().max(1000, 'tooLong'),
  /** Shown in the directory only when `showEmail` is on. */
  contactEmail: z.union([z.literal(''), z.email('invalidEmail').trim().toLowerCase().max(254, 'invalidEmail')]),
  showEmail: flag,
});

/** An alumnus' directory profile: listed or not, profession, a short bio and whether the contact email is shown. Only at status alumni. */
export async function updateAlumniProfile(ctx: CoreContext, input: z.infer<typeof alumniProfileInput>): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const me = await ownParticipant(ctx, tx, { lock: true });
    if (me.status !== 'alumni') throw new DomainError('notAlumni', { status: 409 });
    if (input.showEmail && !input.contactEmail) throw new DomainError('required', { field: 'contactEmail' });
    const [before] = await tx.select().from(alumniProfiles).where(eq(alumniProfiles.participantId, me.id));
    const values = { ...input, updatedAt: ctx.now() };
    await tx.insert(alumniProfiles).values({ participantId: me.id, ...values }).onConflictDoUpdate({ target: alumniProfiles.participantId, set: values });
    const { updatedAt: _, participantId: __, ...old } = before ?? { updatedAt: null, participantId: null };
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'alumni.profile-updated', recordType: 'participant', recordId: me.id, before: before ? old : null, after: input });
  });
}
