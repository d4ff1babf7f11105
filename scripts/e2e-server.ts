import { rmSync } from 'node:fs';

/** The server the end-to-end tests talk to: the production build on a fresh embedded database. */
const dataDir = process.env.DATA_DIR ?? 'data/e2e';
rmSync(dataDir, { recursive: true, force: true });
process.env.DATA_DIR = dataDir;
process.env.LOG_LEVEL ??= 'warn';
await import('../server.ts');
