import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { applicationGoals, applications, goalIndicators, planFlows } from '../../db/schema/applications.ts';
import type { CallStage } from '../../db/schema/calls.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { DomainError } from '../errors.ts';
import { osloDate } from '../partnerships/check-deadline.ts';
import { agreementInForce, continuationProblem, type ContinuationProblem, type ContinuedPartnership, type ContinuingCall } from '../partnerships/continuation-rule.ts';

export interface ChainStageRow {
  kind: CallStage;
  roundNumber: number | null;
  startsOn: string;
  endsOn: string;
  status: string;
  applicationId: string;
}

export type LoadedPartnership = Omit<ContinuedPartnership, 'stages'> & { id: string; stages: ChainStageRow[] };

const kindOrder = sql<number>`case ${partnershipStages.kind} when 'feasibility' then 0 when 'agreement' then 1 else 2 end`;

/**
 * Partnerships with their programme and granted stages (oldest first), each stage with its granting
 * application's status: what the chain rule (core/partnerships/continuation-rule.ts) needs. Two queries.
 */
export async function loadPartnershipChains(db: Database, ids: readonly string[]): Promise<Map<string, LoadedPartnership>> {
  if (ids.length === 0) return new Map();
  const [ships, stages] = await Promise.all([
    db
      .select({ id: partnerships.id, title: partnerships.title, status: partnerships.status, programmeId: partnerships.programmeId, programmeName: programmes.name })
      .from(partnerships)
      .innerJoin(programmes, eq(programmes.id, partnerships.programmeId))
      .where(inArray(partnerships.id, [...ids])),
    db
      .select({
        partnershipId: partnershipStages.partnershipId,
        kind: partnershipStages.kind,
        roundNumber: partnershipStages.roundNumber,
        startsOn: partnershipStages.startsOn,
        endsOn: partnershipStages.endsOn,
        status: applications.status,
        applicationId: partnershipStages.applicationId,
      })
      .from(partnershipStages)
      .innerJoin(applications, eq(applications.id, partnershipStages.applicationId))
      .where(inArray(partnershipStages.partnershipId, [...ids]))
      .orderBy(asc(partnershipStages.startsOn), asc(kindOrder), asc(partnershipStages.roundNumber)),
  ]);
  return new Map(ships.map((p) => [p.id, { ...p, stages: stages.filter((s) => s.partnershipId === p.id).map(({ partnershipId: _, ...s }) => s) }]));
}

/** The call as the chain rule sees it: its stage and programme. */
export async function continuingCall(db: Database, call: { stage: CallStage; programmeId: string }): Promise<ContinuingCall> {
  const [programme] = await db.select({ name: programmes.name }).from(programmes).where(eq(programmes.id, call.programmeId));
  return { stage: call.stage, programmeId: call.programmeId, programmeName: programme?.name ?? '' };
}

/** Why this partnership cannot continue into this call now, or null. Unknown partnership: not yours. */
export async function partnershipContinuationProblem(db: Database, partnershipId: string, call: { stage: CallStage; programmeId: string }, now: Date): Promise<ContinuationProblem | null> {
  const partnership = (await loadPartnershipChains(db, [partnershipId])).get(partnershipId);
  if (!partnership) return { code: 'notYourPartnership', params: {} };
  return continuationProblem(partnership, await continuingCall(db, call), osloDate(now));
}

/** Refuses, with the rule's message on `field`, a continuation the agreement chain does not allow. */
export async function requireContinuable(db: Database, partnershipId: string, call: { stage: CallStage; programmeId: string }, now: Date, options: { field?: string; status?: number } = {}) {
  const problem = await partnershipContinuationProblem(db, partnershipId, call, now);
  if (problem) throw new DomainError(problem.code, { ...options, params: problem.params });
}

/** YYYY-MM plus whole months. */
function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return d.toISOString().slice(0, 7);
}

/**
 * The exchange plan a continuation starts from, moved on by whole years (same months of the year) so
 * that no exchange starts before the month after the call's deadline, when it could be granted at the
 * earliest. Into round n: the agreement's own plan for round n when it has one (already its plan for
 * that year), else the last stage's last round, renumbered n. Into an agreement: the last stage's plan
 * with its round numbers.
 */
export function continuedPlan<F extends { round: number; startMonth: string }>(
  source: { kind: CallStage; roundNumber: number | null; flows: F[] },
  target: { stage: CallStage; roundNumber: number | null; deadline: string; agreementFlows?: F[] },
): F[] {
  let flows: F[];
  if (target.stage === 'round' && target.roundNumber !== null) {
    const planned = (target.agreementFlows ?? []).filter((f) => f.round === target.roundNumber);
    if (planned.length > 0) flows = planned;
    else {
      // A round's application plans its own round, whatever number its lines carry.
      const last = source.kind === 'round' ? undefined : Math.max(...source.flows.map((f) => f.round));
      flows = source.flows.filter((f) => last === undefined || f.round === last);
    }
    flows = flows.map((f) => ({ ...f, round: target.roundNumber! }));
  } else {
    flows = source.flows;
  }
  if (flows.length === 0) return [];
  const earliest = flows.map((f) => f.startMonth).sort()[0]!;
  const deadlineMonth = target.deadline.slice(0, 7);
  let years = 0;
  while (addMonths(earliest, 12 * years) <= deadlineMonth) years++;
  return flows.map((f) => ({ ...f, startMonth: addMonths(f.startMonth, 12 * years) }));
}

/**
 * Fills a new continuation from the partnership's last granted stage, so nothing is typed twice:
 * summary, focus (sector, SDGs and targets, markers), emergency plan, goals with their indicators and
 * the exchange plan, for the partners it has (see continuedPlan for how the plan moves on).
 */
export async function prefillContinuation(
  tx: Database,
  applicationId: string,
  partnership: LoadedPartnership,
  call: { stage: CallStage; deadline: string },
  partnerIds: readonly string[],
  now: Date,
) {
  const last = partnership.stages.at(-1);
  if (!last) return;
  const [source] = await tx.select().from(applications).where(eq(applications.id, last.applicationId));
  if (!source) return;
  await tx
    .update(applications)
    .set({ summary: source.summary, sectorCode: source.sectorCode, sdgGoals: source.sdgGoals, sdgTargets: source.sdgTargets, markers: source.markers, emergencyPlan: source.emergencyPlan })
    .where(eq(applications.id, applicationId));

  const isPartner = (id: string | null) => id === null || partnerIds.includes(id);
  const goals = (await tx.select().from(applicationGoals).where(eq(applicationGoals.applicationId, source.id)).orderBy(asc(applicationGoals.position))).filter((g) => isPartner(g.organisationId));
  const indicators = goals.length ? await tx.select().from(goalIndicators).where(inArray(goalIndicators.goalId, goals.map((g) => g.id))).orderBy(asc(goalIndicators.position)) : [];
  for (const [position, goal] of goals.entries()) {
    const [copy] = await tx.insert(applicationGoals).values({ applicationId, organisationId: goal.organisationId, description: goal.description, position }).returning({ id: applicationGoals.id });
    const own = indicators.filter((i) => i.goalId === goal.id);
    if (own.length) await tx.insert(goalIndicators).values(own.map(({ id: _id, goalId: _goal, ...i }) => ({ ...i, goalId: copy!.id })));
  }

  const flowsOf = async (id: string) =>
    (await tx.select().from(planFlows).where(eq(planFlows.applicationId, id)).orderBy(asc(planFlows.round), asc(planFlows.createdAt), asc(planFlows.id))).filter(
      (f) => partnerIds.includes(f.sendingOrganisationId) && partnerIds.includes(f.hostOrganisationId),
    );
  const roundNumber = call.stage === 'round' ? partnership.stages.filter((s) => s.kind === 'round').length + 1 : null;
  const agreement = agreementInForce(partnership.stages, osloDate(now));
  const plan = continuedPlan(
    { kind: last.kind, roundNumber: last.roundNumber, flows: await flowsOf(source.id) },
    { stage: call.stage, roundNumber, deadline: call.deadline, agreementFlows: agreement ? await flowsOf(agreement.applicationId) : [] },
  );
  if (plan.length) {
    await tx.insert(planFlows).values(
      // One millisecond apart, so the plan lists its lines in the order they had.
      plan.map((f, n) => ({
        createdAt: new Date(now.getTime() + n),
        applicationId,
        round: f.round,
        sendingOrganisationId: f.sendingOrganisationId,
        hostOrganisationId: f.hostOrganisationId,
        participants: f.participants,
        months: f.months,
        startMonth: f.startMonth,
        competence: f.competence,
        purpose: f.purpose,
      })),
    );
  }
}
