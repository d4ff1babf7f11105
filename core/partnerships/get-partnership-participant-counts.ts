import { and, eq, ne, sql } from 'drizzle-orm';
import { participants, type ParticipantStatus } from '../../db/schema/participants.ts';
import type { CoreContext } from '../context.ts';
import { checkReciprocity, type ReciprocityProblem } from './check-reciprocity.ts';
import { effectivePlan, getPartnershipChain, type PartnershipChain } from './get-partnership-chain.ts';
import { planMatrix } from './plan-matrix.ts';

/** Where people stand, counted per partner: nominated but not gone yet, away now, back home. */
export const COUNTED_STAGES = ['nominated', 'inPlacement', 'completed'] as const;
export type CountedStage = (typeof COUNTED_STAGES)[number];

const stageOf: Partial<Record<ParticipantStatus, CountedStage>> = {
  nominated: 'nominated',
  approved: 'nominated',
  preparing: 'nominated',
  in_placement: 'inPlacement',
  returned: 'completed',
  completed: 'completed',
  alumni: 'completed',
};

export interface PartnerCounts {
  partnerId: string;
  name: string;
  sent: Record<'planned' | CountedStage, number>;
  received: Record<'planned' | CountedStage, number>;
}

export interface PartnershipParticipantCounts {
  partners: PartnerCounts[];
  /**
   * Partners that, going by the people nominated or gone (withdrawn ones aside), send no one or host no
   * one while the partnership has people at all: an imbalance against the reciprocity rule
   * (check-reciprocity.ts). Shown to the agency only; empty before the first nomination.
   */
  imbalance: ReciprocityProblem[];
  /** True when the actor is agency staff who follow the partnership (administrators, programme advisers): they see `imbalance`. */
  adviser: boolean;
}

/**
 * Per partner of a public partnership: how many people it planned to send and to host across its chain
 * (effectivePlan), and how many it sends and hosts that are nominated (not gone yet), in placement and
 * completed (returned, completed, alumni). Counts only, never names: the partnership page is public.
 * People who ended early count in neither of the last two; withdrawn nominations count nowhere.
 */
export async function getPartnershipParticipantCounts(
  ctx: CoreContext,
  {
    partnershipId,
    chain: given,
  }: {
    partnershipId: string;
    /** This partnership's chain when the caller has just read it (the partnership page shows both): not read again. */
    chain?: PartnershipChain;
  },
): Promise<PartnershipParticipantCounts> {
  const chain = given ?? (await getPartnershipChain(ctx, { partnershipId }));
  const rows = await ctx.db
    .select({ from: participants.homeOrganisationId, to: participants.hostOrganisationId, status: participants.status, n: sql<number>`count(*)::int` })
    .from(participants)
    .where(and(eq(participants.partnershipId, partnershipId), ne(participants.status, 'withdrawn')))
    .groupBy(participants.homeOrganisationId, participants.hostOrganisationId, participants.status);
  const plan = planMatrix(
    chain.partners.map((p) => p.id),
    effectivePlan(chain.stages),
  );
  const zero = () => ({ planned: 0, nominated: 0, inPlacement: 0, completed: 0 });
  const partners: PartnerCounts[] = chain.partners.map((p) => {
    const i = plan.partners.indexOf(p.id);
    return { partnerId: p.id, name: p.name, sent: { ...zero(), planned: i < 0 ? 0 : plan.rowTotals[i]! }, received: { ...zero(), planned: i < 0 ? 0 : plan.columnTotals[i]! } };
  });
  const byId = new Map(partners.map((p) => [p.partnerId, p]));
  for (const row of rows) {
    const stage = stageOf[row.status];
    if (!stage) continue;
    const sender = byId.get(row.from);
    const receiver = byId.get(row.to);
    if (sender) sender.sent[stage] += row.n;
    if (receiver) receiver.received[stage] += row.n;
  }
  const actor = ctx.actor;
  const adviser = actor.kind === 'system' || (actor.kind === 'user' && (actor.agencyRoles.includes('administrator') || actor.agencyRoles.includes('programme_adviser')));
  const people = rows.filter((r) => r.n > 0).map((r) => ({ from: r.from, to: r.to, participants: r.n }));
  const imbalance = adviser && people.length > 0 ? checkReciprocity(chain.partners, people).filter((p) => p.code === 'sendsNoOne' || p.code === 'hostsNoOne') : [];
  return { partners, imbalance, adviser };
}
