import { expect, expectAccessible, test } from './fixtures.ts';

// The check every other test leans on must be able to fail: a page with an image without a text
// alternative and a field without a label is refused, and the same page mended passes.
test('the accessibility check refuses a page that breaks WCAG and passes it mended', async ({ page }) => {
  const broken = '<!doctype html><html lang="en"><head><title>Check</title></head><body><main><h1>Check</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input name="q"></main></body></html>';
  await page.setContent(broken);
  const failure = await expectAccessible(page, 'a broken page').then(
    () => null,
    (error: Error) => error.message,
  );
  expect(failure).toContain('image-alt');
  expect(failure).toContain('label');
  await page.setContent(broken.replace('<img ', '<img alt="A dot" ').replace('<input name="q">', '<label>Search <input name="q"></label>'));
  await expectAccessible(page, 'the mended page');
});
