import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { applications, planFlows } from '../../db/schema/applications.ts';
import { calls, type CallStage } from '../../db/schema/calls.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { participants } from '../../db/schema/participants.ts';
import { EXCHANGED_STATUSES } from '../participants/participant-lifecycle.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnershipPartners, partnerships } from '../../db/schema/partnerships.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { osloDate } from './check-deadline.ts';
import { PUBLIC_STATUSES } from './list-public-partnerships.ts';
import { planMatrix, type PlanMatrix } from './plan-matrix.ts';
import { plannedVsActual, type PlannedFlow, type PlannedVsActual } from './planned-vs-actual.ts';
import { isRecordId } from '../records/record-id.ts';

export interface ChainFlow extends PlannedFlow {
  round: number;
  months: number;
  startMonth: string;
  competence: string;
  purpose: string;
}

export interface ChainRound {
  round: number;
  flows: ChainFlow[];
  matrix: PlanMatrix;
}

export interface ChainStage {
  id: string;
  kind: CallStage;
  roundNumber: number | null;
  startsOn: string;
  endsOn: string;
  amountCeilingMinor: number;
  currency: string;
  callTitle: string;
  /** The exchange plan this stage's application carries, per round (an agreement may plan several). */
  rounds: ChainRound[];
}

export interface PartnershipChain {
  /** Coordinator first, then by name; plus any organisation a flow names that is not a partner. */
  partners: { id: string; name: string }[];
  stages: ChainStage[];
  /** Counts only, never names: the page is public. */
  balance: PlannedVsActual;
}

const kindOrder = sql`case ${partnershipStages.kind} when 'feasibility' then 0 when 'agreement' then 1 else 2 end`;

/**
 * A public partnership's agreement chain (docs/architecture.md#agreement-chain): feasibility study, collaboration agreement and
 * yearly rounds in that order, each with its plan as a matrix, and the actual exchanges against the plan
 * per partner. Four queries whatever the length of the chain. A draft is "not found".
 */
export async function getPartnershipChain(
  ctx: CoreContext,
  {
    partnershipId: id,
    publicPartners,
  }: {
    partnershipId: string;
    /**
     * The partners getPublicPartnership has just read for this partnership (the partnership page): they
     * are the ones this would read, in the same order, and that read already found the partnership public.
     */
    publicPartners?: readonly { id: string; name: string }[];
  },
): Promise<PartnershipChain> {
  const now = ctx.now();
  if (!isRecordId(id)) throw new NotFoundError('partnership');
  const [partnerRows, stageRows, flowRows, actualRows] = await Promise.all([
    publicPartners
      ? publicPartners.map(({ id, name }) => ({ id, name }))
      : ctx.db
          .select({ id: organisations.id, name: organisations.legalName })
          .from(partnershipPartners)
          .innerJoin(partnerships, eq(partnerships.id, partnershipPartners.partnershipId))
          .innerJoin(organisations, eq(organisations.id, partnershipPartners.organisationId))
          .where(and(eq(partnershipPartners.partnershipId, id), inArray(partnerships.status, [...PUBLIC_STATUSES])))
          .orderBy(desc(partnershipPartners.isCoordinator), organisations.legalName),
    ctx.db
      .select({
        id: partnershipStages.id,
        applicationId: partnershipStages.applicationId,
        kind: partnershipStages.kind,
        roundNumber: partnershipStages.roundNumber,
        startsOn: partnershipStages.startsOn,
        endsOn: partnershipStages.endsOn,
        amountCeilingMinor: partnershipStages.amountCeilingMinor,
        currency: partnershipStages.currency,
        callTitle: calls.title,
      })
      .from(partnershipStages)
      .innerJoin(applications, eq(applications.id, partnershipStages.applicationId))
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(eq(partnershipStages.partnershipId, id))
      .orderBy(kindOrder, asc(partnershipStages.roundNumber), asc(partnershipStages.startsOn)),
    ctx.db
      .select({
        applicationId: planFlows.applicationId,
        round: planFlows.round,
        from: planFlows.sendingOrganisationId,
        to: planFlows.hostOrganisationId,
        participants: planFlows.participants,
        months: planFlows.months,
        startMonth: planFlows.startMonth,
        competence: planFlows.competence,
        purpose: planFlows.purpose,
      })
      .from(planFlows)
      .innerJoin(partnershipStages, eq(partnershipStages.applicationId, planFlows.applicationId))
      .where(eq(partnershipStages.partnershipId, id))
      .orderBy(asc(planFlows.round), asc(planFlows.createdAt), asc(planFlows.id)),
    ctx.db
      .select({ from: participants.homeOrganisationId, to: participants.hostOrganisationId, participants: sql<number>`count(*)::int` })
      .from(participants)
      // Only people who went count as actual exchanges: not nominations, nor those withdrawn before leaving.
      .where(and(eq(participants.partnershipId, id), inArray(participants.status, [...EXCHANGED_STATUSES])))
      .groupBy(participants.homeOrganisationId, participants.hostOrganisationId),
  ]);
  // A public partnership always has partners; none means a draft or no such partnership.
  if (partnerRows.length === 0) throw new NotFoundError('partnership');

  const partnerIds = partnerRows.map((p) => p.id);
  const stages: ChainStage[] = stageRows.map(({ applicationId, ...stage }) => {
    // A round's application plans that round, whatever number its flows carry.
    const flows = flowRows.filter((f) => f.applicationId === applicationId).map(({ applicationId: _, ...f }) => ({ ...f, round: stage.kind === 'round' && stage.roundNumber != null ? stage.roundNumber : f.round }));
    const roundNumbers = [...new Set(flows.map((f) => f.round))].sort((a, b) => a - b);
    const rounds = roundNumbers.map((round) => {
      const inRound = flows.filter((f) => f.round === round);
      return { round, flows: inRound, matrix: planMatrix(partnerIds, inRound) };
    });
    return { ...stage, rounds };
  });

  const balance = plannedVsActual(partnerIds, effectivePlan(stages), actualRows, { asOfMonth: osloDate(now).slice(0, 7) });
  const named = [...balance.partners.map((p) => p.partnerId), ...stages.flatMap((s) => s.rounds.flatMap((r) => r.matrix.partners))];
  return { partners: await withOutsiders(ctx, partnerRows, named), stages, balance };
}

/**
 * What the partnership plans across its chain: per round, the plan of that round's own application
 * where one was granted (it is the newer and more precise plan), else the agreement's plan for it.
 */
export function effectivePlan(stages: readonly Pick<ChainStage, 'kind' | 'rounds'>[]): ChainFlow[] {
  const byRound = new Map<number, ChainFlow[]>();
  for (const stage of stages.filter((s) => s.kind === 'agreement')) {
    for (const r of stage.rounds) byRound.set(r.round, [...(byRound.get(r.round) ?? []), ...r.flows]);
  }
  const ownRounds = new Set<number>();
  for (const stage of stages.filter((s) => s.kind === 'round')) {
    for (const r of stage.rounds) {
      byRound.set(r.round, [...(ownRounds.has(r.round) ? (byRound.get(r.round) ?? []) : []), ...r.flows]);
      ownRounds.add(r.round);
    }
  }
  return [...byRound.values()].flat();
}

/** Names for organisations a plan or a participant names without being a partner (rare: one query then). */
async function withOutsiders(ctx: CoreContext, partners: { id: string; name: string }[], ids: string[]) {
  const missing = [...new Set(ids)].filter((id) => !partners.some((p) => p.id === id));
  if (missing.length === 0) return partners;
  const rows = await ctx.db.select({ id: organisations.id, name: organisations.legalName }).from(organisations).where(inArray(organisations.id, missing));
  return [...partners, ...missing.map((id) => ({ id, name: rows.find((r) => r.id === id)?.name ?? id }))];
}
