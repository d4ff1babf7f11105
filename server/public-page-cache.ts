import { gzipSync } from 'node:zlib';
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
 * requests/s on the demo with its history). A file larger than `maxKeptBytes` is streamed to each asker
 * and not kept (at 100,000 partnerships the files run to tens of megabytes). A page is kept for the address (path and query)
 * and, for the statistics, the version of the counts: a participant's change anywhere, on this server or
 * another, gives the next request a fresh page. Kept answers follow the shared-read cache's rule besides
 * (db/shared-read-cache.ts): any transaction on this server ends them, and none is older than a minute.
 *
 * Only for a visitor: a request with a cookie or credentials (a signed-in person sees their name, and may
 * see more) is rendered as always, and so is anything but a GET. Only a 200 answer without cookies of its
 * own is kept; another is rendered afresh for each request. A kept page is kept compressed too, so that
 * it is not compressed again for every request (server/compress-response.ts leaves it be).
 */
interface KeptPage {
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
  gzipped: Uint8Array<ArrayBuffer>;
}

const locales = LOCALES.join('|');
/** 100 answers of at most 4 MB each, most of them pages of about 120 KB (a dataset's file is gzipped a tenth of it). */
const pool = { name: 'public-pages', maxEntries: 100 };
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
  { path: /^\/api\/v1\/open-data\/statistics\.(csv|json)$/, version: getStatisticsVersion, pool },
  { path: /^\/api\/v1\/open-data\/(partnerships|organisations|results)\.(csv|json)$/, version: always, pool },
];
export const maxKeptBytes = 4 * 1024 * 1024;

/** The page for this request: kept, or rendered by `render` (and kept when it may be). */
export async function publicPage(core: CoreContext, request: Request, render: () => Promise<Response>): Promise<Response> {
  const url = new URL(request.url);
  const page = request.method === 'GET' && !request.headers.get('cookie') && !request.headers.get('authorization') ? cachedPages.find((p) => p.path.test(url.pathname)) : undefined;
  if (!page) return render();
  const key = `${url.pathname}${url.search} ${await page.version(core)}`;
  let rendered: Response | undefined;
  const kept = await sharedRead(
    core.db,
    key,
    async (): Promise<KeptPage | null> => {
      const made = await render();
      if (made.status !== 200 || made.headers.has('set-cookie') || !made.body) {
        rendered = made;
        return null;
      }
      const read = await readUpTo(made, maxKeptBytes);
      if (read instanceof Response) {
        rendered = read;
        return null;
      }
      rendered = new Response(read, { status: made.status, statusText: made.statusText, headers: made.headers });
      return { status: made.status, headers: [...made.headers], body: read, gzipped: gzipSync(read) as Uint8Array<ArrayBuffer> };
    },
    page.pool,
  );
  if (rendered) return rendered;
  if (!kept) return render();
  if (!acceptsGzip(request.headers.get('accept-encoding') ?? undefined)) return new Response(kept.body, { status: kept.status, headers: kept.headers });
  const headers = new Headers(kept.headers);
  headers.set('Content-Encoding', 'gzip');
  headers.set('Content-Length', String(kept.gzipped.byteLength));
  headers.append('Vary', 'Accept-Encoding');
  return new Response(kept.gzipped, { status: kept.status, headers });
}

/**
 * The whole body when it is at most `limit` bytes; else the answer again, streaming what was read and then
 * the rest (nothing is read twice, and a large file is never held whole).
 */
async function readUpTo(response: Response, limit: number): Promise<ArrayBuffer | Response> {
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > limit) {
      const rest = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk);
        },
        async pull(controller) {
          const next = await reader.read();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
        cancel(reason) {
          return reader.cancel(reason);
        },
      });
      return new Response(rest, { status: response.status, statusText: response.statusText, headers: response.headers });
    }
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body.buffer;
}
