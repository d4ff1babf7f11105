import type { MiddlewareHandler } from 'hono';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery: a state-changing request must come from our own pages. Browsers send
 * Origin on every POST (and Sec-Fetch-Site); a request from another site, or a browser request that
 * names no origin at all, is refused. With SameSite=Lax cookies this is the second line of defence.
 * Requests without cookies (API clients with tokens) cannot ride on a victim's session and pass.
 */
export function csrfProtection(allowedOrigins: string[]): MiddlewareHandler {
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const own = new URL(c.req.url).origin;
    const allowed = origin ? origin === own || allowedOrigins.includes(origin) : site === 'same-origin' || site === undefined;
    const hasCookies = Boolean(c.req.header('cookie'));
    if (!allowed || (hasCookies && !origin && site !== 'same-origin')) {
      return c.json(
        { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Cross-site request refused (origin check).' },
        403,
        { 'content-type': 'application/problem+json' },
      );
    }
    return next();
  };
}
