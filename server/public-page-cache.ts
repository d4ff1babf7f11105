import { gzipSync } from 'node:zlib';
import { sharedRead } from '../db/shared-read-cache.ts';
import type { CoreContext } from '../core/context.ts';
import { getStatisticsVersion } from '../core/stats/get-statistics-version.ts';
import { locales as LOCALES } from '../i18n/locales.ts';
import { acceptsGzip } from './compress-response.ts';

/**
 * Pages that every visitor sees alike and that cost the most to make, kept as rendered: the public
 * statistics (a hundred kilobytes of tables, charts and a map; about 15 ms of rendering a request, against
 * 2.5 ms for the sign-in page) and the open-data page. A page is kept for the address (path and query)
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
const cachedPages: { path: RegExp; version: (core: CoreContext) => Promise<number | string> }[] = [
  { path: new RegExp(`^/(${locales})/statistics$`), version: getStatisticsVersion },
  { path: new RegExp(`^/(${locales})/open-data$`), version: async () => '' },
];
/** 100 pages of about 120 KB: 12 MB at most. */
const pool = { name: 'public-pages', maxEntries: 100 };

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
      rendered = await render();
      if (rendered.status !== 200 || rendered.headers.has('set-cookie')) return null;
      const body = await rendered.clone().arrayBuffer();
      return { status: rendered.status, headers: [...rendered.headers], body, gzipped: gzipSync(body) as Uint8Array<ArrayBuffer> };
    },
    pool,
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
