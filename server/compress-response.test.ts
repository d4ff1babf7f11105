import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { compressResponse } from './compress-response.ts';

const page = `<!DOCTYPE html><html lang="nb"><body>${'<p>Sykepleier fra Lilongwe til Bergen</p>'.repeat(100)}</body></html>`;
const app = new Hono();
app.use(compressResponse());
app.get('/page', (c) => c.html(page));
app.get('/small', (c) => c.json({ status: 'ok' }));
const largePage = page.repeat(20);
app.get('/large', (c) => c.html(largePage));
app.get('/pdf', (c) => c.body(new Uint8Array(4096), 200, { 'Content-Type': 'application/pdf' }));
// As serveStatic answers: the length set on the context, the body a stream.
app.get('/static.css', (c) => {
  c.header('Content-Length', String(Buffer.byteLength(page)));
  c.header('Content-Type', 'text/css; charset=utf-8');
  return c.body(new Blob([page]).stream());
});
app.get('/no-transform', (c) => c.html(page, 200, { 'Cache-Control': 'no-transform' }));

const get = (path: string, acceptEncoding?: string, method = 'GET') =>
  app.request(path, { method, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

describe('compressed answers', () => {
  it('gzips a page for a client that accepts gzip, with its length and Vary, a large page too (on the thread pool)', async () => {
    for (const [path, sent] of [['/page', page], ['/large', largePage]] as const) {
      const response = await get(path, 'gzip, deflate, br');
      expect(response.headers.get('content-encoding')).toBe('gzip');
      expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
      const body = Buffer.from(await response.arrayBuffer());
      expect(Number(response.headers.get('content-length'))).toBe(body.byteLength);
      expect(body.byteLength).toBeLessThan(sent.length / 10);
      expect(gunzipSync(body).toString()).toBe(sent);
    }
  });

  it('gives a static file its compressed length, not the length of the file on disk', async () => {
    const response = await get('/static.css', 'gzip');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const body = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get('content-length'))).toBe(body.byteLength);
    expect(gunzipSync(body).toString()).toBe(page);
  });

  it('sends the page as it is to a client without gzip, or that refuses it', async () => {
    for (const header of [undefined, 'identity', 'gzip;q=0, br', 'deflate']) {
      const response = await get('/page', header);
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(await response.text()).toBe(page);
      expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    }
  });

  it('leaves small answers, files that do not compress, no-transform and HEAD alone', async () => {
    const small = await get('/small', 'gzip');
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ status: 'ok' });
    const pdf = await get('/pdf', 'gzip');
    expect(pdf.headers.get('content-encoding')).toBeNull();
    expect((await pdf.arrayBuffer()).byteLength).toBe(4096);
    expect((await get('/no-transform', 'gzip')).headers.get('content-encoding')).toBeNull();
    const head = await get('/page', 'gzip', 'HEAD');
    expect(head.headers.get('content-encoding')).toBeNull();
  });
});
