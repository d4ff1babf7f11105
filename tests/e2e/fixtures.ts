import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type Page, type Response } from '@playwright/test';

export { expect, type Page };

const wcag21aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe with the WCAG 2.1 A and AA rules on the page as it is now; any violation fails the test. */
export async function expectAccessible(page: Page, label = page.url()) {
  const results = await new AxeBuilder({ page }).withTags(wcag21aa).analyze();
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(violations, `axe WCAG 2.1 AA on ${label}`).toEqual([]);
}

/**
 * axe needs JavaScript in the page. With JavaScript disabled, the exact HTML the server sent is
 * replayed at the same address in a page with scripts on (its CSS still comes from the server), which is
 * the same DOM, because our pages ship no JavaScript of their own.
 */
async function expectAccessibleMirror(browser: Browser, url: string, html: string) {
  // Playwright Test gives new contexts the test's options: turn scripts back on for axe alone.
  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    const mirror = await context.newPage();
    await mirror.route(
      (u) => u.href === url,
      (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
    );
    await mirror.goto(url);
    await expectAccessible(mirror, `${url} (served without JavaScript)`);
  } finally {
    await context.close();
  }
}

const isRedirect = (response: Response) => response.status() >= 300 && response.status() < 400;

type Fixtures = { navigate: (action: () => Promise<unknown>) => Promise<void> };

/**
 * `page` with axe on every visit: page.goto checks the page it lands on, `navigate` checks the page
 * a click or a form submission lands on, and at the end any page visited but not yet checked
 * (a GET address) is visited again and checked, so no page an e2e test sees escapes axe.
 */
export const test = base.extend<Fixtures & { checkCurrentPage: () => Promise<void> }>({
  checkCurrentPage: async ({ page, browser, javaScriptEnabled }, use) => {
    let lastDocument: Promise<{ url: string; html: string; isHtml: boolean }> | undefined;
    page.on('response', (response: Response) => {
      if (response.request().isNavigationRequest() && response.frame() === page.mainFrame() && !isRedirect(response)) {
        lastDocument = response.body().then(
          (body) => ({
            url: response.url(),
            html: body.toString('utf8'),
            isHtml: (response.headers()['content-type'] ?? '').includes('text/html'),
          }),
          () => ({ url: response.url(), html: '', isHtml: false }),
        );
      }
    });
    await use(async () => {
      if (javaScriptEnabled) return expectAccessible(page);
      const document = await lastDocument;
      if (document?.isHtml) await expectAccessibleMirror(browser, document.url, document.html);
    });
  },
  // Automatic, so page.goto is checked in every test, whether or not it asks for `navigate`.
  navigate: [
    async ({ page, checkCurrentPage }, use) => {
    const visited = new Set<string>();
    const checked = new Set<string>();
    // Our own pages only: a third party's (the test OpenID provider) is not ours to fix.
    const ownOrigin = new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1').origin;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url().startsWith(ownOrigin)) visited.add(frame.url());
    });
    const check = async () => {
      await checkCurrentPage();
      checked.add(page.url());
    };
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      if (response?.headers()['content-type']?.includes('text/html')) await check();
      return response;
    };
    await use(async (action) => {
      await Promise.all([page.waitForEvent('load'), action()]);
      await check();
    });
    for (const url of visited) {
      if (checked.has(url)) continue;
      const response = await goto(url);
      if (response?.headers()['content-type']?.includes('text/html')) await check();
    }
    },
    { auto: true },
  ],
});
