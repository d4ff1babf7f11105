import { resolve } from 'node:path';
import { openDatabase } from '../db/client.ts';
import { loadConfig } from '../server/config.ts';
import { isJobName, jobs } from '../server/jobs/jobs.ts';

/**
 * `npm run jobs -- <name>`: runs one scheduled job once, now, against the configured database
 * (DATABASE_URL, else the PGlite database in DATA_DIR, migrated first), and prints what it did.
 * The server runs the same jobs on its own (server/jobs/jobs-runner.ts); running one by hand as well
 * is harmless: a reminder already sent is not sent again, and an IATI check that saw every change is not made again.
 */
const name = process.argv[2] ?? '';
if (!isJobName(name)) {
  console.error(`Usage: npm run jobs -- <job>\nJobs: ${Object.keys(jobs).join(', ')}`);
  process.exit(2);
}
const config = loadConfig();
const database = config.DATABASE_URL
  ? await openDatabase({ kind: 'postgres', url: config.DATABASE_URL })
  : await openDatabase({ kind: 'pglite', dataDir: resolve(process.cwd(), config.DATA_DIR, 'pglite') });
try {
  await database.migrate();
  const result = await jobs[name].run({ db: database.db, publicUrl: (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, ''), iatiOrganisationIdentifier: config.IATI_ORGANISATION_IDENTIFIER });
  console.log(result.summary);
  console.log(JSON.stringify(result.details, null, 2));
} finally {
  await database.close();
}
