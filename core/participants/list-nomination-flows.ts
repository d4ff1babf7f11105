import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { planFlows } from '../../db/schema/applications.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { participants } from '../../db/schema/participants.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnershipPartners, partnerships } from '../../db/schema/partnerships.ts';
import type { Actor } from '../identity/actor.ts';
import type { CoreContext } from '../context.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';

/** One line of an approved round's plan that the actor's organisation sends people on. */
export interface NominationFlow {
  id: string;
  roundNumber: number | null;
  /** The round's period: a stay must lie within it. */
  roundStartsOn: string;
  roundEndsOn: string;
  sendingOrganisationId: string;
  sendingName: string;
  hostOrganisationId: string;
  hostName: string;
  months: number;
  /** YYYY-MM */
  startMonth: string;
  /** How many people the plan foresees on this line. */
  planned: number;
  /** How many are nominated already (withdrawn and declined nominations do not count). */
  nominated: number;
}

const coordinated = (actor: Actor) => (actor.kind === 'user' ? actor.memberships.filter((m) => m.role === 'partner_coordinator').map((m) => m.organisationId) : []);

/**
 * Whether the actor may nominate people in this partnership: a coordinator of one of its partners.
 * For the partnership page's link; nominating checks again (nominate-participant.ts).
 */
export async function mayNominate(ctx: CoreContext, { partnershipId }: { partnershipId: string }): Promise<boolean> {
  const mine = coordinated(ctx.actor);
  if (mine.length === 0 || !isRecordId(partnershipId)) return false;
  const [row] = await ctx.db
    .select({ id: partnershipPartners.organisationId })
    .from(partnershipPartners)
    .where(and(eq(partnershipPartners.partnershipId, partnershipId), inArray(partnershipPartners.organisationId, mine)))
    .limit(1);
  return row !== undefined;
}

/**
 * The flows of a partnership's approved rounds that the actor's organisations send people on, each with
 * the number of people planned and already nominated, for the nomination form (and the API's check that a
 * flow belongs to the partnership). A partnership that does not exist is "not found"; a coordinator whose
 * organisation is not one of its partners is refused.
 */
export async function listNominationFlows(ctx: CoreContext, { partnershipId }: { partnershipId: string }): Promise<{ partnership: { id: string; title: string }; flows: NominationFlow[] }> {
  requirePermission(ctx.actor, 'participant:nominate');
  if (!isRecordId(partnershipId)) throw new NotFoundError('partnership');
  const [partnership] = await ctx.db.select({ id: partnerships.id, title: partnerships.title }).from(partnerships).where(eq(partnerships.id, partnershipId));
  if (!partnership) throw new NotFoundError('partnership');
  const mine = coordinated(ctx.actor);
  const system = ctx.actor.kind === 'system';
  if (!system && !(await mayNominate(ctx, { partnershipId }))) throw new ForbiddenError('participant:nominate');
  const sending = alias(organisations, 'sending');
  const host = alias(organisations, 'host');
  const nominated = sql<number>`(select count(*)::int from ${participants} where ${participants.planFlowId} = ${planFlows.id} and ${ne(participants.status, 'withdrawn')})`;
  const flows = await ctx.db
    .select({
      id: planFlows.id,
      roundNumber: partnershipStages.roundNumber,
      roundStartsOn: partnershipStages.startsOn,
      roundEndsOn: partnershipStages.endsOn,
      sendingOrganisationId: planFlows.sendingOrganisationId,
      sendingName: sending.legalName,
      hostOrganisationId: planFlows.hostOrganisationId,
      hostName: host.legalName,
      months: planFlows.months,
      startMonth: planFlows.startMonth,
      planned: planFlows.participants,
      nominated,
    })
    .from(planFlows)
    .innerJoin(partnershipStages, eq(partnershipStages.applicationId, planFlows.applicationId))
    .innerJoin(sending, eq(sending.id, planFlows.sendingOrganisationId))
    .innerJoin(host, eq(host.id, planFlows.hostOrganisationId))
    .where(and(eq(partnershipStages.partnershipId, partnershipId), eq(partnershipStages.kind, 'round'), system ? undefined : inArray(planFlows.sendingOrganisationId, mine)))
    .orderBy(asc(partnershipStages.startsOn), asc(sending.legalName), asc(host.legalName), asc(planFlows.startMonth), asc(planFlows.id));
  return { partnership, flows };
}
