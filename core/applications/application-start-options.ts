import { asc, eq, inArray } from 'drizzle-orm';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipPartners, partnerships } from '../../db/schema/partnerships.ts';
import { listCalls } from '../calls/list-calls.ts';
import type { CoreContext } from '../context.ts';
import { visitor } from '../identity/actor.ts';
import { organisationScope, requirePermission } from '../identity/permissions.ts';

/** What a coordinator chooses from to start an application: open calls, their organisations, their partnerships. */
export async function applicationStartOptions(ctx: CoreContext, now = new Date()) {
  const actor = ctx.actor ?? visitor;
  requirePermission(actor, 'application:create');
  const organisationIds = organisationScope(actor, 'application:create') ?? [];
  const [calls, orgs, ships] = await Promise.all([
    listCalls(ctx, { phase: 'open' }, now),
    organisationIds.length
      ? ctx.db.select({ id: organisations.id, legalName: organisations.legalName }).from(organisations).where(inArray(organisations.id, organisationIds)).orderBy(asc(organisations.legalName))
      : [],
    organisationIds.length
      ? ctx.db
          .selectDistinct({ id: partnerships.id, title: partnerships.title })
          .from(partnerships)
          .innerJoin(partnershipPartners, eq(partnershipPartners.partnershipId, partnerships.id))
          .where(inArray(partnershipPartners.organisationId, organisationIds))
          .orderBy(asc(partnerships.title))
      : [],
  ]);
  return { calls, organisations: orgs, partnerships: ships };
}
