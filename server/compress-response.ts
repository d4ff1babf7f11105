import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import Negotiator from 'negotiator';
import type { MiddlewareHandler } from 'hono';

/** What is worth compressing: pages, JSON (problem+json too), styles, scripts and SVG. */
const compressible = /^(text\/(html|css|javascript|plain)|application\/(json|problem\+json|javascript)|image\/svg\+xml)\b/i;
/** Below this, gzip's header and the work cost more than they save. */
const threshold = 1024;
/**
 * From this size a body is compressed on libuv's thread pool rather than in the server's thread. Handing it
 * over costs the server's thread 0.05–0.08 ms whatever the size; `gzipSync` costs it more from about 8 KB
 * (measured on this machine, 3,000 runs of real pages: 15 KB 0.14 ms in the thread against 0.06 ms handed
 * over, 21 KB 0.16 against 0.08, 41 KB 0.30 against 0.07; the sign-in page's 3 KB 0.03), so small pages stay in
 * the thread and larger ones leave it free to render the next request meanwhile.
 */
const offThreadFrom = 8 * 1024;
const gzipOffThread = promisify(gzip);

/**
 * gzip for answers of a bounded size, compressed whole with node's zlib: a page here is a few dozen
 * kilobytes, and one `gzipSync` of it costs a fifth of streaming it through a CompressionStream chunk by
 * chunk (measured: 0.12 ms against 0.56 ms for an 18 KB page; bench/results/ for whole requests). Large
 * bodies are compressed whole too, on the thread pool (`offThreadFrom`).
 * Downloads that stream (attachments, and the exports to come) have other content types and pass
 * through untouched. Accept-Encoding is read by `negotiator`.
 */
export function compressResponse(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!res.body || c.req.method === 'HEAD' || res.headers.has('content-encoding')) return;
    if (!compressible.test(res.headers.get('content-type') ?? '')) return;
    if (/(^|,)\s*no-transform\s*(,|$)/i.test(res.headers.get('cache-control') ?? '')) return;
    const vary = res.headers.get('vary');
    if (!vary || !/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) res.headers.append('Vary', 'Accept-Encoding');
    if (!acceptsGzip(c.req.header('accept-encoding'))) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    const zipped = body.byteLength < threshold ? body : body.byteLength < offThreadFrom ? gzipSync(body) : await gzipOffThread(body);
    if (zipped !== body) headers.set('Content-Encoding', 'gzip');
    headers.set('Content-Length', String(zipped.byteLength));
    // Replaced, not merged: assigning over a response copies the old one's headers (its Content-Length,
    // set by serveStatic through c.header) onto the new one.
    c.res = undefined;
    c.res = new Response(zipped, { status: res.status, statusText: res.statusText, headers });
  };
}

/** Whether a request's Accept-Encoding takes gzip rather than the answer as it is. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return new Negotiator({ headers: { 'accept-encoding': acceptEncoding ?? 'identity' } }).encoding(['gzip', 'identity']) === 'gzip';
}
