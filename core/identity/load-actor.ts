import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { agencyRoleAssignments, memberships, participantAccounts } from '../../db/schema/access.ts';
import { user } from '../../db/schema/auth.ts';
import { agencyRoles, organisationRoles, type Actor, type AgencyRole, type OrganisationRole } from './actor.ts';

/** The signed-in person with the roles the database gives them now (never roles cached in a cookie). */
export async function loadActor(db: Database, userId: string): Promise<Actor> {
  const [person] = await db
    .select({ id: user.id, name: user.name, email: user.email, locale: user.locale })
    .from(user)
    .where(and(eq(user.id, userId), isNull(user.anonymisedAt)));
  if (!person) return { kind: 'visitor' };
  const [roles, orgs, participants] = await Promise.all([
    db.select({ role: agencyRoleAssignments.roleCode }).from(agencyRoleAssignments).where(eq(agencyRoleAssignments.userId, userId)),
    db
      .select({ organisationId: memberships.organisationId, role: memberships.roleCode })
      .from(memberships)
      .where(eq(memberships.userId, userId)),
    db.select({ id: participantAccounts.participantId }).from(participantAccounts).where(eq(participantAccounts.userId, userId)),
  ]);
  return {
    kind: 'user',
    userId: person.id,
    name: person.name,
    email: person.email,
    locale: person.locale,
    agencyRoles: roles.map((r) => r.role).filter((r): r is AgencyRole => (agencyRoles as readonly string[]).includes(r)),
    memberships: orgs.flatMap((m) =>
      (organisationRoles as readonly string[]).includes(m.role) ? [{ organisationId: m.organisationId, role: m.role as OrganisationRole }] : [],
    ),
    participantIds: participants.map((p) => p.id),
  };
}
