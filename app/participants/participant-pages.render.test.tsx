import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider, type AppLoadContext } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../core/context.ts';
import { catalogs } from '../../i18n/catalogs.ts';
import type { Locale } from '../../i18n/locales.ts';
import { nominate, nurse, participantWorld } from '../../tests/support/participant-world.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import * as participantPage from '../routes/participant.tsx';
import * as nominatePage from '../routes/partnership-nominate.tsx';
import { I18nProvider } from '../ui/i18n-context.tsx';

const testDb = useTestDatabase();

/**
 * The pages rendered on the server as a browser gets them, their loaders and actions run for real on
 * the test database: what the HTML offers to whom (forms, buttons, messages), without a build.
 */
async function render(locale: Locale, core: CoreContext, url: string, init?: RequestInit) {
  const routes = [
    { id: 'nominate', path: '/:lang/partnerships/:id/nominate', loader: nominatePage.loader, action: nominatePage.action, Component: nominatePage.default, ErrorBoundary: () => null },
    { id: 'participant', path: '/:lang/participants/:id', loader: participantPage.loader, action: participantPage.action, Component: participantPage.default, ErrorBoundary: () => null },
  ];
  const handler = createStaticHandler(routes as never);
  const context = await handler.query(new Request(`http://localhost${url}`, init), { requestContext: { core } as AppLoadContext });
  if (context instanceof Response) return { status: context.status, location: context.headers.get('location'), html: '' };
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(
    <I18nProvider locale={locale}>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </I18nProvider>,
  );
  return { status: context.statusCode, location: null, html };
}

const post = (values: Record<string, string>): RequestInit => ({ method: 'POST', body: new URLSearchParams(values), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, '’').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('the nomination page', () => {
  it('shows the plan lines with their counts, and comes back with every refusal beside its field and what was typed', async () => {
    const w = await participantWorld(testDb.db);
    await nominate(w);
    const page = await render('nb', w.as(w.sender), `/nb/partnerships/${w.partnership.id}/nominate`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`value="${w.flow.id}"`);
    expect(text(page.html)).toContain(catalogs.nb['nominate.flow.full']);
    const refused = await render('nb', w.as(w.sender), `/nb/partnerships/${w.partnership.id}/nominate`, post({ planFlowId: w.flow.id, givenName: 'Sita', email: 'nope' }));
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('class="ds-error-summary"');
    expect(refused.html).toContain('href="#familyName"');
    expect(refused.html).toContain('id="email-error"');
    expect(refused.html).toContain('value="Sita"');
  });

  it('sends the nominated person’s page, saying when the nomination goes over the plan', async () => {
    const w = await participantWorld(testDb.db);
    await nominate(w);
    const person = nurse();
    const done = await render('en', w.as(w.sender), `/en/partnerships/${w.partnership.id}/nominate`, post({ ...person, planFlowId: w.flow.id }));
    expect(done.status).toBe(302);
    expect(done.location).toMatch(/^\/en\/participants\/[0-9a-f-]{36}\?saved=nominated-over-plan$/);
  });

  it('is refused to someone whose organisation is not a partner', async () => {
    const w = await participantWorld(testDb.db);
    await expect(render('en', w.as(w.stranger), `/en/partnerships/${w.partnership.id}/nominate`)).resolves.toMatchObject({ status: 403 });
  });
});

describe('the participant page', () => {
  it('offers each person only what they may do now', async () => {
    const w = await participantWorld(testDb.db);
    await nominate(w);
    const n = await nominate(w, nurse({ birthDate: '1960-01-01' }));
    const url = `/nn/participants/${n.participantId}`;
    const host = text((await render('nn', w.as(w.host), url)).html);
    expect(host).toContain(catalogs.nn['participantPage.host.accept']);
    expect(host).not.toContain(catalogs.nn['participantPage.overPlan.submit']);
    const adviser = await render('nn', w.as(w.adviser), url);
    if (process.env.SHOW_HTML) console.log(adviser.html);
    expect(text(adviser.html)).toContain(catalogs.nn['participantPage.overPlan.submit']);
    expect(text(adviser.html)).toContain(catalogs.nn['participantPage.exception.submit']);
    expect(adviser.html).toContain('name="to" value="approved"');
    expect(adviser.html).not.toContain('name="intent" value="accept"');
    const sender = await render('nn', w.as(w.sender), url);
    expect(sender.html).toContain('name="to" value="withdrawn"');
    expect(sender.html).not.toContain('name="to" value="approved"');
    expect(sender.html).toContain(`href="/nn/participants/${n.participantId}/documents"`);
    await expect(render('nn', w.as(w.stranger), url)).resolves.toMatchObject({ status: 404 });
  });

  it('says a stale version clearly and keeps the reason typed', async () => {
    const w = await participantWorld(testDb.db);
    const n = await nominate(w);
    const url = `/fr/participants/${n.participantId}`;
    expect((await render('fr', w.as(w.host), url, post({ intent: 'accept', version: n.version }))).status).toBe(302);
    const stale = await render('fr', w.as(w.sender), url, post({ intent: 'move', to: 'withdrawn', version: n.version, 'move-withdrawn-reason': 'Elle a trouvé un poste' }));
    expect(stale.status).toBe(409);
    expect(text(stale.html)).toContain(catalogs.fr['error.staleEdit']);
    expect(stale.html).toContain('Elle a trouvé un poste');
  });
});
