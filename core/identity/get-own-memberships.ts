import { eq } from 'drizzle-orm';
import { memberships } from '../../db/schema/access.ts';
import { organisations } from '../../db/schema/organisations.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission, requireUser } from './permissions.ts';

/** The signed-in person's own organisations and role in each, for their account page. */
export async function getOwnMemberships(ctx: CoreContext) {
  const actor = requireUser(ctx.actor);
  requirePermission(actor, 'account:read-own');
  return ctx.db
    .select({ organisation: organisations.legalName, role: memberships.roleCode })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, actor.userId))
    .orderBy(organisations.legalName);
}
