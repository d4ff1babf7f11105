import { createElement } from 'react';
import { createRequestHandler, type ServerBuild, useLoaderData } from 'react-router';
import { describe, expect, it } from 'vitest';
import * as entryServer from './entry.server.tsx';

/**
 * A one-route build around the real document entry: the route's loader data counts how often its rows
 * are read, so the test sees whether anything besides the page walked them.
 */
function oneRouteBuild(reads: { count: number }) {
  const manifestRoute = {
    id: 'root',
    parentId: undefined,
    path: '',
    index: undefined,
    caseSensitive: undefined,
    hasAction: false,
    hasLoader: true,
    hasClientAction: false,
    hasClientLoader: false,
    hasClientMiddleware: false,
    hasDefaultExport: true,
    hasErrorBoundary: false,
    module: '/assets/root.js',
    imports: [],
    css: [],
  };
  function Page() {
    const { rows } = useLoaderData<{ rows: string[] }>();
    return createElement('html', null, createElement('body', null, createElement('ul', null, rows.map((row) => createElement('li', { key: row }, row)))));
  }
  const loader = () => ({
    get rows() {
      reads.count += 1;
      return ['Dhulikhel Hospital', 'Lilongwe Nursing College', 'Fundación Sartawi'];
    },
  });
  return {
    entry: { module: entryServer },
    routes: { root: { id: 'root', parentId: undefined, path: '', index: undefined, caseSensitive: undefined, module: { default: Page, loader } } },
    assets: { entry: { module: '/assets/entry.client.js', imports: [], css: [] }, routes: { root: manifestRoute }, url: '/assets/manifest.js', version: 'test' },
    publicPath: '/',
    assetsBuildDirectory: 'build/client',
    basename: '/',
    future: {},
    isSpaMode: false,
    ssr: true,
    prerender: [],
    routeDiscovery: { mode: 'lazy', manifestPath: '/__manifest' },
  } as unknown as ServerBuild;
}

describe('the document entry', () => {
  it('renders the page from its loader data without also encoding that data for hydration', async () => {
    const reads = { count: 0 };
    const handle = createRequestHandler(oneRouteBuild(reads), 'production');
    const response = await handle(new Request('http://localhost/'));
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain('<ul><li>Dhulikhel Hospital</li><li>Lilongwe Nursing College</li>');
    // Nothing after the document: no suspended hand-over script, no streamed loader data.
    expect(html.endsWith('</ul></body></html>')).toBe(true);
    expect(html).not.toContain('streamController');
    // The page read its rows once; React Router's turbo-stream encoding (patches/react-router+*.patch
    // makes it lazy) would have read them a second time.
    expect(reads.count).toBe(1);
  });
});
