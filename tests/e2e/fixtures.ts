import { createHash } from 'node:crypto';
import axe from 'axe-core';
import { test as base, expect, type BrowserContext, type Page, type Response, type Route } from '@playwright/test';

export { expect, type Page };

const wcag21aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe with the WCAG 2.1 A and AA rules on the page as it is now; any violation fails the test.
 * axe-core is called in the page itself: its Playwright wrapper runs each frame apart and then merges the
 * results in a blank page it opens for the purpose, which on our pages (no frames) cost more than the
 * rules themselves (about 0.6 s of 1 s per check). Only violations are asked for.
 */
export async function expectAccessible(page: Page, label = page.url()) {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const engine = (window as unknown as { axe: typeof axe }).axe;
    const results = await engine.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, wcag21aa);
  expect(violations, `axe WCAG 2.1 AA on ${label}`).toEqual([]);
}

/**
 * A page state, for checking each distinct state once per worker: the address with record ids left out,
 * and the kinds of element the page holds (tag, class, role, type, aria-invalid), not its text or how many
 * rows a table has. A form shown with its errors is another state than the same form empty; the same
 * list with other rows is not.
 */
function pageState(url: string, html: string, scripts: boolean): string {
  const path = new URL(url).pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').replace(/\/\d+(?=\/|$)/g, '/:n');
  const kinds = new Set<string>();
  for (const [, tag = '', attrs = ''] of html.matchAll(/<([a-z][a-z0-9-]*)\b([^>]*)>/g)) {
    const pick = (name: string) => attrs.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1] ?? '';
    kinds.add([tag, pick('class'), pick('role'), pick('type'), pick('aria-invalid'), pick('data-color')].join('|'));
  }
  return createHash('sha1').update(`${scripts}\n${path}\n${[...kinds].sort().join('\n')}`).digest('hex');
}

/** States already checked by axe in this worker: a journey and the next test meet the same pages. */
const checkedStates = new Set<string>();

const isRedirect = (response: Response) => response.status() >= 300 && response.status() < 400;

/** A page and its `navigate`, checked by axe at every distinct state like the test's own `page`. */
export interface Person {
  page: Page;
  navigate: (action: () => Promise<unknown>) => Promise<void>;
}

/**
 * Wires axe into a page: page.goto checks the page it lands on, and `navigate` the page a click or a
 * form submission lands on. Returns the check, for the fixtures below and for people's own contexts.
 */
function watch(page: Page, mirror: Page, javaScriptEnabled: boolean): { check: () => Promise<void>; navigate: Person['navigate'] } {
  let lastDocument: Promise<{ url: string; html: string; isHtml: boolean }> | undefined;
  page.on('response', (response: Response) => {
    if (response.request().isNavigationRequest() && response.frame() === page.mainFrame() && !isRedirect(response)) {
      lastDocument = response.body().then(
        (body) => ({ url: response.url(), html: body.toString('utf8'), isHtml: (response.headers()['content-type'] ?? '').includes('text/html') }),
        () => ({ url: response.url(), html: '', isHtml: false }),
      );
    }
  });
  const check = async () => {
    if (javaScriptEnabled) {
      const state = pageState(page.url(), await page.content(), true);
      if (checkedStates.has(state)) return;
      await expectAccessible(page);
      checkedStates.add(state);
      return;
    }
    const document = await lastDocument;
    if (!document?.isHtml) return;
    const state = pageState(document.url, document.html, false);
    if (checkedStates.has(state)) return;
    const answer = (route: Route) => route.fulfill({ body: document.html, contentType: 'text/html; charset=utf-8' });
    const isDocument = (u: URL) => u.href === document.url;
    await mirror.route(isDocument, answer);
    try {
      await mirror.goto(document.url);
      await expectAccessible(mirror, `${document.url} (served without JavaScript)`);
      checkedStates.add(state);
    } finally {
      await mirror.unroute(isDocument, answer);
    }
  };
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    if (response?.headers()['content-type']?.includes('text/html')) await check();
    return response;
  };
  const navigate = async (action: () => Promise<unknown>) => {
    await Promise.all([page.waitForEvent('load'), action()]);
    await check();
  };
  return { check, navigate };
}

type Fixtures = {
  navigate: (action: () => Promise<unknown>) => Promise<void>;
  checkCurrentPage: () => Promise<void>;
  /** Another person, in a browser context of their own (own cookies), with the test's options and the same axe checks. */
  newPerson: () => Promise<Person>;
};
type WorkerFixtures = { mirror: Page };

/**
 * `page` with axe on every distinct page state it reaches (see `watch`). With JavaScript disabled, axe
 * (which needs scripts) runs on the exact HTML the server sent, replayed at the same address in one
 * page reused by the worker, with scripts on: the same DOM, since our pages ship no JavaScript of their own.
 */
export const test = base.extend<Fixtures, WorkerFixtures>({
  mirror: [
    async ({ browser }, use) => {
      const context = await browser.newContext({ javaScriptEnabled: true });
      await use(await context.newPage());
      await context.close();
    },
    { scope: 'worker' },
  ],
  checkCurrentPage: async ({ page, mirror, javaScriptEnabled }, use) => {
    const { check } = watch(page, mirror, javaScriptEnabled);
    await use(check);
  },
  // Automatic, so page.goto is checked in every test, whether or not it asks for `navigate`.
  navigate: [
    async ({ page, checkCurrentPage }, use) => {
      await use(async (action) => {
        await Promise.all([page.waitForEvent('load'), action()]);
        await checkCurrentPage();
      });
    },
    { auto: true },
  ],
  newPerson: async ({ browser, mirror, javaScriptEnabled, baseURL, locale, viewport, userAgent }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext({ javaScriptEnabled, baseURL, locale, viewport, userAgent });
      contexts.push(context);
      const page = await context.newPage();
      return { page, navigate: watch(page, mirror, javaScriptEnabled).navigate };
    });
    for (const context of contexts) await context.close();
  },
});
