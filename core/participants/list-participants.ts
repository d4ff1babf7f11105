import { asc, eq } from 'drizzle-orm';
import { organisations } from '../../db/schema/organisations.ts';
import { participants } from '../../db/schema/participants.ts';
import { alias } from 'drizzle-orm/pg-core';
import type { CoreContext } from '../context.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import { exceptionsOf } from './get-participant-eligibility.ts';
import { participantScope, withinScope } from './participant-scope.ts';

const home = alias(organisations, 'home');
const host = alias(organisations, 'host');

/** The participants the actor may see (participant-scope.ts), by family name, each with the eligibility exceptions granted. */
export async function listParticipants(ctx: CoreContext, { limit = 200 }: { limit?: number } = {}) {
  const actor = ctx.actor;
  if (actor.kind === 'visitor') throw new UnauthenticatedError();
  const scope = participantScope(actor);
  if (scope === null) throw new ForbiddenError('participant:read');
  const rows = await ctx.db
    .select({
      id: participants.id,
      givenName: participants.givenName,
      familyName: participants.familyName,
      status: participants.status,
      hostDecision: participants.hostDecision,
      overPlan: participants.overPlan,
      homeOrganisation: home.legalName,
      hostOrganisation: host.legalName,
      startsOn: participants.startsOn,
      endsOn: participants.endsOn,
      actualStartsOn: participants.actualStartsOn,
      actualEndsOn: participants.actualEndsOn,
    })
    .from(participants)
    .innerJoin(home, eq(home.id, participants.homeOrganisationId))
    .innerJoin(host, eq(host.id, participants.hostOrganisationId))
    .where(withinScope(scope))
    .orderBy(asc(participants.familyName), asc(participants.givenName))
    .limit(Math.min(Math.max(limit, 1), 500));
  const exceptions = await exceptionsOf(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, eligibilityExceptions: exceptions.filter((e) => e.participantId === r.id).map(({ participantId: _, ...e }) => e) }));
}
