import { and, asc, inArray, isNull, eq } from 'drizzle-orm';
import { participantAccounts } from '../../db/schema/access.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { participants } from '../../db/schema/participants.ts';
import type { CoreContext } from '../context.ts';
import { agencyRoles, type RoleCode } from './actor.ts';
import { can, organisationScope, requirePermission } from './permissions.ts';

/** What the invitation form may offer this actor: roles, organisations and participants in their scope. */
export async function getInvitationOptions(ctx: CoreContext) {
  const actor = ctx.actor;
  requirePermission(actor, 'invitation:list');
  const roles: RoleCode[] = [];
  if (can(actor, 'invitation:create-agency-staff')) roles.push(...agencyRoles);
  const staff = can(actor, 'invitation:create-first-coordinator');
  const colleague = can(actor, 'invitation:create-colleague');
  if (staff || colleague) roles.push('partner_coordinator', 'partner_finance');
  if (can(actor, 'invitation:create-participant')) roles.push('participant');

  const scope = staff ? null : organisationScope(actor, 'invitation:create-colleague');
  const orgs = await ctx.db
    .select({ id: organisations.id, name: organisations.legalName })
    .from(organisations)
    .where(scope === null ? undefined : inArray(organisations.id, scope.length ? scope : ['00000000-0000-0000-0000-000000000000']))
    .orderBy(asc(organisations.legalName));
  // Participants a coordinator sends and who have no account yet.
  const participantScope = organisationScope(actor, 'invitation:create-participant');
  const people =
    participantScope && participantScope.length
      ? await ctx.db
          .select({ id: participants.id, givenName: participants.givenName, familyName: participants.familyName, organisationId: participants.homeOrganisationId })
          .from(participants)
          .leftJoin(participantAccounts, eq(participantAccounts.participantId, participants.id))
          .where(and(inArray(participants.homeOrganisationId, participantScope), isNull(participantAccounts.userId)))
          .orderBy(asc(participants.familyName), asc(participants.givenName))
          .limit(300)
      : [];
  return { roles, organisations: orgs, participants: people };
}
