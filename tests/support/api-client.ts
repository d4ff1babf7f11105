import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../api/openapi-types.ts';
import { visitor, type Actor } from '../../core/identity/actor.ts';
import type { Database } from '../../db/database.ts';
import { apiAs } from './api-as.ts';

/** A client of the API typed by its own OpenAPI document (api/openapi-types.ts): paths, parameters, bodies and answers. */
export type ApiClient = Client<paths>;

/**
 * The typed client calling `app` in-process (`app.request`), as a client tool generated from
 * /api/openapi.json would call the server: a request the document does not describe does not compile.
 */
export function apiClient(app: { request: (request: Request) => Response | Promise<Response> }): ApiClient {
  return createClient<paths>({ baseUrl: 'http://localhost/api', fetch: async (request) => app.request(request) });
}

/** The typed client acting as `actor` (what the session cookie would resolve to), on the test file's database. */
export function clientAs(db: Database, actor: Actor = visitor): ApiClient {
  return apiClient(apiAs(db, actor));
}
