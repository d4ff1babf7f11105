import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { requestId, type RequestIdVariables } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { createRequestHandler, type ServerBuild } from 'react-router';
import { createApi } from '../api/app.ts';
import type { CoreContext } from '../core/context.ts';
import type { Logger } from './logger.ts';

export interface HttpAppOptions {
  core: CoreContext;
  ping: () => Promise<void>;
  logger: Logger;
  /** The React Router server build (build/server/index.js). */
  build: ServerBuild;
  clientDir: string;
  mode?: string;
}

/** One Hono app for everything: /healthz, /api (Hono + OpenAPI), static assets, and React Router pages. */
export function createHttpApp({ core, ping, logger, build, clientDir, mode = 'production' }: HttpAppOptions) {
  const app = new Hono<{ Variables: RequestIdVariables & { core: CoreContext; ping: () => Promise<void> } }>();
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
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(compress());

  app.get('/healthz', async (c) => {
    try {
      await ping();
      return c.json({ status: 'ok' });
    } catch (error) {
      logger.warn({ requestId: c.var.requestId, err: error }, 'health check: database unavailable');
      return c.json({ status: 'unavailable' }, 503);
    }
  });

  app.use('/api/*', async (c, next) => {
    c.set('core', core);
    c.set('ping', ping);
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

  app.all('*', (c) => handleDocument(c.req.raw, { core, requestId: c.var.requestId }));
  return app;
}
