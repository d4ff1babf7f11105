import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIsStale, serverBundle } from './build-server.ts';
import { OIDC_TEST_CLIENT, startOidcTestProvider } from '../tests/support/oidc-test-provider.ts';
import { startSmtpSink } from '../tests/support/smtp-sink.ts';
import { e2eDataDir, e2eOidcPort, e2eSmtpPort } from '../tests/support/e2e-env.ts';

/**
 * The server the end-to-end tests talk to: the production build (`build/server.js`) on a fresh embedded database, sending
 * its email through SMTP to a real SMTP server started here, which files each message for the tests,
 * and with agency single sign-on through a real OpenID Connect provider started here too.
 */
const dataDir = process.env.DATA_DIR ?? e2eDataDir;
rmSync(dataDir, { recursive: true, force: true });
process.env.DATA_DIR = dataDir;
process.env.LOG_LEVEL ??= 'warn';
const smtpPort = e2eSmtpPort;
await startSmtpSink(smtpPort, join(dataDir, 'mail'));
process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
// Agency single sign-on against a real OpenID Connect provider.
const publicUrl = process.env.PUBLIC_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
const { issuer } = await startOidcTestProvider(e2eOidcPort, `${publicUrl}/api/auth/callback/agency`);
process.env.OIDC_ISSUER = issuer;
process.env.OIDC_CLIENT_ID = OIDC_TEST_CLIENT.id;
process.env.OIDC_CLIENT_SECRET = OIDC_TEST_CLIENT.secret;
// The browser tests find their demo records in lists and directories: the 12,000 people of the statistics' history
// (tested in-process, tests/integration/statistics-pages.test.ts) would page them away.
process.env.DEMO_HISTORY ??= 'false';
// What production runs: the compiled server (build/server.js sets NODE_ENV before anything is imported),
// with the embedded database's thread from its own bundle (decision 026).
if (buildIsStale()) throw new Error('The build is missing or older than the sources: run `npm run build` first.');
await import(pathToFileURL(resolve(serverBundle)).href);
