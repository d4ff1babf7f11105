import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';
import type { Database } from '../../db/database.ts';
import { withDatabase } from './global-database.ts';

/**
 * A fresh, migrated, empty database for the calling test file, closed (and dropped) after it.
 * Use `testDb.db` inside tests; data comes from the factories in db/factories. On PostgreSQL the file
 * gets a pool of `maxConnections` (more for a test of concurrent writers); PGlite has one connection.
 * `withDemo`: the database holds the demo data and its people (seedDemoData and seedDemoUsers, seeded
 * once for the whole run by tests/support/global-database.ts).
 */
export function useTestDatabase({ maxConnections = 4, withDemo = false }: { maxConnections?: number; withDemo?: boolean } = {}) {
  const state: { handle?: DatabaseHandle; drop?: () => Promise<void> } = {};

  beforeAll(async () => {
    const pgTemplate = inject(withDemo ? 'postgresDemoTemplate' : 'postgresTemplate');
    const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
    if (pgTemplate && url) {
      const name = `mx_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name} template ${pgTemplate}`);
      state.handle = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), maxConnections });
      state.drop = async () => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      };
      return;
    }
    const file = inject(withDemo ? 'pgliteDemoTemplate' : 'pgliteTemplate');
    if (!file) throw new Error('no test database template: is tests/support/global-database.ts the globalSetup?');
    state.handle = await openDatabase({ kind: 'pglite', loadDataDir: new Blob([readFileSync(file)]) });
  });

  afterAll(async () => {
    await state.handle?.close();
    await state.drop?.();
  });

  return {
    get db(): Database {
      if (!state.handle) throw new Error('the test database is not open yet: use it inside a test or hook');
      return state.handle.db;
    },
    get handle(): DatabaseHandle {
      if (!state.handle) throw new Error('the test database is not open yet');
      return state.handle;
    },
  };
}
