import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { incidentNotes, incidents, INCIDENT_STATUSES } from '../../db/schema/care.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { text } from '../input/text.ts';
import { requireVersion } from '../participants/participant-record.ts';
import { actorLabel, lockIncidentForFollowUp } from './incident-record.ts';

export const incidentStatusInput = z.object({
  status: z.enum(INCIDENT_STATUSES, { message: 'chooseIncidentStatus' }),
  /** Why, or what was done: kept as a note with the change. */
  note: text().trim().max(8000, 'tooLong'),
});

/**
 * Moves an incident to open, being followed up, or closed (any of them from any other: a closed incident
 * can be opened again), with an optional note. Needs the version it was loaded with: a stale one is refused.
 */
export async function changeIncidentStatus(ctx: CoreContext, { incidentId, status, note, version }: z.infer<typeof incidentStatusInput> & { incidentId: string; version: string }): Promise<{ version: string }> {
  return ctx.db.transaction(async (tx) => {
    const { incident } = await lockIncidentForFollowUp(ctx, tx, incidentId);
    requireVersion(incident, version);
    if (incident.status === status) throw new DomainError('incidentStatusUnchanged', { field: 'status' });
    const now = ctx.now();
    const updatedAt = now.getTime() > incident.updatedAt.getTime() ? now : new Date(incident.updatedAt.getTime() + 1);
    await tx.update(incidents).set({ status, updatedAt }).where(eq(incidents.id, incident.id));
    const by = actorLabel(ctx.actor);
    await tx.insert(incidentNotes).values({ incidentId: incident.id, body: note, toStatus: status, authorId: by.id, authorLabel: by.label, at: now });
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'incident.status-changed', recordType: 'incident', recordId: incident.id, before: { status: incident.status }, after: { status, note } });
    return { version: updatedAt.toISOString() };
  });
}
