import { html } from 'hono/html';

import type { OpenAPIHono } from '@hono/zod-openapi';

type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;
const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * A readable, server-rendered page of the OpenAPI document. No JavaScript and no third-party
 * assets, so it works on a slow connection and with scripts turned off (docs/decisions/002).
 */
export function renderDocsPage(doc: OpenApiDocument) {
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    methods.flatMap((method) => {
      const op = item[method];
      return op ? [{ path, method: method.toUpperCase(), op }] : [];
    }),
  );
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.info.title} ${doc.info.version}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:56rem;margin:0 auto;padding:1rem 1.5rem;line-height:1.5;color:#1e2b3c}
code{background:#eef1f5;padding:.1em .3em;border-radius:3px}
.op{border:1px solid #c8d0da;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.method{font-weight:700;color:#0a5c36}
a{color:#0052a3}
</style>
</head>
<body>
<main>
<h1>${doc.info.title} <small>${doc.info.version}</small></h1>
<p>${doc.info.description ?? ''}</p>
<p>Machine-readable document: <a href="/api/openapi.json"><code>/api/openapi.json</code></a> (OpenAPI 3.1).</p>
<h2>Endpoints</h2>
${operations.map(
  ({ path, method, op }) => html`<section class="op">
<h3><span class="method">${method}</span> <code>/api${path}</code></h3>
<p>${op.summary ?? ''}</p>
${op.description ? html`<p>${op.description}</p>` : ''}
<h4>Responses</h4>
<ul>${Object.entries(op.responses ?? {}).map(([status, r]) => html`<li><code>${status}</code> ${'description' in r ? r.description : ''}</li>`)}</ul>
</section>`,
)}
</main>
</body>
</html>`;
}
