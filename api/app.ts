import { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from './api-env.ts';
import { renderDocsPage } from './docs-page.ts';
import { handleApiError, problemResponse } from './problem.ts';
import { registerApplications } from './routes/applications.ts';
import { registerCare } from './routes/care.ts';
import { registerCourses } from './routes/courses.ts';
import { registerApplicationBudget } from './routes/application-budget.ts';
import { registerExchangeRates } from './routes/exchange-rates.ts';
import { registerFinance } from './routes/finance.ts';
import { registerFinancialReports } from './routes/financial-reports.ts';
import { registerResults } from './routes/results.ts';
import { registerTranches } from './routes/tranches.ts';
import { registerHealth } from './routes/health.ts';
import { registerOrganisationWrites } from './routes/organisation-writes.ts';
import { registerOrganisations } from './routes/organisations.ts';
import { registerParticipantMoves } from './routes/participant-moves.ts';
import { registerParticipantReports } from './routes/participant-reports.ts';
import { registerParticipantDocuments } from './routes/participant-documents.ts';
import { registerParticipantSelf } from './routes/participant-self.ts';
import { registerParticipants } from './routes/participants.ts';
import { registerPartnerships } from './routes/partnerships.ts';
import { registerStatistics } from './routes/statistics.ts';
import { registerOpenData } from './routes/open-data.ts';
import { registerUnitCosts } from './routes/unit-costs.ts';
import { registerSecuritySchemes } from './security.ts';
import { validationHook } from './validation-problem.ts';

const info = {
  title: 'Mutual exchange platform API',
  version: '1.0.0',
  description:
    'The public and integration API of the mutual-exchange platform. Every endpoint calls the same core use-cases as the web pages. ' +
    'Errors are RFC 9457 problem details (application/problem+json) with a JSON pointer per invalid value, in the language of Accept-Language.',
  // The project names no licence of its own (no LICENSE file, no `license` in package.json): EUPL-1.2 until it does.
  license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
};

/** The JSON API, mounted at /api by server.ts. */
export function createApi() {
  // defaultHook: every route's refused input is the same problem+json (api/validation-problem.ts).
  const api = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  registerSecuritySchemes(api);
  registerHealth(api);
  registerOrganisations(api);
  registerOrganisationWrites(api);
  registerPartnerships(api);
  registerStatistics(api);
  registerOpenData(api);
  registerApplications(api);
  // The list and its export first: `/v1/participants/export.csv` must not be read as a participant's id.
  registerParticipants(api);
  registerParticipantMoves(api);
  registerParticipantReports(api);
  registerCare(api);
  registerCourses(api);
  registerParticipantSelf(api);
  registerParticipantDocuments(api);
  registerFinance(api);
  registerFinancialReports(api);
  registerResults(api);
  registerTranches(api);
  registerUnitCosts(api);
  registerApplicationBudget(api);
  registerExchangeRates(api);

  api.doc31('/openapi.json', { openapi: '3.1.0', info, servers: [{ url: '/api' }] });
  api.get('/docs', (c) => c.html(renderDocsPage(api.getOpenAPI31Document({ openapi: '3.1.0', info }))));
  // Registered last: anything under /api that no route above answers is an RFC 9457 problem, not an HTML page.
  api.all('/*', (c) => problemResponse(c, 404, 'noEndpoint', { params: { path: c.req.path } }));
  api.onError(handleApiError);
  return api;
}
