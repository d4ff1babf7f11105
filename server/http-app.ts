import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { requestId, type RequestIdVariables } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { createRequestHandler, type ServerBuild } from 'react-router';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createApi } from '../api/app.ts';
import { problemResponse } from '../api/problem.ts';
import { coreContext, type CoreContext } from '../core/context.ts';
import type { FileStore } from '../core/files/file-store.ts';
import type { Database } from '../db/database.ts';
import type { Auth } from './auth/create-auth.ts';
import { resolveActor } from './auth/resolve-actor.ts';
import { publicPage } from './public-page-cache.ts';
import { bodyLimit } from 'hono/body-limit';
import { createTranslator } from '../i18n/translator.ts';
import { isLocale, type Locale } from '../i18n/locales.ts';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { RequestContext } from './load-context.ts';
import { MAX_ATTACHMENT_BYTES } from '../core/applications/attachment-limits.ts';
import type { Logger } from './logger.ts';
import { compressResponse } from './compress-response.ts';

export interface HttpAppOptions {
  db: Database;
  /** Where files go (FILE_STORE); the database when absent. */
  files?: FileStore;
  auth: Auth;
  publicUrl: string;
  mailToLog: boolean;
  /** The agency's OpenID Connect issuer, when single sign-on is configured. */
  oidcIssuer: string | undefined;
  ping: () => Promise<void>;
  logger: Logger;
  /** IATI_ORGANISATION_IDENTIFIER: the reporting organisation of the IATI export. */
  iatiOrganisationIdentifier?: string;
  /** The React Router server build (build/server/index.js). */
  build: ServerBuild;
  clientDir: string;
  mode?: string;
}

/** Endpoints better-auth answers itself (listed in tests/integration/role-access.test.ts). */
export const authEndpoints = ['/api/auth/callback/:providerId'];

/** One Hono app for everything: /healthz, /api (Hono + OpenAPI), static assets, and React Router pages. */
export function createHttpApp({ db, files, auth, publicUrl, mailToLog, oidcIssuer, ping, logger, build, clientDir, mode = 'production', iatiOrganisationIdentifier }: HttpAppOptions) {
  const app = new Hono<{
    Variables: RequestIdVariables & { core: CoreContext; ping: () => Promise<void> };
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
  app.use(compressResponse());
  // Cross-site request forgery: Hono's origin check. What another site can make a browser send without
  // asking (a form or text body, or none) must carry Sec-Fetch-Site: same-origin or an Origin of this site,
  // the request's own or PUBLIC_URL's; any other body needs a CORS preflight, which this server never allows.
  // A refusal is the styled page in the page's language, or problem+json on the API.
  const publicOrigin = new URL(publicUrl).origin;
  const originCheck = csrf({ origin: (origin, c) => origin === publicOrigin || origin === new URL(c.req.url).origin });
  app.use(async (c, next) => {
    try {
      return await originCheck(c, next);
    } catch (error) {
      if (!(error instanceof HTTPException) || error.status !== 403) throw error;
      if (c.req.path.startsWith('/api/')) return problemResponse(c, 403, 'crossSite');
      return renderPage(c, { status: 403, message: createTranslator(localeOfPath(c.req.path)).t('error.crossSite'), path: c.req.path });
    }
  });
  // No request body beyond what the largest form needs (a 5 MB file and the fields around it): a bigger
  // one is refused before it is read into memory. The message states the file limit the forms state.
  app.use(
    bodyLimit({
      maxSize: MAX_REQUEST_BYTES,
      onError: (c) => {
        const params = { max: MAX_ATTACHMENT_BYTES / 1024 / 1024 };
        if (c.req.path.startsWith('/api/')) return problemResponse(c, 413, 'requestTooLarge', { params });
        const message = createTranslator(localeOfPath(c.req.path)).t('error.requestTooLarge', params);
        return renderPage(c, { status: 413, message, path: c.req.path });
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
    c.set('core', coreContext({ db, actor: await resolveActor(auth, db, c.req.raw.headers), requestId: c.var.requestId, publicUrl, files }));
    c.set('ping', ping);
    await next();
  });
  // The open datasets' files are the same for every asker without credentials: kept as made (server/public-page-cache.ts).
  app.use('/api/v1/open-data/*', async (c, next) => {
    const response = await publicPage(c.var.core, c.req.raw, async () => {
      await next();
      return c.res;
    });
    if (response !== c.res) {
      c.res = undefined;
      c.res = response;
    }
  });
  app.route('/api', createApi());

  // Fingerprinted build output never changes under its name: cache it for a year. Set on the answer
  // serveStatic gives, not in its onFound: that runs after the answer is made, and its header reached the
  // answer only through @hono/node-server's own Response class (not in app.request, as tests call it).
  app.use(
    '/assets/*',
    async (c, next) => {
      await next();
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
    serveStatic({ root: clientDir }),
  );
  app.use('/favicon.svg', serveStatic({ root: clientDir }));

  // Every page: React Router with the person's context; `refusal` renders the error page instead.
  const renderPage = async (c: Context, refusal?: RequestContext['refusal']) => {
    const actor = await resolveActor(auth, db, c.req.raw.headers);
    let clientIp = 'unknown';
    try {
      clientIp = getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      // app.request() in tests has no socket
    }
    // A refused request is answered with the page at the same address, read (GET) rather than posted.
    // React Router aborts an action whose Origin differs from the request's address (behind a proxy the
    // Host may differ): the origin check above has already allowed this Origin, so the page is asked at it.
    const origin = c.req.header('origin');
    const url = new URL(c.req.url);
    const sameOrigin = origin && origin !== url.origin && origin === new URL(publicUrl).origin ? new URL(`${url.pathname}${url.search}`, origin).href : c.req.url;
    // The refusal is rendered at the language's home page, whose loader never redirects (the page that
    // was posted to may send a visitor to sign in first); the error page links back to the page itself.
    const request = refusal
      ? new Request(new URL(`/${localeOfPath(url.pathname)}/`, sameOrigin), { method: 'GET', headers: { 'accept-language': c.req.header('accept-language') ?? '', cookie: c.req.header('cookie') ?? '' } })
      : sameOrigin === c.req.url
        ? c.req.raw
        : new Request(sameOrigin, { method: c.req.method, headers: c.req.raw.headers, body: c.req.raw.body, signal: c.req.raw.signal, duplex: 'half' } as RequestInit);
    return handleDocument(request, {
      core: coreContext({ db, actor, requestId: c.var.requestId, publicUrl, files }),
      requestId: c.var.requestId,
      auth,
      publicUrl,
      clientIp,
      mailToLog,
      oidcEnabled: Boolean(oidcIssuer),
      iatiOrganisationIdentifier,
      refusal,
    });
  };
  app.all('*', async (c) => {
    const response = await publicPage(coreContext({ db, requestId: c.var.requestId, publicUrl, files }), c.req.raw, () => renderPage(c));
    // A download (a resource route) refuses as data, not as a page: people get the page that says why,
    // in their language, at the same address and with the same status.
    const html = (response.headers.get('content-type') ?? '').startsWith('text/html');
    if (response.status < 400 || html || c.req.method !== 'GET' || response.status >= 500) return response;
    const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
    return renderPage(c, { status: response.status, message: typeof body?.message === 'string' ? body.message : undefined, path: c.req.path });
  });
  return app;
}

/** The one size limit: an attachment's (core/applications/attachment-limits.ts) and room for the form's fields. */
export const MAX_REQUEST_BYTES = MAX_ATTACHMENT_BYTES + 256 * 1024;

function localeOfPath(path: string): Locale {
  const first = path.split('/')[1];
  return isLocale(first) ? first : 'en';
}
