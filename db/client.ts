import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Database } from './database.ts';
import { createPglite } from './create-pglite.ts';
import { nameReads } from './postgres-named-reads.ts';
import { openPgliteThread, type PgliteThread } from './pglite-thread.ts';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Applies every migration not yet applied (the same SQL files for both kinds). */
  migrate(): Promise<void>;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; maxConnections?: number; onIdleError?: (error: Error) => void }
  /** dataDir undefined = in memory; loadDataDir = start from a dump (tests clone a migrated template). */
  | {
      kind: 'pglite';
      dataDir?: string;
      loadDataDir?: Blob;
      /** In a worker thread of its own (the server: decision 026); onThreadStopped hears if that thread ever fails. */
      ownThread?: boolean;
      onThreadStopped?: (error: Error) => void;
    };

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.maxConnections ?? 10 });
    // An idle connection can be cut by the server (restart, admin termination). The pool drops it and
    // opens a new one on the next query; without a listener Node would treat the event as a crash.
    pool.on('error', (error) => target.onIdleError?.(error));
    pool.on('connect', (client) => nameReads(client));
    const db = drizzlePg({ client: pool });
    return {
      db,
      kind: 'postgres',
      migrate: () => migratePg(db, { migrationsFolder }),
      ping: async () => void (await db.execute(sql`select 1`)),
      close: () => pool.end(),
    };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  if (target.ownThread) {
    const thread = await openPgliteThread({ dataDir: target.dataDir, loadDataDir: target.loadDataDir }, { onStopped: target.onThreadStopped });
    return pgliteHandle(thread);
  }
  return pgliteHandle(await createPglite({ dataDir: target.dataDir, loadDataDir: target.loadDataDir }));
}

/** drizzle on PGlite, in this thread or in its own (which drizzle's driver takes as it takes a PGlite). */
function pgliteHandle(client: PGlite | PgliteThread): DatabaseHandle {
  const db = drizzlePglite({ client: client as PGlite });
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder }),
    ping: async () => void (await db.execute(sql`select 1`)),
    close: () => client.close(),
  };
}
