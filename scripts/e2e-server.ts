import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startSmtpSink } from '../tests/support/smtp-sink.ts';

/**
 * The server the end-to-end tests talk to: the production build on a fresh embedded database, sending
 * its email through SMTP to a real SMTP server started here, which files each message for the tests.
 */
const dataDir = process.env.DATA_DIR ?? 'data/e2e';
rmSync(dataDir, { recursive: true, force: true });
process.env.DATA_DIR = dataDir;
process.env.LOG_LEVEL ??= 'warn';
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 3211);
await startSmtpSink(smtpPort, join(dataDir, 'mail'));
process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
await import('../server.ts');
