import type { EntryContext } from 'react-router';
import { ServerRouter } from 'react-router';
import { renderToString } from 'react-dom/server';

/**
 * Each page rendered whole, as one string (docs/decisions/023). The pages ship no JavaScript and
 * suspend nowhere, and the server compresses a page whole (server/compress-response.ts), so React
 * Router's default of streaming the document through a Node stream and a web stream only added work:
 * one trip through both streams for every 2 KB React writes.
 */
export default function handleRequest(request: Request, status: number, headers: Headers, context: EntryContext) {
  headers.set('Content-Type', 'text/html; charset=utf-8');
  if (request.method.toUpperCase() === 'HEAD') return new Response(null, { status, headers });
  const html = `<!DOCTYPE html>${renderToString(<ServerRouter context={withoutHydrationData(context)} url={request.url} />)}`;
  // As bytes: given a string, the Response checks every character of it for lone surrogates (undici's
  // USVString conversion, 2 % of the results dashboard's 44 KB in a profile) and encodes it again when read.
  return new Response(Buffer.from(html), { status, headers });
}

/**
 * The context without the loader data encoded for hydration: no page hydrates, so the stream would only
 * suspend at the end of the document. Shadowed rather than copied, so that reading the context never
 * starts the encoding (React Router encodes it only when asked: patches/react-router+7.18.4.patch).
 */
function withoutHydrationData(context: EntryContext): EntryContext {
  return Object.create(context, { serverHandoffStream: { value: undefined } }) as EntryContext;
}
