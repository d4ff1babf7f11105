import { asc, eq, sql } from 'drizzle-orm';
import { agencyRoleAssignments, memberships } from '../../db/schema/access.ts';
import { user } from '../../db/schema/auth.ts';
import { organisations } from '../../db/schema/organisations.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission } from './permissions.ts';

/** Everyone with an account, their agency roles and memberships. Administrators only. */
export async function listUsers(ctx: CoreContext) {
  requirePermission(ctx.actor, 'user:list');
  const people = await ctx.db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      locale: user.locale,
      anonymisedAt: user.anonymisedAt,
      deletionRequestedAt: user.deletionRequestedAt,
      createdAt: user.createdAt,
      agencyRoles: sql<string[]>`coalesce((select array_agg(${agencyRoleAssignments.roleCode} order by ${agencyRoleAssignments.roleCode}) from ${agencyRoleAssignments} where ${agencyRoleAssignments.userId} = ${user.id}), '{}')`,
    })
    .from(user)
    .orderBy(asc(user.name))
    .limit(500);
  const orgRows = await ctx.db
    .select({ userId: memberships.userId, role: memberships.roleCode, organisation: organisations.legalName })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId));
  return people.map((p) => ({ ...p, memberships: orgRows.filter((m) => m.userId === p.id) }));
}
