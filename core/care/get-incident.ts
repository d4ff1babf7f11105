import { asc, eq, inArray } from 'drizzle-orm';
import { incidentNotes, incidentNotifications } from '../../db/schema/care.ts';
import { organisations } from '../../db/schema/organisations.ts';
import type { CoreContext } from '../context.ts';
import { emergencyPlanOf, findIncident } from './incident-record.ts';

/**
 * One incident, if the actor may see it (otherwise "not found", like a wrong id), with its notes, who was
 * told, the participant and both partners, the partnership's emergency plan, whether the actor follows it
 * up, and `version` for status changes.
 */
export async function getIncident(ctx: CoreContext, { incidentId }: { incidentId: string }) {
  const found = await findIncident(ctx, ctx.db, incidentId);
  const { incident, participant } = found;
  const [notes, told, orgs, emergency] = await Promise.all([
    ctx.db
      .select({ id: incidentNotes.id, body: incidentNotes.body, toStatus: incidentNotes.toStatus, by: incidentNotes.authorLabel, at: incidentNotes.at })
      .from(incidentNotes)
      .where(eq(incidentNotes.incidentId, incident.id))
      .orderBy(asc(incidentNotes.at), asc(incidentNotes.id)),
    ctx.db
      .select({ id: incidentNotifications.id, party: incidentNotifications.party, detail: incidentNotifications.detail, toldOn: incidentNotifications.toldOn, by: incidentNotifications.recordedByLabel })
      .from(incidentNotifications)
      .where(eq(incidentNotifications.incidentId, incident.id))
      .orderBy(asc(incidentNotifications.toldOn), asc(incidentNotifications.id)),
    ctx.db.select({ id: organisations.id, name: organisations.legalName }).from(organisations).where(inArray(organisations.id, [participant.homeOrganisationId, participant.hostOrganisationId])),
    emergencyPlanOf(ctx.db, participant.partnershipId),
  ]);
  const orgName = (id: string) => orgs.find((o) => o.id === id)?.name ?? '';
  return {
    ...incident,
    version: incident.updatedAt.toISOString(),
    participant: { id: participant.id, name: `${participant.givenName} ${participant.familyName}`, partnershipId: participant.partnershipId },
    homeOrganisation: orgName(participant.homeOrganisationId),
    hostOrganisation: orgName(participant.hostOrganisationId),
    notes,
    notifications: told,
    emergencyPlan: emergency.plan,
    canFollowUp: found.canFollowUp,
  };
}
