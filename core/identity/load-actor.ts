import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { preparedPerHandle } from '../../db/prepared-per-handle.ts';
import { agencyRoleAssignments, memberships, participantAccounts } from '../../db/schema/access.ts';
import { session, user } from '../../db/schema/auth.ts';
import { agencyRoles, organisationRoles, type Actor, type AgencyRole, type OrganisationRole } from './actor.ts';

/** Whose roles to load: a person by id, or whoever holds a live session token. */
export type ActorKey = { userId: string } | { sessionToken: string; now: Date };

export interface LoadedActor {
  actor: Actor;
  /** For a session token: when the session ends (the caller refreshes it when it is old). */
  sessionExpiresAt?: Date;
}

/**
 * The signed-in person with the roles the database gives them now (never roles cached in a cookie),
 * in one query: the person, their agency roles, memberships and participant records, and for a session
 * token the session itself (so a signed-out or expired session is a visitor at once).
 */
export async function loadActor(db: Database, key: ActorKey): Promise<LoadedActor> {
  const [row] = 'userId' in key ? await db.select(columns).from(user).where(and(eq(user.id, key.userId), isNull(user.anonymisedAt))) : await bySession(db).execute({ token: key.sessionToken, now: key.now.toISOString() });
  if (!row) return { actor: { kind: 'visitor' } };
  return {
    actor: {
      kind: 'user',
      userId: row.id,
      name: row.name,
      email: row.email,
      locale: row.locale,
      agencyRoles: row.roles.filter((r): r is AgencyRole => (agencyRoles as readonly string[]).includes(r)),
      memberships: row.memberships.flatMap((m) =>
        (organisationRoles as readonly string[]).includes(m.role) ? [{ organisationId: m.organisationId, role: m.role as OrganisationRole }] : [],
      ),
      participantIds: row.participantIds,
    },
    ...('sessionExpiresAt' in row ? { sessionExpiresAt: row.sessionExpiresAt as Date } : {}),
  };
}

/** The person and their roles, as one row. */
const columns = {
  id: user.id,
  name: user.name,
  email: user.email,
  locale: user.locale,
  roles: sql<string[]>`coalesce((select json_agg(${agencyRoleAssignments.roleCode}) from ${agencyRoleAssignments} where ${agencyRoleAssignments.userId} = ${user.id}), '[]')`,
  memberships: sql<{ organisationId: string; role: string }[]>`coalesce((select json_agg(json_build_object('organisationId', ${memberships.organisationId}, 'role', ${memberships.roleCode})) from ${memberships} where ${memberships.userId} = ${user.id}), '[]')`,
  participantIds: sql<string[]>`coalesce((select json_agg(${participantAccounts.participantId}) from ${participantAccounts} where ${participantAccounts.userId} = ${user.id}), '[]')`,
};

/**
 * The session-token lookup every signed-in request makes, prepared once per database handle
 * (db/prepared-per-handle.ts) instead of building the same SQL for every request.
 */
function bySession(db: Database) {
  return preparedPerHandle(db, 'load_actor_by_session', (name) =>
    db
      .select({ ...columns, sessionExpiresAt: session.expiresAt })
      .from(session)
      .innerJoin(user, eq(user.id, session.userId))
      .where(and(eq(session.token, sql.placeholder('token')), gt(session.expiresAt, sql.placeholder('now')), isNull(user.anonymisedAt)))
      .prepare(name),
  );
}
