import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider, type AppLoadContext, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { alumniProgrammes } from '../../core/alumni/search-alumni.ts';
import { updateAlumniProfile } from '../../core/alumni/update-alumni-profile.ts';
import { reportIncident } from '../../core/care/report-incident.ts';
import { coreContext } from '../../core/context.ts';
import type { Actor } from '../../core/identity/actor.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createParticipant } from '../../db/factories/participant-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { catalogs } from '../../i18n/catalogs.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import * as alumniPage from '../routes/alumni.tsx';
import * as engagementPage from '../routes/exchange-engagement.tsx';
import * as incidentPage from '../routes/incident.tsx';
import * as newIncidentPage from '../routes/incident-new.tsx';
import * as incidentsPage from '../routes/incidents.tsx';
import * as startPage from '../routes/start.tsx';
import { I18nProvider } from '../ui/i18n-context.tsx';

const testDb = useTestDatabase();
const now = () => new Date('2026-06-15T10:00:00Z');

type Page = { loader: (args: never) => Promise<unknown>; default: () => React.JSX.Element };

/** Renders a page on the server as the framework would: its loader runs for real, then the component. */
async function render(page: Page, path: string, pattern: string, actor: Actor) {
  const context = { core: coreContext({ db: testDb.db, actor, now }) } as unknown as AppLoadContext;
  const Component = page.default;
  const routes: RouteObject[] = [
    {
      id: 'page',
      path: pattern,
      loader: ({ request, params }: LoaderFunctionArgs) => page.loader({ request, params, context } as never),
      Component: () => (
        <I18nProvider locale="nn">
          <Component />
        </I18nProvider>
      ),
    },
  ];
  const handler = createStaticHandler(routes);
  const result = await handler.query(new Request(`http://localhost:3000${path}`));
  if (result instanceof Response) throw new Error(`redirected to ${result.headers.get('location')}`);
  expect(result.errors).toBeNull();
  return renderToString(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, result)} context={result} hydrate={false} />);
}

describe('the pages render in the reader’s language', () => {
  it('incidents, a new report, one incident, engagement, alumni and start', async () => {
    const kathmandu = await createOrganisation(testDb.db, { countryCode: 'NP' });
    const bergen = await createOrganisation(testDb.db, { countryCode: 'NO' });
    const partnership = await createPartnership(testDb.db, { partners: [bergen, kathmandu] });
    const nurse = await createParticipant(testDb.db, { partnershipId: partnership.id, homeOrganisationId: kathmandu.id, hostOrganisationId: bergen.id, homeCountry: 'NP', status: 'alumni', startsOn: '2024-01-01', endsOn: '2024-12-31' });
    const coordinator = (await createUser(testDb.db, { memberships: [{ organisationId: kathmandu.id, role: 'partner_coordinator' }] })).actor;
    const self = (await createUser(testDb.db, { participantIds: [nurse.id] })).actor;
    const { id } = await reportIncident(coreContext({ db: testDb.db, actor: coordinator, now }), { participantId: nurse.id, kind: 'health', severity: 'critical', description: 'Fell ill', occurredOn: '2026-06-14', place: 'Bergen' });
    await updateAlumniProfile(coreContext({ db: testDb.db, actor: self, now }), { listed: true, profession: 'Nurse', bio: 'Hello', contactEmail: '', showEmail: false });
    const nn = catalogs.nn;
    expect(await render(incidentsPage as unknown as Page, '/nn/incidents', '/:lang/incidents', coordinator)).toContain(nn['incidentSeverity.critical']);
    expect(await render(newIncidentPage as unknown as Page, `/nn/incidents/new?participant=${nurse.id}`, '/:lang/incidents/new', coordinator)).toContain(nn['incidents.new.submit']);
    const one = await render(incidentPage as unknown as Page, `/nn/incidents/${id}`, '/:lang/incidents/:id', coordinator);
    expect(one).toContain(nn['incidents.emergencyPlan']);
    expect(one).toContain(nn['incidents.told.submit']);
    expect(await render(engagementPage as unknown as Page, '/nn/exchange/engagement', '/:lang/exchange/engagement', self)).toContain(nn['engagement.profile.submit']);
    const directory = await render(alumniPage as unknown as Page, '/nn/alumni?country=NP', '/:lang/alumni', coordinator);
    expect(directory).toContain(nn['alumni.noContact']);
    expect((await alumniProgrammes(coreContext({ db: testDb.db, actor: coordinator }))).length).toBeGreaterThan(0);
    expect(await render(startPage as unknown as Page, '/nn/start', '/:lang/start', coordinator)).toContain(nn['start.title']);
  });
});
