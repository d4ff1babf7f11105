import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../../i18n/catalogs.ts';
import { locales } from '../../../i18n/locales.ts';
import type { Acting, FuzzServer } from './fuzz-app.ts';
import { fieldValue, hostileText } from './hostile-values.ts';
import { fillIds, fuzzIds } from './fuzz-ids.ts';
import { postForms, type PageForm } from './page-forms.ts';
import { destructiveRoutes, pageTargets } from './page-targets.ts';
import { fuzzOptions, RUNS } from './fuzz-settings.ts';


/** Titles of the pages that say a request was refused, in every language. */
const refusalTitles = locales.flatMap((l) => ['error.refused.title', 'error.notFound.title', 'error.forbidden.title'].map((k) => catalogs[l][k as keyof (typeof catalogs)['en']]));
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

/** No answer of 500 or more; a refusal is a page in the person's language that says what is wrong. */
export async function expectHeld(response: Response, what: string) {
  const body = await response.text();
  expect(response.status, `${what} answered ${response.status}: ${body.slice(0, 300)}`).toBeLessThan(500);
  // Not found and forbidden are pages of their own (or a download's bare 404); other refusals say why.
  if (response.status >= 400 && ![403, 404, 429].includes(response.status)) {
    expect(response.headers.get('content-type') ?? '', what).toContain('text/html');
    const explained = body.includes('role="alert"') || body.includes('ds-validation-message') || refusalTitles.some((title) => body.includes(escape(title)));
    expect(explained, `${what} answered ${response.status} without saying why: ${body.slice(0, 300)}`).toBe(true);
  }
}

type Body = { kind: 'form'; fields: [string, string][]; multipart: boolean; file?: Uint8Array } | { kind: 'raw'; type: string; body: string };

/** A form for one of the page's forms: its fields, each with a value it offers or a hostile one, some left out, some added. */
function formFor(forms: PageForm[]): fc.Arbitrary<{ action: string; body: Body }> {
  const shaped = fc.constantFrom(...forms).chain((form) => {
    const fields = [...form.fields.entries()].map(([name, offered]) => fc.option(fieldValue(offered).map((v) => [name, v] as [string, string]), { freq: 5, nil: null }));
    const button = form.buttons.length ? fc.option(fc.constantFrom(...form.buttons), { freq: 6, nil: null }) : fc.constant(null);
    const extra = fc.array(fc.tuple(hostileText, hostileText), { maxLength: 2 });
    const file = form.multipart ? fc.option(fc.uint8Array({ maxLength: 2000 }), { nil: undefined }) : fc.constant(undefined);
    return fc.record({ fields: fc.tuple(...fields), button, extra, file }).map(({ fields: chosen, button: pressed, extra: more, file: bytes }) => ({
      action: form.action,
      body: {
        kind: 'form' as const,
        multipart: form.multipart,
        file: bytes,
        fields: [...chosen.filter((f): f is [string, string] => f !== null), ...(pressed && pressed.name ? [[pressed.name, pressed.value] as [string, string]] : []), ...more],
      },
    }));
  });
  const wrongBody = fc.record({
    action: fc.constantFrom(...forms.map((f) => f.action)),
    body: fc.record({
      kind: fc.constant('raw' as const),
      type: fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', 'multipart/form-data', 'application/x-www-form-urlencoded', 'application/xml', ''),
      body: fc.oneof(hostileText, fc.json(), fc.constant('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb')),
    }),
  });
  return fc.oneof({ weight: 9, arbitrary: shaped }, { weight: 1, arbitrary: wrongBody });
}

function encode(body: Body): RequestInit {
  if (body.kind === 'raw') return { method: 'POST', body: body.body, headers: body.type ? { 'content-type': body.type } : {} };
  if (!body.multipart) return { method: 'POST', body: new URLSearchParams(body.fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  const form = new FormData();
  for (const [name, value] of body.fields) form.append(name, value);
  if (body.file) form.append('file', new Blob([new Uint8Array(body.file)], { type: 'application/pdf' }), 'file.pdf');
  return { method: 'POST', body: form };
}

/** At least RUNS generated forms posted to the page's forms (or, for a page without forms, to its address). */
export async function fuzzPageActions(server: FuzzServer, urls: string[], as: Acting = 'everyone') {
  await server.renewSessions();
  const forms: PageForm[] = [];
  for (const url of urls) {
    const page = await server.request(url, {}, as);
    // The page itself as its user sees it (an unknown invitation link is a page that says so, 404;
    // signing out is a form on every page, its own address sends you on).
    expect([200, 302, 404], `${url} as ${as}`).toContain(page.status);
    const html = await page.text();
    forms.push(...postForms(html, url));
    if (!forms.some((f) => f.action.split('?')[0] === url.split('?')[0])) forms.push({ action: url, multipart: false, fields: new Map(), buttons: [] });
  }
  await fc.assert(
    fc.asyncProperty(formFor(forms), async ({ action, body }) => {
      await expectHeld(await server.request(action, encode(body), as), `POST ${action} ${JSON.stringify(body).slice(0, 300)}`);
    }),
    fuzzOptions(RUNS),
  );
}

/** Hostile query strings and path segments for a page's addresses. */
export async function fuzzPageReads(server: FuzzServer, urls: string[], runs: number, as: Acting = 'everyone') {
  await server.renewSessions();
  const params = fc.array(fc.tuple(fc.oneof(fc.constantFrom('q', 'after', 'country', 'sector', 'programme', 'status', 'call', 'shape', 'sdg', 'saved', 'next', 'token', 'page', 'action', 'actor'), hostileText), hostileText), { maxLength: 4 });
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...urls), params, fc.option(hostileText, { freq: 4, nil: null }), async (url, query, segment) => {
      const path = url.split('?')[0]!;
      const target = segment === null ? path : path.replace(/[^/]+$/, encodeURIComponent(segment.toWellFormed()) || 'x');
      const search = new URLSearchParams(query).toString();
      await expectHeld(await server.request(search ? `${target}?${search}` : target, {}, as), `GET ${target}?${search}`);
    }),
    fuzzOptions(runs),
  );
}

/** Half of the pages with actions (`half` 0 or 1, so two test files run side by side), destructive ones last. */
export function describePageActionFuzz(server: FuzzServer, half: 0 | 1) {
  const posted = Object.entries(pageTargets).filter(([, t]) => t.posts);
  const mine = posted.filter((_, n) => n % 2 === half).sort(([a], [b]) => Number(destructiveRoutes.has(a)) - Number(destructiveRoutes.has(b)));
  describe(`page actions hold against ${RUNS} generated forms each (half ${half + 1} of 2)`, () => {
    for (const [route, target] of mine) {
      it(`POST ${route}`, async () => {
        const ids = await fuzzIds(server.db);
        await fuzzPageActions(server, target.urls.map((u) => fillIds(u, ids)), target.as);
      }, 1_200_000);
    }
  });
}
