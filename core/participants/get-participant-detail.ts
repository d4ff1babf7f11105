import { and, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { planFlows } from '../../db/schema/applications.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { participants, REPORT_KINDS } from '../../db/schema/participants.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { assessEligibility, type ParticipantEligibility } from './get-participant-eligibility.ts';
import { getParticipant } from './get-participant.ts';
import { movesFor, MOVES_WITH_REASON, recordsDate, type ParticipantParty, type ParticipantStatus } from './participant-lifecycle.ts';
import { partiesOf } from './participant-record.ts';

/** The kinds of a participant's reports, for the links to them. */
export { REPORT_KINDS };

/** A move the actor may offer now, with what it asks for. */
export interface OfferedMove {
  to: ParticipantStatus;
  /** Withdrawn and ended early need a reason. */
  needsReason: boolean;
  /** Going into placement records the actual start; coming back (or ending early from placement) the actual end. */
  recordsDate: 'actualStartsOn' | 'actualEndsOn' | null;
}

/**
 * One participant as the people who work with them see them (docs/architecture.md#participant-lifecycle):
 * the record (getParticipant: scope, exceptions, history, version), the names around it, the eligibility
 * with every problem and its exception, the plan line's number, and what this actor may do now: answer
 * as the host, allow going over the plan or make an exception as the adviser, and the moves the lifecycle
 * lets them make. The buttons a page offers come from here, so they match what core accepts.
 */
export async function getParticipantDetail(ctx: CoreContext, { participantId }: { participantId: string }) {
  const participant = await getParticipant(ctx, { participantId });
  const home = alias(organisations, 'home');
  const host = alias(organisations, 'host');
  const [names] = await ctx.db
    .select({ partnershipTitle: partnerships.title, programmeId: programmes.id, programmeName: programmes.name, homeName: home.legalName, homeCountry: home.countryCode, hostName: host.legalName, hostCountry: host.countryCode })
    .from(partnerships)
    .innerJoin(programmes, eq(programmes.id, partnerships.programmeId))
    .innerJoin(home, eq(home.id, participant.homeOrganisationId))
    .innerJoin(host, eq(host.id, participant.hostOrganisationId))
    .where(eq(partnerships.id, participant.partnershipId));
  const [flow] = participant.planFlowId
    ? await ctx.db
        .select({
          planned: planFlows.participants,
          nominated: sql<number>`(select count(*)::int from ${participants} where ${and(eq(participants.planFlowId, planFlows.id), ne(participants.status, 'withdrawn'))})`,
        })
        .from(planFlows)
        .where(eq(planFlows.id, participant.planFlowId))
    : [];
  const parties: ParticipantParty[] = await partiesOf(ctx.db, ctx.actor, participant, names!.programmeId);
  const { updatedAt: _u, createdAt: _c, ...row } = participant;
  const eligibility: ParticipantEligibility = await assessEligibility(ctx.db, participant);
  const nominated = participant.status === 'nominated';
  const moves: OfferedMove[] = movesFor(participant.status, parties).map((to) => ({ to, needsReason: MOVES_WITH_REASON.includes(to), recordsDate: recordsDate(participant.status, to) }));
  return {
    participant: row,
    names: names!,
    plan: flow ? { planned: flow.planned, nominated: flow.nominated } : null,
    eligibility,
    parties,
    may: {
      decideAsHost: parties.includes('host') && nominated && participant.hostDecision === 'pending',
      approveOverPlan: parties.includes('adviser') && nominated && participant.overPlan && participant.overPlanApprovedAt === null,
      grantException: parties.includes('adviser') && ['nominated', 'approved', 'preparing'].includes(participant.status),
    },
    moves,
  };
}

export type ParticipantDetail = Awaited<ReturnType<typeof getParticipantDetail>>;
