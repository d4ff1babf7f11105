import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { requestId, type RequestIdVariables } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { createRequestHandler, type ServerBuild } from 'react-router';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createApi } from '../api/app.ts';
import { problemResponse } from '../api/problem.ts';
import type { Actor } from '../core/identity/actor.ts';
import type { Database } from '../db/database.ts';
import type { Auth } from './auth/create-auth.ts';
import { resolveActor } from './auth/resolve-actor.ts';
import { bodyLimit } from 'hono/body-limit';
import { createTranslator } from '../i18n/translator.ts';
import { isLocale, type Locale } from '../i18n/locales.ts';
import { csrfProtection } from './csrf.ts';
import type { Logger } from './logger.ts';

export interface HttpAppOptions {
  db: Database;
  auth: Auth;
  publicUrl: string;
  mailToLog: boolean;
  /** The agency's OpenID Connect issuer, when single sign-on is configured. */
  oidcIssuer: string | undefined;
  ping: () => Promise<void>;
  logger: Logger;
  /** The React Router server build (build/server/index.js). */
  build: ServerBuild;
  clientDir: string;
  mode?: string;
}

/** Endpoints better-auth answers itself (listed in tests/e2e/role-access.spec.ts). */
export const authEndpoints = ['/api/auth/callback/:providerId'];

/** One Hono app for everything: /healthz, /api (Hono + OpenAPI), static assets, and React Router pages. */
export function createHttpApp({ db, auth, publicUrl, mailToLog, oidcIssuer, ping, logger, build, clientDir, mode = 'production' }: HttpAppOptions) {
  const app = new Hono<{
    Variables: RequestIdVariables & { core: { db: Database; actor: Actor; requestId: string }; ping: () => Promise<void>; publicUrl: string };
  }>();
  const handleDocument = createRequestHandler(build, mode);

  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(
      {
        requestId: c.var.requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  });
  app.onError((error, c) => {
    logger.error({ requestId: c.var.requestId, err: error }, 'unhandled error');
    return c.text('Internal Server Error', 500);
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // A form post may be redirected to the sign-on provider; browsers apply form-action to that redirect.
        formAction: ["'self'", ...(oidcIssuer ? [new URL(oidcIssuer).origin] : [])],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(compress());
  app.use(csrfProtection([new URL(publicUrl).origin]));
  // No request body beyond what the largest form needs (a 5 MB PDF and its fields): a bigger one is
  // refused before it is read into memory, in the language of the page it was sent from.
  app.use(
    bodyLimit({
      maxSize: MAX_REQUEST_BYTES,
      onError: (c) => {
        const max = MAX_REQUEST_BYTES / 1024 / 1024;
        if (c.req.path.startsWith('/api/')) return problemResponse(c, 413, 'requestTooLarge', { params: { max } });
        return c.text(createTranslator(localeOfPath(c.req.path)).t('error.requestTooLarge', { max }), 413);
      },
    }),
  );

  app.get('/healthz', async (c) => {
    try {
      await ping();
      return c.json({ status: 'ok' });
    } catch (error) {
      logger.warn({ requestId: c.var.requestId, err: error }, 'health check: database unavailable');
      return c.json({ status: 'unavailable' }, 503);
    }
  });

  // The one better-auth endpoint served directly: the provider sends the browser back here after
  // single sign-on. Everything else of better-auth is reached through our own forms.
  for (const path of authEndpoints) app.get(path, (c) => auth.handler(c.req.raw));

  app.use('/api/*', async (c, next) => {
    c.set('core', { db, actor: await resolveActor(auth, db, c.req.raw.headers), requestId: c.var.requestId });
    c.set('ping', ping);
    c.set('publicUrl', publicUrl);
    await next();
  });
  app.route('/api', createApi());

  // Fingerprinted build output never changes under its name: cache it for a year.
  app.use(
    '/assets/*',
    serveStatic({
      root: clientDir,
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  app.use('/favicon.svg', serveStatic({ root: clientDir }));

  app.all('*', async (c) => {
    const actor = await resolveActor(auth, db, c.req.raw.headers);
    let clientIp = 'unknown';
    try {
      clientIp = getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      // app.request() in tests has no socket
    }
    return handleDocument(c.req.raw, {
      core: { db, actor, requestId: c.var.requestId },
      requestId: c.var.requestId,
      auth,
      publicUrl,
      clientIp,
      mailToLog,
      oidcEnabled: Boolean(oidcIssuer),
    });
  });
  return app;
}

/** Attachments are at most 5 MB (core/applications/application-attachments.ts); the rest of the form is small. */
export const MAX_REQUEST_BYTES = 6 * 1024 * 1024;

function localeOfPath(path: string): Locale {
  const first = path.split('/')[1];
  return isLocale(first) ? first : 'en';
}
