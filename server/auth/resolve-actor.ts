import type { Actor } from '../../core/identity/actor.ts';
import { visitor } from '../../core/identity/actor.ts';
import { loadActor } from '../../core/identity/load-actor.ts';
import type { Database } from '../../db/database.ts';
import type { Auth } from './create-auth.ts';

/** Visitors without a session cookie cost no database query; with one, the session and roles are read. */
export async function resolveActor(auth: Auth, db: Database, headers: Headers): Promise<Actor> {
  if (!headers.get('cookie')?.includes('session_token')) return visitor;
  const found = await auth.api.getSession({ headers });
  if (!found) return visitor;
  return loadActor(db, found.user.id);
}
