import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import type { Actor, AgencyRole, Membership } from '../../core/identity/actor.ts';
import type { Database } from '../database.ts';
import { agencyRoleAssignments, memberships as membershipTable, participantAccounts } from '../schema/access.ts';
import { account, user } from '../schema/auth.ts';
import { defaultSequence, type Sequence } from './sequence.ts';

export interface UserOverrides {
  name?: string;
  email?: string;
  locale?: string;
  /** Plain password; stored hashed, exactly as a real sign-up would. Omit for no password. */
  password?: string;
  agencyRoles?: AgencyRole[];
  memberships?: Membership[];
  participantIds?: string[];
}

/** A person with an account, their roles, and the Actor a use-case would see for them. */
export async function createUser(db: Database, overrides: UserOverrides = {}, seq: Sequence = defaultSequence) {
  const n = seq.count();
  const id = randomUUID();
  const email = (overrides.email ?? `person${n}.${id.slice(0, 6)}@example.org`).toLowerCase();
  const name = overrides.name ?? `Person ${n}`;
  const locale = overrides.locale ?? 'en';
  await db.insert(user).values({ id, name, email, emailVerified: true, locale });
  if (overrides.password) {
    await db.insert(account).values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: await hashPassword(overrides.password) });
  }
  for (const roleCode of overrides.agencyRoles ?? []) await db.insert(agencyRoleAssignments).values({ userId: id, roleCode });
  for (const m of overrides.memberships ?? []) await db.insert(membershipTable).values({ userId: id, organisationId: m.organisationId, roleCode: m.role });
  for (const participantId of overrides.participantIds ?? []) await db.insert(participantAccounts).values({ userId: id, participantId });
  const actor: Actor = {
    kind: 'user',
    userId: id,
    name,
    email,
    locale,
    agencyRoles: overrides.agencyRoles ?? [],
    memberships: overrides.memberships ?? [],
    participantIds: overrides.participantIds ?? [],
  };
  return { id, email, name, actor };
}
