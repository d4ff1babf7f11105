import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from './api-env.ts';

/**
 * The API knows the same people as the web pages: a browser or script signs in at /{lang}/sign-in and
 * sends the session cookie it got. Writes also pass the server's origin check (Hono's csrf, in
 * server/http-app.ts): a form, text or empty body must carry `Origin` of this site.
 */
export const SESSION_COOKIE = 'mx.session_token';

/** `security` of a route that needs a signed-in person. */
export const sessionCookie = [{ sessionCookie: [] }];

/** `security` of a public route: explicitly none, so that client tools know to send no cookie. */
export const publicAccess: (typeof sessionCookie)[number][] = [];

export function registerSecuritySchemes(api: OpenAPIHono<ApiEnv>) {
  api.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'The session cookie set by signing in on the web (POST /{lang}/sign-in). Requests that change something should also send `Origin` with this site’s address: one with a form or text body, or none, is refused without it (403 `crossSite`).',
  });
}
