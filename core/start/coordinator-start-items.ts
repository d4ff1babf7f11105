import { and, asc, eq, gte, inArray, notInArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { planFlows } from '../../db/schema/applications.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { participantDocuments, participantReports, participants } from '../../db/schema/participants.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import type { CoreContext } from '../context.ts';
import type { UserActor } from '../identity/actor.ts';
import { osloDate } from '../partnerships/check-deadline.ts';
import { overdueItems, overdueReports } from './overdue-reports.ts';
import type { StartSection } from './start-item.ts';

const sender = alias(organisations, 'sender');
const receiver = alias(organisations, 'receiver');
const name = sql<string>`${participants.givenName} || ' ' || ${participants.familyName}`;

/**
 * A partner coordinator's start page, one section per organisation they coordinate: places left to
 * nominate in the flows it sends in approved rounds still running, nominations waiting for its answer as
 * host, documents its people submitted, reports submitted or overdue.
 */
export async function coordinatorStartItems(ctx: CoreContext, actor: UserActor): Promise<StartSection[]> {
  const coordinated = actor.memberships.filter((m) => m.role === 'partner_coordinator').map((m) => m.organisationId);
  if (coordinated.length === 0) return [];
  const today = osloDate(ctx.now());
  const taken = ctx.db
    .select({ planFlowId: participants.planFlowId, n: sql<number>`count(*)::int`.as('n') })
    .from(participants)
    .where(and(notInArray(participants.status, ['withdrawn']), sql`${participants.hostDecision} <> 'declined'`))
    .groupBy(participants.planFlowId)
    .as('taken');
  const [orgs, flows, decisions, documents, reports, overdue] = await Promise.all([
    ctx.db.select({ id: organisations.id, name: organisations.legalName }).from(organisations).where(inArray(organisations.id, coordinated)).orderBy(asc(organisations.legalName)),
    ctx.db
      .select({
        partnershipId: partnerships.id,
        partnership: partnerships.title,
        sendingOrganisationId: planFlows.sendingOrganisationId,
        from: sender.legalName,
        to: receiver.legalName,
        planned: planFlows.participants,
        taken: sql<number>`coalesce(${taken.n}, 0)`,
      })
      .from(planFlows)
      .innerJoin(partnershipStages, and(eq(partnershipStages.applicationId, planFlows.applicationId), eq(partnershipStages.kind, 'round')))
      .innerJoin(partnerships, eq(partnerships.id, partnershipStages.partnershipId))
      .innerJoin(sender, eq(sender.id, planFlows.sendingOrganisationId))
      .innerJoin(receiver, eq(receiver.id, planFlows.hostOrganisationId))
      .leftJoin(taken, eq(taken.planFlowId, planFlows.id))
      .where(and(inArray(planFlows.sendingOrganisationId, coordinated), gte(partnershipStages.endsOn, today), sql`coalesce(${taken.n}, 0) < ${planFlows.participants}`)),
    ctx.db
      .select({ id: participants.id, participant: name, hostOrganisationId: participants.hostOrganisationId })
      .from(participants)
      .where(and(eq(participants.status, 'nominated'), eq(participants.hostDecision, 'pending'), inArray(participants.hostOrganisationId, coordinated))),
    ctx.db
      .select({ id: participantDocuments.id, participantId: participants.id, participant: name, kind: participantDocuments.kind, homeOrganisationId: participants.homeOrganisationId })
      .from(participantDocuments)
      .innerJoin(participants, eq(participants.id, participantDocuments.participantId))
      .where(and(eq(participantDocuments.status, 'submitted'), inArray(participants.homeOrganisationId, coordinated))),
    ctx.db
      .select({ participantId: participants.id, participant: name, kind: participantReports.kind, homeOrganisationId: participants.homeOrganisationId, hostOrganisationId: participants.hostOrganisationId })
      .from(participantReports)
      .innerJoin(participants, eq(participants.id, participantReports.participantId))
      .where(and(eq(participantReports.status, 'submitted'), or(inArray(participants.homeOrganisationId, coordinated), inArray(participants.hostOrganisationId, coordinated)))),
    overdueReports(ctx, or(inArray(participants.homeOrganisationId, coordinated), inArray(participants.hostOrganisationId, coordinated))),
  ]);
  return orgs.map((org) => ({
    kind: 'coordinator' as const,
    organisation: org.name,
    items: [
      ...flows
        .filter((f) => f.sendingOrganisationId === org.id)
        .map((f) => ({ type: 'nominate' as const, href: `/partnerships/${f.partnershipId}/nominate`, partnership: f.partnership, count: f.planned - f.taken, from: f.from, to: f.to })),
      ...decisions.filter((d) => d.hostOrganisationId === org.id).map((d) => ({ type: 'hostDecision' as const, href: `/participants/${d.id}`, participant: d.participant })),
      ...documents
        .filter((d) => d.homeOrganisationId === org.id)
        .map((d) => ({ type: 'documentToReview' as const, href: `/participants/${d.participantId}/documents/${d.id}`, participant: d.participant, documentKind: d.kind })),
      ...reports
        .filter((r) => r.homeOrganisationId === org.id || r.hostOrganisationId === org.id)
        .map((r) => ({ type: 'reportToReview' as const, href: `/participants/${r.participantId}/reports/${r.kind}`, participant: r.participant, reportKind: r.kind })),
      ...overdueItems(overdue.filter((r) => r.homeOrganisationId === org.id || r.hostOrganisationId === org.id)),
    ],
  }));
}
