import { html } from 'hono/html';

import type { OpenAPIHono } from '@hono/zod-openapi';
import { documentedProblems } from './problem-types.ts';

type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;
const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

type Operation = NonNullable<NonNullable<OpenApiDocument['paths']>[string]['get']>;
type Parameter = { name: string; in: string; required?: boolean; description?: string };
type Field = { name: string; required: boolean; description?: string };

const parametersOf = (op: Operation): Parameter[] => (op.parameters ?? []).flatMap((p) => ('name' in p ? [p as Parameter] : []));

/** The JSON body's schema: its name, and its fields as the components list them. */
function bodyOf(doc: OpenApiDocument, op: Operation): { mediaType: string; name: string; fields: Field[] } | undefined {
  const body = op.requestBody;
  if (!body || !('content' in body)) return undefined;
  // JSON for most writes; an upload names its own media type (application/pdf).
  const mediaType = body.content['application/json'] ? 'application/json' : (Object.keys(body.content)[0] ?? 'application/json');
  const schema = body.content[mediaType]?.schema;
  const name = schema && '$ref' in schema && schema.$ref ? schema.$ref.split('/').at(-1)! : undefined;
  if (!name) return { mediaType, name: mediaType === 'application/json' ? 'JSON' : 'bytes', fields: [] };
  const component = doc.components?.schemas?.[name] as { properties?: Record<string, { description?: string }>; required?: string[] } | undefined;
  const fields = Object.entries(component?.properties ?? {}).map(([field, p]) => ({ name: field, required: component?.required?.includes(field) ?? false, description: p.description }));
  return { mediaType, name, fields };
}

/** Descriptions are CommonMark; of it this page shows `code` only, and escapes everything else. */
const withCode = (text: string | undefined) => (text ?? '').split('`').map((part, i) => (i % 2 ? html`<code>${part}</code>` : part));

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
table{border-collapse:collapse}
th,td{text-align:left;padding:.2rem .6rem .2rem 0;vertical-align:top}
</style>
</head>
<body>
<main>
<h1>${doc.info.title} <small>${doc.info.version}</small></h1>
<p>${doc.info.description ?? ''}</p>
<p>Machine-readable document: <a href="/api/openapi.json"><code>/api/openapi.json</code></a> (OpenAPI 3.1).</p>
<h2 id="signing-in">Signing in</h2>
<p>Reading the directories needs no sign-in. Changing something needs the same session as the web pages:
sign in with a form post to <code>/en/sign-in</code> (fields <code>email</code>, <code>password</code>) and send
the <code>mx.session_token</code> cookie you get with each request. A request that changes something and carries
the cookie must also carry <code>Origin</code> with this site’s address, as browsers do; others are refused (403).</p>
<h2 id="pages">Lists</h2>
<p>Lists come a page at a time: <code>items</code>, <code>total</code> (over all pages) and <code>next</code>, a cursor to
pass as <code>after</code> for the next page (null on the last). The <code>Link</code> header carries the same address.</p>
<h2 id="versions">Updates and versions</h2>
<p>A record you may update has a version: its <code>ETag</code> header and <code>version</code> field. Send it back in
<code>If-Match</code> (or as <code>version</code>). Without it the answer is 428; if someone saved the record since, 409
and nothing changes, so nobody’s edit is lost silently.</p>
<h2 id="problems">Errors</h2>
<p>Every refusal is an RFC 9457 problem detail, <code>application/problem+json</code>: <code>type</code> (an address on
this page), <code>title</code>, <code>status</code>, <code>detail</code>, <code>instance</code>, <code>code</code>, and for
invalid values <code>errors</code> with a JSON Pointer for each. Titles and details follow <code>Accept-Language</code>
(en, nb, nn, fr, es).</p>
<dl>${documentedProblems.map(
  (p) => html`<dt id="problem-${p.code}"><code>${p.code}</code> (${p.status})</dt><dd>${withCode(p.meaning)}</dd>`,
)}</dl>
<p>Other codes name a rule of the platform that the request broke; <code>detail</code> says which and what to do.</p>
<h2>Endpoints</h2>
${operations.map(
  ({ path, method, op }) => html`<section class="op">
<h3><span class="method">${method}</span> <code>/api${path}</code></h3>
<p>${op.summary ?? ''}${op.operationId ? html` <small>(<code>${op.operationId}</code>)</small>` : ''}</p>
${op.description ? html`<p>${withCode(op.description)}</p>` : ''}
${op.security?.length ? html`<p><a href="#signing-in">Needs sign-in.</a></p>` : ''}
${parametersOf(op).length
  ? html`<h4>Parameters</h4>
<table><tbody>${parametersOf(op).map((p) => html`<tr><td><code>${p.name}</code></td><td>${p.in}${p.required ? ', required' : ''}</td><td>${withCode(p.description)}</td></tr>`)}</tbody></table>`
  : ''}
${bodyOf(doc, op)
  ? html`<h4>Body: <code>${bodyOf(doc, op)!.mediaType}</code>, ${bodyOf(doc, op)!.name}</h4>
<table><tbody>${bodyOf(doc, op)!.fields.map((f) => html`<tr><td><code>${f.name}</code></td><td>${f.required ? 'required' : 'optional'}</td><td>${withCode(f.description)}</td></tr>`)}</tbody></table>`
  : ''}
<h4>Responses</h4>
<ul>${Object.entries(op.responses ?? {}).map(([status, r]) => html`<li><code>${status}</code> ${withCode('description' in r ? r.description : '')}</li>`)}</ul>
</section>`,
)}
</main>
</body>
</html>`;
}
