import { ConfigError, loadConfig } from './server/config.ts';
import { createLogger } from './server/logger.ts';
import { startServer } from './server/start-server.ts';

/** The one HTTP server: /api → Hono + OpenAPI, everything else → React Router. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const server = await startServer(config, logger);
  logger.info({ url: server.url }, 'listening');
  // Humans read this part: the address and the demo logins.
  const logins = server.demoLogins.map((l) => `    ${l.email.padEnd(38)} ${l.role}`).join('\n');
  console.log(
    `\n  Mutual-exchange platform running at ${server.url}\n  Norwegian: ${server.url}/nb/   API: ${server.url}/api/docs\n` +
      (logins ? `\n  Demo logins (password: ${server.demoPassword}):\n${logins}\n` : ''),
  );

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      server.stop().then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
