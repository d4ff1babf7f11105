import type { Database } from '../db/database.ts';
import { databaseFileStore } from './files/database-file-store.ts';
import type { FileStore } from './files/file-store.ts';
import { visitor, type Actor } from './identity/actor.ts';

/** Everything a use-case needs from the outside world, passed in explicitly (no module singletons). */
export interface CoreContext {
  db: Database;
  /** Who is acting: a visitor where the caller knows no one. */
  actor: Actor;
  /** The clock: what "now" is for deadlines, expiry and timestamps. Tests pin it. */
  now: () => Date;
  /** Tied into the audit trail and logs. */
  requestId?: string;
  /** Where people reach the platform (PUBLIC_URL); links in the emails a use-case queues start with it. */
  publicUrl?: string;
  /** Where the bytes of files go (core/files/file-store.ts): the database unless FILE_STORE says otherwise. */
  files: FileStore;
}

/**
 * The one way to build a context: a visitor, the real clock and the database file store unless the
 * caller says otherwise.
 */
export function coreContext({
  db,
  actor = visitor,
  requestId,
  publicUrl,
  now = () => new Date(),
  files = databaseFileStore,
}: {
  db: Database;
  actor?: Actor;
  requestId?: string;
  publicUrl?: string;
  now?: () => Date;
  files?: FileStore;
}): CoreContext {
  return { db, actor, now, requestId, publicUrl, files };
}
