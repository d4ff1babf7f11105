import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../db/client.ts';
import type { Database } from '../../db/database.ts';
import { seedDemoData } from '../../db/seed/seed-demo-data.ts';
import { seedDemoUsers } from '../../db/seed/seed-demo-users.ts';
import { coreContext } from '../../core/context.ts';
import { system } from '../../core/identity/actor.ts';
import { makeIatiCheck } from '../../core/open-data/iati/make-iati-check.ts';
import { DEFAULT_IATI_ORGANISATION_IDENTIFIER } from '../../core/open-data/iati/stream-iati-activities.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a dump of a migrated, empty database that every test file loads. */
    pgliteTemplate: string | null;
    /** PGlite: a dump of the same with the demo data, its people (db/seed) and its IATI check, for the files that test on the demo. */
    pgliteDemoTemplate: string | null;
    /** PostgreSQL: the name of a migrated template database on TEST_DATABASE_URL's server. */
    postgresTemplate: string | null;
    /** PostgreSQL: the name of a template database with the demo data and its people. */
    postgresDemoTemplate: string | null;
  }
}

/**
 * Migrates one template database before any test runs; each test file then clones it
 * (PGlite: loadDataDir of a dump, 0.8 s instead of a 2.4 s initdb; PostgreSQL: CREATE DATABASE … TEMPLATE).
 * A second template holds the demo data and its people, seeded once: seventeen files test on the demo
 * (the page and fuzz tests), and each seeded it for itself (6–8 s of a 2-core machine each; loading the
 * seeded dump takes about 2 s). TEST_DATABASE_URL (or DATABASE_URL) selects PostgreSQL: each file gets a
 * new database on that server.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (url) {
    const name = `mx_template_${randomUUID().slice(0, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const template = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), maxConnections: 1 });
    await template.migrate();
    await template.close();
    const demoName = `${name}_demo`;
    await admin.query(`create database ${demoName} template ${name}`);
    const demo = await openDatabase({ kind: 'postgres', url: withDatabase(url, demoName), maxConnections: 1 });
    await seedDemo(demo.db);
    await demo.close();
    project.provide('postgresTemplate', name);
    project.provide('postgresDemoTemplate', demoName);
    project.provide('pgliteTemplate', null);
    project.provide('pgliteDemoTemplate', null);
    return async () => {
      await admin.query(`drop database if exists ${demoName} with (force)`);
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }

  const dir = mkdtempSync(join(tmpdir(), 'mx-test-'));
  const handle = await openDatabase({ kind: 'pglite' });
  await handle.migrate();
  const client = (handle.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await seedDemo(handle.db);
  const demoFile = join(dir, 'demo.tar');
  writeFileSync(demoFile, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
  await handle.close();
  project.provide('pgliteTemplate', file);
  project.provide('pgliteDemoTemplate', demoFile);
  project.provide('postgresTemplate', null);
  project.provide('postgresDemoTemplate', null);
  return () => rmSync(dir, { recursive: true, force: true });
}

/** The demo as a started server has it: the data, its people, and the IATI check the server's job makes at start. */
async function seedDemo(db: Database) {
  await seedDemoData(db);
  await seedDemoUsers(db);
  await makeIatiCheck(coreContext({ db, actor: system('test:template') }), { organisationIdentifier: DEFAULT_IATI_ORGANISATION_IDENTIFIER });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
