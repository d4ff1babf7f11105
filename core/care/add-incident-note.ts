import { z } from 'zod';
import { incidentNotes } from '../../db/schema/care.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { text } from '../input/text.ts';
import { actorLabel, lockIncidentForFollowUp } from './incident-record.ts';

export const incidentNoteInput = z.object({ body: text().trim().min(1, 'required').max(8000, 'tooLong') });

/** A follow-up note on an incident, by someone who follows it up (coordinators concerned, the agency). */
export async function addIncidentNote(ctx: CoreContext, { incidentId, body }: z.infer<typeof incidentNoteInput> & { incidentId: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { incident } = await lockIncidentForFollowUp(ctx, tx, incidentId);
    const by = actorLabel(ctx.actor);
    await tx.insert(incidentNotes).values({ incidentId: incident.id, body, authorId: by.id, authorLabel: by.label, at: ctx.now() });
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'incident.note-added', recordType: 'incident', recordId: incident.id, after: { note: body } });
  });
}
