import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { incidents, INCIDENT_SEVERITIES, INCIDENT_STATUSES } from '../../db/schema/care.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { participants } from '../../db/schema/participants.ts';
import type { CoreContext } from '../context.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import { withinScope } from '../participants/participant-scope.ts';
import { incidentScope } from './incident-scope.ts';

const home = alias(organisations, 'home');
const host = alias(organisations, 'host');

/** Filters of the incident list; an empty value means "any". */
export const incidentFilter = z.object({
  status: z.enum(INCIDENT_STATUSES, { message: 'chooseIncidentStatus' }).optional(),
  severity: z.enum(INCIDENT_SEVERITIES, { message: 'chooseSeverity' }).optional(),
});
export type IncidentFilter = z.infer<typeof incidentFilter>;

const severityRank = sql`case ${incidents.severity} when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end`;

/** The incidents the actor may see (incident-scope.ts): open ones first, the most severe first, then the newest. At most 500. */
export async function listIncidents(ctx: CoreContext, filter: IncidentFilter = {}) {
  if (ctx.actor.kind === 'visitor') throw new UnauthenticatedError();
  const scope = incidentScope(ctx.actor);
  if (scope === null) throw new ForbiddenError('incident:read');
  return ctx.db
    .select({
      id: incidents.id,
      kind: incidents.kind,
      severity: incidents.severity,
      status: incidents.status,
      occurredOn: incidents.occurredOn,
      place: incidents.place,
      createdAt: incidents.createdAt,
      participantId: participants.id,
      participant: sql<string>`${participants.givenName} || ' ' || ${participants.familyName}`,
      homeOrganisation: home.legalName,
      hostOrganisation: host.legalName,
    })
    .from(incidents)
    .innerJoin(participants, eq(participants.id, incidents.participantId))
    .innerJoin(home, eq(home.id, participants.homeOrganisationId))
    .innerJoin(host, eq(host.id, participants.hostOrganisationId))
    .where(withinScope(scope, and(filter.status ? eq(incidents.status, filter.status) : undefined, filter.severity ? eq(incidents.severity, filter.severity) : undefined)))
    .orderBy(sql`${incidents.status} = 'closed'`, severityRank, desc(incidents.createdAt), asc(incidents.id))
    .limit(500);
}
