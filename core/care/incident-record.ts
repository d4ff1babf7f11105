import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { programmeAdvisers } from '../../db/schema/access.ts';
import { applications } from '../../db/schema/applications.ts';
import { incidents } from '../../db/schema/care.ts';
import { participants } from '../../db/schema/participants.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import type { CoreContext } from '../context.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { isRecordId } from '../records/record-id.ts';
import { followsUp, incidentScope } from './incident-scope.ts';
import { withinScope } from '../participants/participant-scope.ts';

export type IncidentRow = typeof incidents.$inferSelect;

/** Does this user follow the programme as an adviser? */
export async function advises(db: Database, actor: Actor, programmeId: string): Promise<boolean> {
  if (actor.kind !== 'user' || !actor.agencyRoles.includes('programme_adviser')) return false;
  const [row] = await db
    .select({ userId: programmeAdvisers.userId })
    .from(programmeAdvisers)
    .where(and(eq(programmeAdvisers.userId, actor.userId), eq(programmeAdvisers.programmeId, programmeId)));
  return Boolean(row);
}

/**
 * The incident with its participant's organisations and programme, if the actor may see it; otherwise,
 * and for an id that is no id, "not found". `lock` takes a row lock for the caller's transaction.
 */
export async function findIncident(ctx: CoreContext, db: Database, id: string, { lock = false }: { lock?: boolean } = {}) {
  if (ctx.actor.kind === 'visitor') throw new UnauthenticatedError();
  if (!isRecordId(id)) throw new NotFoundError('incident');
  const query = db
    .select({
      incident: incidents,
      participant: {
        id: participants.id,
        givenName: participants.givenName,
        familyName: participants.familyName,
        homeOrganisationId: participants.homeOrganisationId,
        hostOrganisationId: participants.hostOrganisationId,
        partnershipId: participants.partnershipId,
      },
      programmeId: partnerships.programmeId,
    })
    .from(incidents)
    .innerJoin(participants, eq(participants.id, incidents.participantId))
    .innerJoin(partnerships, eq(partnerships.id, participants.partnershipId))
    .where(withinScope(incidentScope(ctx.actor), eq(incidents.id, id)));
  const [row] = lock ? await query.for('update', { of: incidents }) : await query;
  if (!row) throw new NotFoundError('incident');
  const canFollowUp = followsUp(ctx.actor, row.participant, await advises(db, ctx.actor, row.programmeId));
  return { ...row, canFollowUp };
}

/** The incident, locked, for someone who follows it up; the participant who reported it may read it but not change it. */
export async function lockIncidentForFollowUp(ctx: CoreContext, tx: Database, id: string) {
  const found = await findIncident(ctx, tx, id, { lock: true });
  if (!found.canFollowUp) throw new ForbiddenError('incident:follow-up');
  return found;
}

/** The emergency plan of the partnership's latest granted stage (the application's emergency step), or '' when there is none. */
export async function emergencyPlanOf(db: Database, partnershipId: string): Promise<{ plan: string; applicationId: string | null }> {
  const [row] = await db
    .select({ plan: applications.emergencyPlan, applicationId: applications.id })
    .from(partnershipStages)
    .innerJoin(applications, eq(applications.id, partnershipStages.applicationId))
    .where(eq(partnershipStages.partnershipId, partnershipId))
    .orderBy(desc(partnershipStages.startsOn), desc(partnershipStages.createdAt))
    .limit(1);
  return { plan: row?.plan ?? '', applicationId: row?.applicationId ?? null };
}

export function actorLabel(actor: Actor): { id: string | null; label: string } {
  if (actor.kind === 'user') return { id: actor.userId, label: actor.email };
  if (actor.kind === 'system') return { id: null, label: `system:${actor.label}` };
  return { id: null, label: 'visitor' };
}
