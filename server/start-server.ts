import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import type { ServerBuild } from 'react-router';
import { coreContext } from '../core/context.ts';
import { system } from '../core/identity/actor.ts';
import { matchUnmatchedOrganisationCities } from '../core/organisations/match-unmatched-organisation-cities.ts';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import { forgetSharedReads, withSharedReadCache } from '../db/shared-read-cache.ts';
import { seedDemoData } from '../db/seed/seed-demo-data.ts';
import { DEMO_PASSWORD, seedDemoUsers, type DemoLogin } from '../db/seed/seed-demo-users.ts';
import { createMailTransport } from './email/mail-transport.ts';
import { startEmailWorker } from './email/email-worker.ts';
import { startJobsRunner } from './jobs/jobs-runner.ts';
import { flowCountsInMemory } from '../core/stats/flow-counts-in-memory.ts';
import { resolveAuthSecret } from './auth/auth-secret.ts';
import { createAuth } from './auth/create-auth.ts';
import { makeOpenDataFilesAhead } from './make-open-data-ahead.ts';
import { recordSessionCreated } from './auth/record-session-created.ts';
import { sendPasswordResetEmail } from './auth/send-password-reset-email.ts';
import type { Config } from './config.ts';
import { fileStoreFromConfig } from './files/file-store-from-config.ts';
import { createHttpApp } from './http-app.ts';
import type { Logger } from './logger.ts';

export interface RunningServer {
  url: string;
  /** Demo accounts (when DEMO_DATA is on), all with `demoPassword`. */
  demoLogins: DemoLogin[];
  demoPassword: string;
  stop(): Promise<void>;
}

/** Opens the database, migrates, seeds the demo data once, and serves HTTP until stop() is called. */
export async function startServer(config: Config, logger: Logger, root = process.cwd()): Promise<RunningServer> {
  const buildFile = resolve(root, 'build/server/index.js');
  if (!existsSync(buildFile)) throw new Error(`No build at ${buildFile}: run "npm run build" first.`);

  // A bucket that cannot be reached stops the start, rather than the first upload.
  const files = fileStoreFromConfig(config);
  if (files.kind === 's3') await files.checkBucket();
  logger.info({ fileStore: files.kind, ...(files.kind === 's3' ? { bucket: files.bucket } : {}) }, 'file store ready');

  const database = config.DATABASE_URL
    ? await openDatabase({
        kind: 'postgres',
        url: config.DATABASE_URL,
        onIdleError: (error) => logger.warn({ err: error }, 'idle database connection closed by the server'),
      })
    : await openDatabase({
        kind: 'pglite',
        dataDir: resolve(root, config.DATA_DIR, 'pglite'),
        ownThread: true,
        // Nothing can be read or written any more: stop, for whatever supervises the server to start it again,
        // as when PGlite failed in this thread.
        onThreadStopped: (error) => {
          logger.fatal({ err: error }, 'the embedded database stopped');
          process.exit(1);
        },
      });
  logger.info({ database: database.kind }, 'database opened');
  await database.migrate();
  // Organisations registered before cities were matched to places: matched now where the name is
  // unambiguous (the cities list is loaded only when some organisation has no place yet).
  const cities = await matchUnmatchedOrganisationCities(coreContext({ db: database.db, actor: system('city-matching') }));
  if (cities.matched > 0 || cities.unmatched > 0) logger.info(cities, 'organisation cities matched to places');
  let demoLogins: DemoLogin[] = [];
  if (config.DEMO_DATA) {
    const { seeded } = await seedDemoData(database.db, { history: config.DEMO_HISTORY });
    logger.info({ seeded }, seeded ? 'demo data loaded' : 'demo data already present');
    demoLogins = (await seedDemoUsers(database.db)).logins;
  }
  // The embedded database runs no autovacuum, so its planner has no statistics unless asked: without them
  // it guessed a third of a table for "rows written since" and scanned the statistics aggregate whole on
  // every request (6 ms on the demo) instead of reading its index. PostgreSQL's autovacuum does this itself.
  if (database.kind === 'pglite') {
    const started = performance.now();
    await database.db.execute(sql`analyze`);
    logger.info({ ms: Math.round(performance.now() - started) }, 'embedded database analysed');
  }
  const transport = createMailTransport(config.SMTP_URL, logger);
  const emailWorker = startEmailWorker({ db: database.db, transport, logger, from: config.MAIL_FROM });

  // Scheduled jobs (report reminders, the planner's statistics, the IATI check), beside the email worker:
  // reminders queue email, the worker sends it.
  // Pages, the API and the jobs read and write through one handle that keeps agency-wide reads between
  // writes (db/shared-read-cache.ts): a job's write (a new IATI check) ends what was kept, as a page's does.
  const db = withSharedReadCache(database.db);
  const jobsRunner = startJobsRunner({
    db,
    logger,
    publicUrl: (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, ''),
    iatiOrganisationIdentifier: config.IATI_ORGANISATION_IDENTIFIER,
  });

  // The statistics page sums a copy of its aggregate kept in memory (decision 019): read now, in the
  // background, rather than on the first visitor's request (a second or two at a million participants).
  flowCountsInMemory(database.db).catch((error: unknown) => logger.warn({ err: error }, 'statistics: the aggregate could not be read ahead'));

  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  const publicUrl = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
  const auth = createAuth({
    db: database.db,
    secret: resolveAuthSecret(config.AUTH_SECRET, resolve(root, config.DATA_DIR)),
    baseURL: publicUrl,
    oidc:
      config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET
        ? { issuer: config.OIDC_ISSUER, clientId: config.OIDC_CLIENT_ID, clientSecret: config.OIDC_CLIENT_SECRET }
        : undefined,
    onSessionCreated: (session) => recordSessionCreated(database.db, session),
    onPasswordReset: (args) => sendPasswordResetEmail(database.db, { ...args, publicUrl }),
    // better-auth writes sessions through the plain handle: what the caching one kept of them ends with each change.
    onSessionsChanged: () => forgetSharedReads(db),
  });
  const app = createHttpApp({
    db,
    files,
    auth,
    publicUrl,
    mailToLog: !config.SMTP_URL,
    oidcIssuer: config.OIDC_ISSUER,
    iatiOrganisationIdentifier: config.IATI_ORGANISATION_IDENTIFIER,
    ping: database.ping,
    logger,
    build,
    clientDir: resolve(root, 'build/client'),
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolveListening, reject) => {
    const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolveListening(s));
    s.once('error', reject);
  });
  // The open datasets' files, made now in the background rather than on the first download (server/make-open-data-ahead.ts).
  void makeOpenDataFilesAhead(app, publicUrl, logger);
  const shownHost = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const url = `http://${shownHost}:${config.PORT}`;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // Stop accepting, let requests in flight finish, then close the database.
      await new Promise<void>((done) => {
        const timer = setTimeout(() => {
          logger.warn('shutdown timeout: closing open connections');
          if ('closeAllConnections' in server) server.closeAllConnections();
          done();
        }, config.SHUTDOWN_TIMEOUT_MS);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          done();
        });
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      await jobsRunner.stop();
      await emailWorker.stop();
      transport.close();
      await database.close();
      if (files.kind === 's3') files.close();
    })());
  return { url, stop, demoLogins, demoPassword: DEMO_PASSWORD };
}
