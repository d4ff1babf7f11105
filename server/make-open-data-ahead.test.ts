import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPartnership } from '../db/factories/partnership-factory.ts';
import { withSharedReadCache } from '../db/shared-read-cache.ts';
import { pageBuild } from '../tests/support/in-process-app.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';
import { createAuth } from './auth/create-auth.ts';
import { createHttpApp } from './http-app.ts';
import { createLogger } from './logger.ts';
import { makeOpenDataFilesAhead, openDataFilePaths } from './make-open-data-ahead.ts';

const testDb = useTestDatabase();
const publicUrl = 'http://localhost:3000';

describe('the open datasets made ahead', () => {
  it('makes every dataset’s file in both formats, one after another, as a visitor downloads it', async () => {
    const asked: { path: string; encoding: string | null }[] = [];
    let open = 0;
    const app = {
      request: async (input: string, init?: RequestInit) => {
        open += 1;
        expect(open).toBe(1);
        asked.push({ path: new URL(input).pathname, encoding: new Headers(init?.headers).get('accept-encoding') });
        return new Response(new ReadableStream({ pull: (c) => (open -= 1, c.close()) }));
      },
    };
    await makeOpenDataFilesAhead(app, publicUrl, createLogger('silent'));
    expect(asked.map((a) => a.path)).toEqual(openDataFilePaths);
    expect(openDataFilePaths).toHaveLength(8);
    expect(asked.every((a) => a.encoding === 'gzip')).toBe(true);
  });

  it('stops quietly at the first file that cannot be made', async () => {
    let asked = 0;
    const app = { request: async () => ((asked += 1), Promise.reject(new Error('the database is closed'))) };
    await expect(makeOpenDataFilesAhead(app, publicUrl, createLogger('silent'))).resolves.toBeUndefined();
    expect(asked).toBe(1);
  });

  it('on the whole app, the first download gets the file made ahead', async () => {
    const db = withSharedReadCache(testDb.db);
    const auth = createAuth({ db: testDb.db, secret: 'open-data-ahead-secret-0123456789-0123456789', baseURL: publicUrl, onSessionCreated: async () => {}, onPasswordReset: async () => {} });
    const root = resolve(import.meta.dirname, '..');
    const app = createHttpApp({ db, auth, publicUrl, mailToLog: true, oidcIssuer: undefined, ping: async () => {}, logger: createLogger('silent'), build: await pageBuild(), clientDir: join(root, 'build/client') });
    const before = await createPartnership(testDb.db);
    await makeOpenDataFilesAhead(app, publicUrl, createLogger('silent'));
    // Written where this server's handle does not see it: a file made now would have it, the one made ahead has not.
    const after = await createPartnership(testDb.db);
    const ids = ((await (await app.request(`${publicUrl}/api/v1/open-data/partnerships.json`)).json()) as { id: string }[]).map((p) => p.id);
    expect(ids).toContain(before.id);
    expect(ids).not.toContain(after.id);
  }, 600_000);
});
