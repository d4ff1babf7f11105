import { and, desc, eq, gt, inArray, isNull, type SQL } from 'drizzle-orm';
import { invitations } from '../../db/schema/access.ts';
import { organisations } from '../../db/schema/organisations.ts';
import type { CoreContext } from '../context.ts';
import { organisationScope, requirePermission } from './permissions.ts';

/** Open invitations the actor may see: all for agency staff, their own organisations' for coordinators. */
export async function listOpenInvitations(ctx: CoreContext) {
  const now = ctx.now();
  const actor = ctx.actor;
  requirePermission(actor, 'invitation:list');
  const scope = organisationScope(actor, 'invitation:list');
  const filters: SQL[] = [isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)];
  if (scope !== null) filters.push(scope.length ? inArray(invitations.organisationId, scope) : eq(invitations.id, '00000000-0000-0000-0000-000000000000'));
  return ctx.db
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.roleCode,
      organisationName: organisations.legalName,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .leftJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(and(...filters))
    .orderBy(desc(invitations.createdAt))
    .limit(200);
}
