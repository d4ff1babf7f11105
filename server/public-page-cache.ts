import { pipeline, Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createGunzip, createGzip } from 'node:zlib';
import { sharedRead } from '../db/shared-read-cache.ts';
import type { CoreContext } from '../core/context.ts';
import { getStatisticsVersion } from '../core/stats/get-statistics-version.ts';
import { locales as LOCALES } from '../i18n/locales.ts';
import { acceptsGzip } from './compress-response.ts';

/**
 * Pages that every visitor sees alike and that cost the most to make, kept as rendered: the public
 * statistics (a hundred kilobytes of tables, charts and a map; about 15 ms of rendering a request, against
 * 2.5 ms for the sign-in page), the open-data page, a partnership's page (its data was kept already; its
 * rendering cost a visitor's request 5 ms of CPU, 0.57 × the sign-in page on PGlite), and the open datasets'
 * files of the API (every public partnership written out for each request: 0.04 × the sign-in page's
 * requests/s on the demo with its history). What is kept is the answer gzipped, compressed as it is made,
 * so that a file of tens of megabytes (the partnerships at 100,000: ten downloads at once, each written out
 * afresh, had stopped the server) is made once and held at a tenth of its size. One whose gzipped size
 * passes `maxKeptBytes` is not kept: each asker gets it made afresh, streamed. A page is kept for the address (path and query)
 * and, for the statistics, the version of the counts: a participant's change anywhere, on this server or
 * another, gives the next request a fresh page. Kept answers follow the shared-read cache's rule besides
 * (db/shared-read-cache.ts): any transaction on this server ends them, and none is older than a minute.
 *
 * An open dataset's file being made again goes out as it was last made meanwhile (`lastOrNewFile`).
 *
 * Only for a visitor: a request with a cookie or credentials (a signed-in person sees their name, and may
 * see more) is rendered as always, and so is anything but a GET. Only a 200 answer without cookies of its
 * own is kept; another is rendered afresh for each request. A kept page is served gzipped as it is kept
 * (server/compress-response.ts leaves it be), and unzipped as it goes to a client that does not take gzip.
 */
interface KeptPage {
  status: number;
  headers: [string, string][];
  gzipped: Uint8Array<ArrayBuffer>;
}

const locales = LOCALES.join('|');
/** 100 pages, gzipped (the statistics page, the largest, is about 15 KB gzipped). */
const pool = { name: 'public-pages', maxEntries: 100 };
/** The open datasets' files, apart: eight files in two formats, and the statistics file per filter (each at most `maxKeptBytes`). */
const filesPool = { name: 'public-files', maxEntries: 16 };
/** A partnership's public page (about 20 KB): the 500 last asked for, apart, so that they do not push the others out. */
const partnershipPool = { name: 'public-partnership-pages', maxEntries: 500 };
const always = async () => '';
const cachedPages: { path: RegExp; version: (core: CoreContext) => Promise<number | string>; pool: { name: string; maxEntries: number } }[] = [
  { path: new RegExp(`^/(${locales})/statistics$`), version: getStatisticsVersion, pool },
  { path: new RegExp(`^/(${locales})/open-data$`), version: always, pool },
  // A partnership's page as a visitor sees it: its data is kept between writes already
  // (core/partnerships/get-public-partnership-page.ts); this keeps the rendering of it too.
  { path: new RegExp(`^/(${locales})/partnerships/[0-9a-f-]{36}$`), version: always, pool: partnershipPool },
  // The statistics file follows the counts' version as the page does; the others are kept between writes.
  { path: /^\/api\/v1\/open-data\/statistics\.(csv|json)$/, version: getStatisticsVersion, pool: filesPool },
  { path: /^\/api\/v1\/open-data\/(partnerships|organisations|results)\.(csv|json)$/, version: always, pool: filesPool },
];
/** The most a kept answer holds, gzipped: the partnerships' JSON at 100,000 partnerships is about a tenth of this. */
export const maxKeptBytes = 32 * 1024 * 1024;

/** The page for this request: kept, or rendered by `render` (and kept when it may be). */
export async function publicPage(core: CoreContext, request: Request, render: () => Promise<Response>, { keepUpTo = maxKeptBytes }: { keepUpTo?: number } = {}): Promise<Response> {
  const url = new URL(request.url);
  const page = request.method === 'GET' && !request.headers.get('cookie') && !request.headers.get('authorization') ? cachedPages.find((p) => p.path.test(url.pathname)) : undefined;
  if (!page) return render();
  const key = `${url.pathname}${url.search} ${await page.version(core)}`;
  let rendered: Response | undefined;
  const making = async (): Promise<KeptPage | null> => {
    const made = await render();
    if (made.status !== 200 || made.headers.has('set-cookie') || !made.body) {
      rendered = made;
      return null;
    }
    const gzipped = await gzipUpTo(made.body, keepUpTo);
    if (gzipped) return { status: made.status, headers: [...made.headers], gzipped };
    // Too large to keep: the part read is gone, so this asker gets it made again, streamed.
    rendered = await render();
    return null;
  };
  if (page.pool === filesPool) return lastOrNewFile(core, request, key, making, async () => rendered ?? render());
  const kept = await sharedRead(core.db, key, making, page.pool);
  if (rendered) return rendered;
  if (!kept) return render();
  return serveKept(kept, request);
}

/**
 * The last file made for each address, kept beside the pool on the same handle (pages and the server's
 * bundle would each have a module-level copy, and tests run several apps in one process), 16 at most.
 */
const lastFilesOf = new WeakMap<object, Map<string, KeptPage>>();

/**
 * An open dataset's file: while a newer one is being made (after a write, or when the kept one is a minute
 * old), the last one made goes out at once instead of waiting. At 100,000 partnerships making the
 * partnerships' JSON takes longer than 6 s, and every download after each write waited for it. Only the
 * first download after the server starts waits; each address is made by one request at a time.
 */
async function lastOrNewFile(core: CoreContext, request: Request, key: string, making: () => Promise<KeptPage | null>, render: () => Promise<Response>): Promise<Response> {
  const url = new URL(request.url);
  const address = `${url.pathname}${url.search}`;
  let files = lastFilesOf.get(core.db);
  if (!files) lastFilesOf.set(core.db, (files = new Map()));
  const pending = sharedRead(core.db, key, making, filesPool);
  // Each making, once settled, becomes the address's last file (or, not kept, takes the last one away).
  if (!watched.has(pending)) {
    watched.add(pending);
    pending.then((kept) => {
      files.delete(address);
      if (kept) files.set(address, kept);
      // A Map keeps insertion order: the first is the one stored longest ago.
      if (files.size > filesPool.maxEntries) files.delete(files.keys().next().value!);
    }, () => undefined);
  }
  // The last file made: the kept one itself when its making has settled, the one before while it goes on.
  const last = files.get(address);
  if (last) return serveKept(last, request);
  const kept = await pending;
  return kept ? serveKept(kept, request) : render();
}

/** The makings whose end is already awaited to record the address's last file. */
const watched = new WeakSet<Promise<unknown>>();

/** A kept answer as it goes out: gzipped as kept, or unzipped for a client that does not take gzip. */
function serveKept(kept: KeptPage, request: Request): Response {
  const headers = new Headers(kept.headers);
  headers.append('Vary', 'Accept-Encoding');
  if (!acceptsGzip(request.headers.get('accept-encoding') ?? undefined)) {
    headers.delete('Content-Length');
    return new Response(Readable.toWeb(Readable.from([kept.gzipped]).pipe(createGunzip())) as ReadableStream<Uint8Array>, { status: kept.status, headers });
  }
  headers.set('Content-Encoding', 'gzip');
  headers.set('Content-Length', String(kept.gzipped.byteLength));
  return new Response(kept.gzipped, { status: kept.status, headers });
}

/** The body gzipped as it is read, or null (and the rest left unread) once that passes `limit` bytes. */
async function gzipUpTo(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const source = Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
  const gzip = createGzip();
  // An error on either side ends both, and the loop below throws it.
  pipeline(source, gzip, () => {});
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of gzip as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.byteLength;
    if (size > limit) {
      // Stops the making too: the page's stream is cancelled.
      source.destroy();
      return null;
    }
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return whole;
}
