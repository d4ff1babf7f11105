import type { Database } from '../db/database.ts';
import type { Actor } from './identity/actor.ts';

/** Everything a use-case needs from the outside world, passed in explicitly (no module singletons). */
export interface CoreContext {
  db: Database;
  /** Who is acting. Defaults to a visitor where a caller does not say. */
  actor?: Actor;
  /** Tied into the audit trail and logs. */
  requestId?: string;
  /** Where people reach the platform (PUBLIC_URL); links in the emails a use-case queues start with it. */
  publicUrl?: string;
}
