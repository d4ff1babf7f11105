import type { Database } from '../db/database.ts';

/** Everything a use-case needs from the outside world, passed in explicitly (no module singletons). */
export interface CoreContext {
  db: Database;
}
