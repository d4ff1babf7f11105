import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { withPreparedReads } from './pglite-prepared-reads.ts';

/**
 * PGlite as this project opens it, in whichever thread calls this (db/client.ts in the caller's, the
 * server's own in db/pglite-thread-worker.ts): with pg_trgm and with reads as prepared statements
 * (decision 022). dataDir undefined = in memory; loadDataDir = start from a dump.
 */
export async function createPglite({ dataDir, loadDataDir }: { dataDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  const client = await PGlite.create({
    extensions: { pg_trgm },
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  withPreparedReads(client);
  return client;
}
