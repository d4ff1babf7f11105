import { Hono } from 'hono';
import type { ApiEnv } from '../../api/api-env.ts';
import { createApi } from '../../api/app.ts';
import { coreContext } from '../../core/context.ts';
import { visitor, type Actor } from '../../core/identity/actor.ts';
import type { Database } from '../../db/database.ts';

/**
 * The API as server/http-app.ts mounts it, acting as `actor` (what the session cookie would resolve to),
 * for `app.request(...)` in tests. The origin check and sessions belong to the server and are left out.
 */
export function apiAs(db: Database, actor: Actor = visitor) {
  const app = new Hono<ApiEnv>();
  app.use(async (c, next) => {
    c.set('core', coreContext({ db, actor, publicUrl: 'http://localhost:3000' }));
    c.set('ping', async () => {});
    await next();
  });
  app.route('/api', createApi());
  return app;
}

/** A JSON request body with its content type, as API clients send it. */
export function jsonBody(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } };
}
