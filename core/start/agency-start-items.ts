import { desc, eq, ne, sql } from 'drizzle-orm';
import { incidents } from '../../db/schema/care.ts';
import { participants } from '../../db/schema/participants.ts';
import { incidentScope } from '../care/incident-scope.ts';
import type { CoreContext } from '../context.ts';
import type { UserActor } from '../identity/actor.ts';
import { participantScope, withinScope } from '../participants/participant-scope.ts';
import { overdueItems, overdueReports } from './overdue-reports.ts';
import type { StartSection } from './start-item.ts';

const name = sql<string>`${participants.givenName} || ' ' || ${participants.familyName}`;

/**
 * An adviser's (or administrator's) start page, within the programmes they follow (participant-scope.ts):
 * nominations the host accepted, waiting for approval; over-plan nominations waiting for a decision;
 * overdue reports; incidents not closed, the most severe first. The approval page shows each one's
 * eligibility problems and the exceptions asked for.
 */
export async function agencyStartItems(ctx: CoreContext, actor: UserActor): Promise<StartSection[]> {
  if (!actor.agencyRoles.includes('administrator') && !actor.agencyRoles.includes('programme_adviser')) return [];
  const agencyOnly: UserActor = { ...actor, memberships: [], participantIds: [] };
  const scope = participantScope(agencyOnly);
  const [waiting, open, overdue] = await Promise.all([
    ctx.db
      .select({ id: participants.id, participant: name, overPlan: participants.overPlan, overPlanApprovedAt: participants.overPlanApprovedAt })
      .from(participants)
      .where(withinScope(scope, eq(participants.status, 'nominated'), eq(participants.hostDecision, 'accepted')))
      .orderBy(participants.createdAt)
      .limit(200),
    ctx.db
      .select({ id: incidents.id, severity: incidents.severity, kind: incidents.kind, participant: name })
      .from(incidents)
      .innerJoin(participants, eq(participants.id, incidents.participantId))
      .where(withinScope(incidentScope(agencyOnly), ne(incidents.status, 'closed')))
      .orderBy(sql`case ${incidents.severity} when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end`, desc(incidents.createdAt))
      .limit(200),
    scope === null ? Promise.resolve([]) : overdueReports(ctx, scope),
  ]);
  return [
    {
      kind: 'agency',
      items: [
        ...open.map((i) => ({ type: 'incident' as const, href: `/incidents/${i.id}`, participant: i.participant, severity: i.severity, incidentKind: i.kind })),
        ...waiting.map((p) => ({ type: p.overPlan && !p.overPlanApprovedAt ? ('overPlan' as const) : ('approve' as const), href: `/participants/${p.id}`, participant: p.participant })),
        ...overdueItems(overdue),
      ],
    },
  ];
}
