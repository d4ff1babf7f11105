import { beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import routes from '../../app/routes.ts';
import { catalogs } from '../../i18n/catalogs.ts';
import { authEndpoints } from '../../server/http-app.ts';
import { useInProcessApp } from '../support/in-process-app.ts';
import { routePaths } from '../support/route-paths.ts';
import { SessionClient, signedInAs } from '../support/session-client.ts';

/**
 * Every page and every API endpoint, for every role: allowed (200), sent to sign-in, refused (403),
 * or another answer named here. A route added to app/routes.ts or the OpenAPI document without an
 * entry in this table fails the first test. Requests go to the whole server in-process (tests/support/
 * in-process-app.ts) on this file's own demo database, as each demo person signed in through the sign-in page.
 */
const roles = ['visitor', 'administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance', 'participant'] as const;
type Role = (typeof roles)[number];
/** 401: the API's answer to a visitor (a page sends them to sign-in instead). */
type Outcome = 200 | 302 | 401 | 403 | 404 | 'sign-in' | 'start';

const logins: Record<Exclude<Role, 'visitor'>, string> = {
  administrator: 'admin@demo.example',
  programme_adviser: 'adviser@demo.example',
  finance_officer: 'finance@demo.example',
  partner_coordinator: 'coordinator.kathmandu@demo.example',
  partner_finance: 'finance.kathmandu@demo.example',
  participant: 'participant@demo.example',
};

const everyone = (outcome: Outcome) => Object.fromEntries(roles.map((r) => [r, outcome])) as Record<Role, Outcome>;
const signedIn = (outcome: Outcome) => ({ ...everyone(outcome), visitor: 'sign-in' as const });
const only = (allowed: Role[]) => ({ ...signedIn(403), ...Object.fromEntries(allowed.map((r) => [r, 200])) }) as Record<Role, Outcome>;

const pages: Record<string, { url: string; expect: Record<Role, Outcome> }> = {
  '/': { url: '/', expect: everyone(302) },
  ':lang/': { url: '/en/', expect: everyone(200) },
  // The IATI files are public; a year without activities has no file (the schema wants one at least).
  'open-data/iati/activities.xml': { url: '/open-data/iati/activities.xml', expect: everyone(200) },
  'open-data/iati/:year/activities.xml': { url: '/open-data/iati/2025/activities.xml', expect: everyone(200) },
  // The flow map's land, an image every statistics page points at.
  'statistics/world.svg': { url: '/statistics/world.svg', expect: everyone(200) },
  // The publisher's preview of the IATI files: agency staff.
  ':lang/open-data/iati': { url: '/en/open-data/iati', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  ':lang/open-data/iati/problems.csv': { url: '/en/open-data/iati/problems.csv', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  ':lang/organisations': { url: '/en/organisations', expect: everyone(200) },
  ':lang/organisations/new': { url: '/en/organisations/new', expect: only(['administrator', 'programme_adviser']) },
  // {kathmandu} is Kathmandu Model Hospital, whose coordinator and finance officer are demo accounts.
  ':lang/organisations/:id': { url: '/en/organisations/{kathmandu}', expect: everyone(200) },
  ':lang/partnerships': { url: '/en/partnerships?shape=triangular', expect: everyone(200) },
  // The public statistics and their CSV: counts only, for everyone.
  ':lang/statistics': { url: '/fr/statistics?direction=south-south&yearFrom=2024&yearTo=2024', expect: everyone(200) },
  ':lang/statistics.csv': { url: '/en/statistics.csv?table=flows&from=africa', expect: everyone(200) },
  // The open-data page (datasets, templates, data dictionary, IATI files): public.
  ':lang/open-data': { url: '/fr/open-data', expect: everyone(200) },
  ':lang/partnerships/:id': { url: '/en/partnerships/{partnership}', expect: everyone(200) },
  // {midwifery}: the Kathmandu–Bergen midwifery exchange, with an approved round Kathmandu sends on.
  ':lang/partnerships/:id/nominate': { url: '/en/partnerships/{midwifery}/nominate', expect: only(['partner_coordinator']) },
  // {nominee}: a nomination from Kathmandu in the midwifery exchange (Health, which the demo adviser follows); outside one's scope it is not found.
  ':lang/participants/:id': { url: '/en/participants/{nominee}', expect: { ...signedIn(404), administrator: 200, programme_adviser: 200, partner_coordinator: 200 } },
  ':lang/organisations/:id/edit': { url: '/en/organisations/{kathmandu}/edit', expect: only(['administrator', 'programme_adviser', 'partner_coordinator']) },
  // Signed in already: to the start page, what needs this person now.
  ':lang/sign-in': { url: '/en/sign-in', expect: { ...everyone('start'), visitor: 200 } },
  ':lang/sign-out': { url: '/en/sign-out', expect: everyone(302) },
  ':lang/forgot-password': { url: '/en/forgot-password', expect: everyone(200) },
  ':lang/reset-password': { url: '/en/reset-password?token=x', expect: everyone(200) },
  ':lang/invitations/:token': { url: '/en/invitations/not-a-real-token-0000000000', expect: everyone(404) },
  ':lang/invitations': { url: '/en/invitations', expect: only(['administrator', 'programme_adviser', 'partner_coordinator']) },
  ':lang/start': { url: '/en/start', expect: signedIn(200) },
  ':lang/account': { url: '/en/account', expect: signedIn(200) },
  ':lang/account/export': { url: '/en/account/export', expect: signedIn(200) },
  ':lang/finance': { url: '/en/finance', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  ':lang/finance/appropriations/new': { url: '/en/finance/appropriations/new', expect: only(['administrator', 'finance_officer']) },
  ':lang/finance/allocations/new': { url: '/en/finance/allocations/new', expect: only(['administrator', 'finance_officer']) },
  ':lang/finance/export.xlsx': { url: '/en/finance/export.xlsx?year=2026', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  ':lang/finance/ledger.csv': { url: '/en/finance/ledger.csv?year=2026', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  ':lang/finance/ledger': { url: '/en/finance/ledger?account=year%3A2026', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  ':lang/finance/financial-reports.xlsx': { url: '/en/finance/financial-reports.xlsx?year=2026', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  ':lang/finance/financial-reports.csv': { url: '/en/finance/financial-reports.csv?year=2026', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  // Financial reports: the reporting organisation's staff and the agency's finance readers; {financialReport} is
  // Kathmandu's submitted demo report, {financialReceipt} its receipt. For anyone else the report is not found.
  ':lang/financial-reports': { url: '/en/financial-reports', expect: only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']) },
  ':lang/financial-reports/:reportId': { url: '/en/financial-reports/{financialReport}', expect: { ...signedIn(404), administrator: 200, programme_adviser: 200, finance_officer: 200, partner_coordinator: 200, partner_finance: 200 } },
  ':lang/financial-reports/:reportId/receipts/:receiptId': {
    url: '/en/financial-reports/{financialReport}/receipts/{financialReceipt}',
    expect: { ...signedIn(404), administrator: 200, programme_adviser: 200, finance_officer: 200, partner_coordinator: 200, partner_finance: 200 },
  },
  // Results reports: read by the agency and the staff of the partnership's organisations; {resultReport} is the demo's
  // submitted report on the midwifery exchange (Kathmandu's partnership). Participants and anyone outside find nothing.
  ':lang/result-reports': { url: '/en/result-reports', expect: only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']) },
  ':lang/result-reports/:reportId': { url: '/en/result-reports/{resultReport}', expect: { ...signedIn(404), administrator: 200, programme_adviser: 200, finance_officer: 200, partner_coordinator: 200, partner_finance: 200 } },
  // The results dashboards and their CSV: agency staff.
  ':lang/results': { url: '/en/results?year=2025', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  ':lang/results/export.csv': { url: '/en/results/export.csv?by=sdg', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  // Exchange rates: read with finance; entering and importing (POST) for finance officers and administrators.
  ':lang/finance/exchange-rates': { url: '/en/finance/exchange-rates?currency=NPR', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  ':lang/finance/ledger/:entryId': { url: '/en/finance/ledger/{ledgerEntry}', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  // Tranches: the agency's finance readers ({tranche}: the first on the finance officer's list).
  ':lang/finance/tranches': { url: '/en/finance/tranches?status=approved', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  ':lang/finance/tranches.xlsx': { url: '/en/finance/tranches.xlsx?year=2026', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  ':lang/finance/tranches.csv': { url: '/en/finance/tranches.csv?year=2026', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  ':lang/finance/tranches/:trancheId': { url: '/en/finance/tranches/{tranche}', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  // A stage's payments ({stage}: a granted stage of {midwifery}, which Kathmandu takes part in): its partners' staff and the agency's finance readers; anyone else not found.
  ':lang/partnerships/:id/stages/:stageId/payments': {
    url: '/en/partnerships/{midwifery}/stages/{stage}/payments',
    expect: { ...signedIn(404), administrator: 200, programme_adviser: 200, finance_officer: 200, partner_coordinator: 200, partner_finance: 200 },
  },
  ':lang/admin': { url: '/en/admin', expect: only(['administrator']) },
  ':lang/admin/users': { url: '/en/admin/users', expect: only(['administrator']) },
  ':lang/admin/audit': { url: '/en/admin/audit', expect: only(['administrator']) },
  ':lang/admin/mail': { url: '/en/admin/mail', expect: only(['administrator']) },
  ':lang/admin/programmes': { url: '/en/admin/programmes', expect: only(['administrator', 'programme_adviser']) },
  ':lang/admin/programmes/:id': { url: '/en/admin/programmes/{programme}', expect: only(['administrator', 'programme_adviser']) },
  // Unit costs: the agency reads them (finance officers and administrators also draft and publish). The demo has no
  // draft, so the draft's pages are not found for those who may see them; publishing is not for advisers at all.
  ':lang/admin/unit-costs': { url: '/en/admin/unit-costs', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  ':lang/admin/programmes/:id/unit-costs': { url: '/en/admin/programmes/{programme}/unit-costs', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  ':lang/admin/programmes/:id/unit-costs/:year': { url: '/en/admin/programmes/{programme}/unit-costs/2026', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  ':lang/admin/programmes/:id/unit-costs/:year/draft': { url: '/en/admin/programmes/{programme}/unit-costs/2026/draft', expect: { ...signedIn(403), administrator: 404, programme_adviser: 404, finance_officer: 404 } },
  ':lang/admin/programmes/:id/unit-costs/:year/publish': { url: '/en/admin/programmes/{programme}/unit-costs/2026/publish', expect: { ...signedIn(403), administrator: 404, finance_officer: 404 } },
  ':lang/admin/calls/new': { url: '/en/admin/calls/new', expect: only(['administrator', 'programme_adviser']) },
  ':lang/admin/calls/:id/edit': { url: '/en/admin/calls/{call}/edit', expect: only(['administrator', 'programme_adviser']) },
  ':lang/calls': { url: '/en/calls?phase=open', expect: everyone(200) },
  ':lang/calls/:id': { url: '/en/calls/{call}', expect: everyone(200) },
  ':lang/applications': { url: '/en/applications?status=active', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']) } },
  ':lang/applications/new': { url: '/en/applications/new', expect: only(['partner_coordinator']) },
  // Participants: whoever participant-scope.ts lets see someone (a participant sees their own record); finance roles see no one.
  ':lang/participants': { url: '/en/participants?status=in_placement', expect: only(['administrator', 'programme_adviser', 'partner_coordinator', 'participant']) },
  ':lang/participants-export.csv': { url: '/en/participants-export.csv?homeCountry=NP', expect: only(['administrator', 'programme_adviser', 'partner_coordinator', 'participant']) },
  // {application}: an application Kathmandu Model Hospital takes part in (found through its coordinator's list).
  ':lang/applications/:id': { url: '/en/applications/{application}', expect: only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']) },
  // The budget's other lines and its exports: whoever may read the application (changing lines is checked in tests/integration/budget-pages.test.ts).
  ':lang/applications/:id/budget/other-lines': { url: '/en/applications/{application}/budget/other-lines', expect: only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']) },
  ':lang/applications/:id/budget.xlsx': { url: '/en/applications/{application}/budget.xlsx', expect: only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']) },
  ':lang/applications/:id/budget.csv': { url: '/en/applications/{application}/budget.csv', expect: only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']) },
  // Past submission, nobody edits it: readers are sent to the overview.
  ':lang/applications/:id/edit/:step': { url: '/en/applications/{application}/edit/plan', expect: { ...signedIn(302), participant: 403 } },
  ':lang/applications/:id/review': { url: '/en/applications/{application}/review', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  ':lang/applications/:id/attachments/:attachmentId': { url: '/en/applications/{application}/attachments/00000000-0000-4000-8000-000000000000', expect: { ...signedIn(404), participant: 403 } },
  // Reports: the participant writes their own; the agency and Kathmandu's coordinator read those of a participant
  // Kathmandu hosts ({reportParticipant}, in a programme the adviser follows); others do not see that participant (404).
  ':lang/exchange/reports/:kind': { url: '/en/exchange/reports/arrival', expect: only(['participant']) },
  ':lang/participants/:id/reports/:kind': {
    url: '/en/participants/{reportParticipant}/reports/final',
    expect: { ...signedIn(404), administrator: 200, programme_adviser: 200, partner_coordinator: 200 },
  },
  ':lang/reports/overdue': { url: '/en/reports/overdue', expect: only(['administrator', 'programme_adviser', 'partner_coordinator']) },
  // Incidents: the coordinators concerned, the agency's advisers and administrators, and a participant for their own reports.
  ':lang/incidents': { url: '/en/incidents?status=open', expect: only(['administrator', 'programme_adviser', 'partner_coordinator', 'participant']) },
  // Reported by a coordinator (about the people their organisation sends or hosts) or a participant (about themselves).
  ':lang/incidents/new': { url: '/en/incidents/new', expect: only(['partner_coordinator', 'participant']) },
  // No such incident; one outside a person's scope answers the same.
  ':lang/incidents/:id': { url: '/en/incidents/00000000-0000-4000-8000-000000000000', expect: signedIn(404) },
  // Alumni, coordinators and agency staff; the demo participant has completed but is not alumni yet.
  ':lang/alumni': { url: '/en/alumni?country=NP', expect: only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator']) },
  ':lang/exchange/engagement': { url: '/en/exchange/engagement', expect: only(['participant']) },
  // Courses: the agency and partner coordinators read them (a coordinator the programmes' and their own); {course}
  // is the first on the Kathmandu coordinator's list, which every agency role but finance also sees.
  ':lang/courses': { url: '/en/courses?kind=preparatory&when=all', expect: only(['administrator', 'programme_adviser', 'partner_coordinator']) },
  ':lang/courses/new': { url: '/en/courses/new', expect: only(['administrator', 'programme_adviser', 'partner_coordinator']) },
  ':lang/courses/:id': { url: '/en/courses/{course}', expect: only(['administrator', 'programme_adviser', 'partner_coordinator']) },
  ':lang/courses/:id/attendance.csv': { url: '/en/courses/{course}/attendance.csv', expect: only(['administrator', 'programme_adviser', 'partner_coordinator']) },
  // The participant's own pages: only someone with a participant record has one (everyone else: not found).
  ':lang/exchange': { url: '/en/exchange', expect: { ...signedIn(404), participant: 200 } },
  ':lang/exchange/documents/:kind': { url: '/en/exchange/documents/insurance', expect: { ...signedIn(404), participant: 200 } },
  // {participant}: the demo participant (sent by Kathmandu Model Hospital, in a programme the demo adviser follows).
  ':lang/participants/:id/documents': { url: '/en/participants/{participant}/documents', expect: { ...signedIn(200), finance_officer: 404, partner_finance: 404 } },
  ':lang/participants/:id/documents/:documentId': { url: '/en/participants/{participant}/documents/00000000-0000-4000-8000-000000000000', expect: signedIn(404) },
  ':lang/*': { url: '/en/no-such-page', expect: everyone(404) },
};

const api: Record<string, { url: string; expect: Record<Role, Outcome> }> = {
  '/v1/health': { url: '/api/v1/health', expect: everyone(200) },
  // The directories are public; writes (POST, PUT) are checked per role in tests/integration/api-writes.test.ts.
  '/v1/organisations': { url: '/api/v1/organisations?country=NP', expect: everyone(200) },
  '/v1/organisations/{id}': { url: '/api/v1/organisations/{kathmandu}', expect: everyone(200) },
  '/v1/partnerships': { url: '/api/v1/partnerships?shape=triangular', expect: everyone(200) },
  '/v1/partnerships/{id}': { url: '/api/v1/partnerships/{partnership}', expect: everyone(200) },
  // Public statistics: counts only, for everyone.
  '/v1/statistics': { url: '/api/v1/statistics?direction=south-south&yearFrom=2024&yearTo=2024', expect: everyone(200) },
  // Open data: public files, the same for every role (only accepted results; lessons only where published).
  '/v1/open-data/partnerships.csv': { url: '/api/v1/open-data/partnerships.csv', expect: everyone(200) },
  '/v1/open-data/partnerships.json': { url: '/api/v1/open-data/partnerships.json', expect: everyone(200) },
  '/v1/open-data/templates/partnerships.csv': { url: '/api/v1/open-data/templates/partnerships.csv', expect: everyone(200) },
  '/v1/open-data/organisations.csv': { url: '/api/v1/open-data/organisations.csv', expect: everyone(200) },
  '/v1/open-data/organisations.json': { url: '/api/v1/open-data/organisations.json', expect: everyone(200) },
  '/v1/open-data/templates/organisations.csv': { url: '/api/v1/open-data/templates/organisations.csv', expect: everyone(200) },
  '/v1/open-data/statistics.csv': { url: '/api/v1/open-data/statistics.csv?direction=south-south', expect: everyone(200) },
  '/v1/open-data/statistics.json': { url: '/api/v1/open-data/statistics.json?direction=south-south', expect: everyone(200) },
  '/v1/open-data/templates/statistics.csv': { url: '/api/v1/open-data/templates/statistics.csv', expect: everyone(200) },
  '/v1/open-data/results.csv': { url: '/api/v1/open-data/results.csv', expect: everyone(200) },
  '/v1/open-data/results.json': { url: '/api/v1/open-data/results.json', expect: everyone(200) },
  '/v1/open-data/templates/results.csv': { url: '/api/v1/open-data/templates/results.csv', expect: everyone(200) },
  // Applications: partner staff (their own) and agency staff read them; writes are checked in tests/integration/api-writes.test.ts.
  '/v1/applications': { url: '/api/v1/applications?status=active', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']), visitor: 401 } },
  '/v1/applications/{id}': { url: '/api/v1/applications/{application}', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']), visitor: 401 } },
  '/v1/participants': { url: '/api/v1/participants?gender=female', expect: { ...only(['administrator', 'programme_adviser', 'partner_coordinator', 'participant']), visitor: 401 } },
  '/v1/participants/export.csv': { url: '/api/v1/participants/export.csv?year=2026', expect: { ...only(['administrator', 'programme_adviser', 'partner_coordinator', 'participant']), visitor: 401 } },
  // Attachments: upload is POST only (a GET finds no endpoint); a file is read by whoever reads the application (no such file here: 404).
  '/v1/applications/{id}/attachments': { url: '/api/v1/applications/{application}/attachments', expect: everyone(404) },
  '/v1/applications/{id}/attachments/{attachmentId}': { url: '/api/v1/applications/{application}/attachments/00000000-0000-4000-8000-000000000000', expect: { ...everyone(404), visitor: 401, participant: 403 } },
  // Participants: read by those in the participant's scope; the plan lines to nominate on by the partners' coordinators.
  '/v1/participants/{id}': { url: '/api/v1/participants/{nominee}', expect: { ...everyone(404), visitor: 401, administrator: 200, programme_adviser: 200, partner_coordinator: 200 } },
  '/v1/partnerships/{id}/nomination-flows': { url: '/api/v1/partnerships/{midwifery}/nomination-flows', expect: { ...only(['partner_coordinator']), visitor: 401 } },
  // Participant reports: one's own (participants only), a participant's for its readers, the overdue list.
  '/v1/exchange/reports/{kind}': { url: '/api/v1/exchange/reports/arrival', expect: { ...only(['participant']), visitor: 401 } },
  '/v1/exchange/reports/{kind}/submission': { url: '/api/v1/exchange/reports/arrival/submission', expect: everyone(404) },
  '/v1/participants/{id}/reports/{kind}': {
    url: '/api/v1/participants/{reportParticipant}/reports/final',
    expect: { ...everyone(404), visitor: 401, administrator: 200, programme_adviser: 200, partner_coordinator: 200 },
  },
  '/v1/participants/{id}/reports/{kind}/acceptance': { url: '/api/v1/participants/{reportParticipant}/reports/final/acceptance', expect: everyone(404) },
  '/v1/participants/{id}/reports/{kind}/return': { url: '/api/v1/participants/{reportParticipant}/reports/final/return', expect: everyone(404) },
  '/v1/reports/overdue': { url: '/api/v1/reports/overdue', expect: { ...only(['administrator', 'programme_adviser', 'partner_coordinator']), visitor: 401 } },
  // Incidents: as their pages (a guessed or unknown id is 404 for everyone signed in).
  '/v1/incidents': { url: '/api/v1/incidents?status=open', expect: { ...only(['administrator', 'programme_adviser', 'partner_coordinator', 'participant']), visitor: 401 } },
  '/v1/incidents/{id}': { url: '/api/v1/incidents/00000000-0000-4000-8000-000000000000', expect: { ...everyone(404), visitor: 401 } },
  '/v1/me/engagement': { url: '/api/v1/me/engagement', expect: { ...only(['participant']), visitor: 401 } },
  // The demo participant has completed, not yet alumni.
  '/v1/alumni': { url: '/api/v1/alumni?country=NP', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator']), visitor: 401 } },
  '/v1/me/start': { url: '/api/v1/me/start', expect: { ...everyone(200), visitor: 401 } },
  // Write-only (POST, PUT, DELETE): a GET finds no endpoint there (404 problem), whoever asks.
  ...Object.fromEntries(
    ['/v1/incidents/{id}/notes', '/v1/incidents/{id}/status', '/v1/incidents/{id}/notifications', '/v1/me/engagement/plan', '/v1/me/engagement/activities', '/v1/me/engagement/activities/{activityId}', '/v1/me/alumni-profile'].map((p) => [
      p,
      { url: `/api${p.replace(/\{\w+\}/, '00000000-0000-4000-8000-000000000000')}`, expect: everyone(404) },
    ]),
  ),
  // The budget of an application: whoever may read the application.
  '/v1/applications/{id}/budget': { url: '/api/v1/applications/{application}/budget', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']), visitor: 401 } },
  '/v1/applications/{id}/budget/history': { url: '/api/v1/applications/{application}/budget/history', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']), visitor: 401 } },
  '/v1/applications/{id}/budget/rounds/{round}/other-lines': { url: '/api/v1/applications/{application}/budget/rounds/1/other-lines', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']), visitor: 401 } },
  // Write-only (PUT, DELETE; POST on the import): a GET finds no endpoint there.
  '/v1/applications/{id}/budget/rounds/{round}/other-lines/{lineId}': { url: '/api/v1/applications/{application}/budget/rounds/1/other-lines/00000000-0000-4000-8000-000000000000', expect: everyone(404) },
  '/v1/finance/exchange-rates': { url: '/api/v1/finance/exchange-rates?currency=NPR', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer']), visitor: 401 } },
  '/v1/finance/exchange-rates/import': { url: '/api/v1/finance/exchange-rates/import', expect: everyone(404) },
  '/v1/finance/years/{year}': { url: '/api/v1/finance/years/2026', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer']), visitor: 401 } },
  '/v1/finance/ledger': { url: '/api/v1/finance/ledger?year=2026', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer']), visitor: 401 } },
  '/v1/finance/ledger/{id}': { url: '/api/v1/finance/ledger/{ledgerEntry}', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer']), visitor: 401 } },
  // Write-only (POST): a GET finds no endpoint there.
  '/v1/finance/appropriations': { url: '/api/v1/finance/appropriations', expect: everyone(404) },
  '/v1/finance/allocations': { url: '/api/v1/finance/allocations', expect: everyone(404) },
  '/v1/finance/ledger/{id}/corrections': { url: '/api/v1/finance/ledger/{ledgerEntry}/corrections', expect: everyone(404) },
  // Financial reports: read by the reporting organisation's staff and the agency's finance readers (participants 403).
  '/v1/financial-reports': { url: '/api/v1/financial-reports', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']), visitor: 401 } },
  '/v1/financial-reports/{id}': { url: '/api/v1/financial-reports/{financialReport}', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']), visitor: 401 } },
  '/v1/financial-reports/{id}/receipts/{receiptId}': {
    url: '/api/v1/financial-reports/{financialReport}/receipts/{financialReceipt}',
    expect: { ...only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']), visitor: 401 },
  },
  // Write-only (POST): a GET finds no endpoint there.
  '/v1/stages/{stageId}/financial-reports': { url: '/api/v1/stages/00000000-0000-4000-8000-000000000000/financial-reports', expect: everyone(404) },
  ...Object.fromEntries(['submission', 'approval', 'return', 'receipts'].map((p) => [`/v1/financial-reports/{id}/${p}`, { url: `/api/v1/financial-reports/{financialReport}/${p}`, expect: everyone(404) }])),
  // Results reports: read by the agency and the partnership's partners' staff (participants 403); writes are POST/PUT only.
  '/v1/result-reports': { url: '/api/v1/result-reports', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']), visitor: 401 } },
  '/v1/result-reports/{id}': { url: '/api/v1/result-reports/{resultReport}', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']), visitor: 401 } },
  '/v1/stages/{stageId}/result-reports': { url: '/api/v1/stages/00000000-0000-4000-8000-000000000000/result-reports', expect: everyone(404) },
  ...Object.fromEntries(['submission', 'acceptance', 'return'].map((p) => [`/v1/result-reports/{id}/${p}`, { url: `/api/v1/result-reports/{resultReport}/${p}`, expect: everyone(404) }])),
  '/v1/results/dashboard': { url: '/api/v1/results/dashboard?year=2025', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer']), visitor: 401 } },
  // Tranches: read by the agency's finance readers; approving, paying and refunds are POST only (api/tranches.test.ts checks them per role).
  '/v1/finance/tranches': { url: '/api/v1/finance/tranches?status=planned', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer']), visitor: 401 } },
  '/v1/finance/tranches/{id}': { url: '/api/v1/finance/tranches/{tranche}', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer']), visitor: 401 } },
  '/v1/finance/tranches/{id}/approval': { url: '/api/v1/finance/tranches/{tranche}/approval', expect: everyone(404) },
  '/v1/finance/tranches/{id}/payment': { url: '/api/v1/finance/tranches/{tranche}/payment', expect: everyone(404) },
  '/v1/finance/tranches/{id}/refunds': { url: '/api/v1/finance/tranches/{tranche}/refunds', expect: everyone(404) },
  '/v1/partnerships/{id}/stages/{stageId}/payments': {
    url: '/api/v1/partnerships/{midwifery}/stages/{stage}/payments',
    expect: { ...everyone(404), visitor: 401, administrator: 200, programme_adviser: 200, finance_officer: 200, partner_coordinator: 200, partner_finance: 200 },
  },
  '/v1/partnerships/{id}/stages/{stageId}/onward-payments': { url: '/api/v1/partnerships/{midwifery}/stages/{stage}/onward-payments', expect: everyone(404) },
  '/v1/courses': { url: '/api/v1/courses?when=all', expect: { ...only(['administrator', 'programme_adviser', 'partner_coordinator']), visitor: 401 } },
  '/v1/courses/{id}': { url: '/api/v1/courses/{course}', expect: { ...only(['administrator', 'programme_adviser', 'partner_coordinator']), visitor: 401 } },
  // Write-only (POST, PUT, DELETE): a GET finds no endpoint there (404 problem), whoever asks.
  ...Object.fromEntries(
    ['sessions', 'sessions/{sessionId}', 'enrolments', 'enrolments/{participantId}', 'attendance'].map((p) => [
      `/v1/courses/{id}/${p}`,
      { url: `/api/v1/courses/{course}/${p.replace(/\{\w+\}/, '00000000-0000-4000-8000-000000000000')}`, expect: everyone(404) },
    ]),
  ),
  // Unit costs: read by the agency; {unitCostTable} is the demo's published 2026 table of {programme}. A preview is of
  // a draft only (none here: not found) and for finance officers and administrators; publishing is POST only.
  '/v1/programmes/{id}/unit-cost-tables': { url: '/api/v1/programmes/{programme}/unit-cost-tables', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer']), visitor: 401 } },
  '/v1/programmes/{id}/unit-cost-tables/{year}': { url: '/api/v1/programmes/{programme}/unit-cost-tables/2026', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer']), visitor: 401 } },
  '/v1/unit-cost-tables/{id}': { url: '/api/v1/unit-cost-tables/{unitCostTable}', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer']), visitor: 401 } },
  '/v1/unit-cost-tables/{id}/preview': { url: '/api/v1/unit-cost-tables/00000000-0000-4000-8000-000000000000/preview', expect: { ...everyone(403), visitor: 401, administrator: 404, finance_officer: 404 } },
  '/v1/unit-cost-tables/{id}/publication': { url: '/api/v1/unit-cost-tables/{unitCostTable}/publication', expect: everyone(404) },
  // Write-only: a GET finds no endpoint there (404 problem), whoever asks.
  '/v1/partnerships/{id}/nominations': { url: '/api/v1/partnerships/{midwifery}/nominations', expect: everyone(404) },
  ...Object.fromEntries(
    ['host-decision', 'over-plan-approval', 'eligibility-exceptions', 'moves'].map((p) => [`/v1/participants/{id}/${p}`, { url: `/api/v1/participants/{nominee}/${p}`, expect: everyone(404) }]),
  ),
  ...Object.fromEntries(
    ['basics', 'partners', 'partners/{organisationId}', 'partners/{organisationId}/confirmation', 'focus', 'goals', 'goals/{goalId}', 'flows', 'flows/{flowId}', 'emergency-plan', 'submission', 'withdrawal', 'review', 'scores', 'comments', 'approval', 'rejection', 'return', 'status'].map((p) => [
      `/v1/applications/{id}/${p}`,
      { url: `/api/v1/applications/{application}/${p.replace(/\{\w+\}/, '{kathmandu}')}`, expect: everyone(404) },
    ]),
  ),
  // A participant's own data and documents: read by the person, the sending and host coordinators and the agency following the programme.
  ...Object.fromEntries(
    ['profile', 'emergency-contacts', 'consent', 'documents'].map((p) => [
      `/v1/participants/{id}/${p}`,
      { url: `/api/v1/participants/{participant}/${p}`, expect: { ...everyone(200), visitor: 401, finance_officer: 404, partner_finance: 404 } },
    ]),
  ),
  // Write-only (PUT, DELETE, POST): a GET finds no endpoint there.
  '/v1/participants/{id}/emergency-contacts/{contactId}': { url: '/api/v1/participants/{participant}/emergency-contacts/00000000-0000-4000-8000-000000000000', expect: everyone(404) },
  '/v1/participants/{id}/documents/{documentId}/review': { url: '/api/v1/participants/{participant}/documents/00000000-0000-4000-8000-000000000000/review', expect: everyone(404) },
  '/v1/participants/{id}/documents/{documentId}': { url: '/api/v1/participants/{participant}/documents/00000000-0000-4000-8000-000000000000', expect: { ...everyone(404), visitor: 401 } },
};

/** Endpoints better-auth answers itself (server/http-app.ts authEndpoints). Without a valid state: back to sign-in. */
const auth: Record<string, { url: string; expect: Record<Role, Outcome> }> = {
  '/api/auth/callback/:providerId': { url: '/api/auth/callback/agency?code=forged&state=forged', expect: everyone(302) },
};

const server = useInProcessApp({ secret: 'role-access-secret-0123456789-0123456789-0123456789' });

const clients = new Map<Role, SessionClient>();
const ids: Record<string, string> = {};
const resolve = (url: string) => url.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? name);
const as = (role: Role) => clients.get(role)!;

beforeAll(async () => {
  const visitor = new SessionClient(server);
  const directory = await visitor.get('/en/organisations?q=Kathmandu+Model');
  ids.kathmandu = (await directory.text()).match(/href="\/en\/organisations\/([0-9a-f-]{36})"/)?.[1] ?? 'missing';
  const partnerships = await visitor.get('/en/partnerships');
  ids.partnership = (await partnerships.text()).match(/href="\/en\/partnerships\/([0-9a-f-]{36})"/)?.[1] ?? 'missing';
  // {call}: the first call on the public list; {programme}: the first programme in its filter.
  const callList = await (await visitor.get('/en/calls')).text();
  ids.call = callList.match(/href="\/en\/calls\/([0-9a-f-]{36})"/)?.[1] ?? 'missing';
  ids.programme = callList.match(/<option value="([0-9a-f-]{36})"/)?.[1] ?? 'missing';
  for (const role of roles) clients.set(role, role === 'visitor' ? new SessionClient(server) : await signedInAs(server, logins[role]));
  const ownList = await (await as('partner_coordinator').get('/en/applications?status=active')).text();
  ids.application = ownList.match(/href="\/en\/applications\/([0-9a-f-]{36})"/)?.[1] ?? 'missing';
  // By its whole title: the demo has another midwifery partnership (Lilongwe–Moshi, the finance journey's).
  const midwifery = await visitor.get('/en/partnerships?q=Midwifery%20and%20emergency%20care');
  ids.midwifery = (await midwifery.text()).match(/href="\/en\/partnerships\/([0-9a-f-]{36})"/)?.[1] ?? 'missing';
  // {nominee}: Manisha Gurung, nominated by Kathmandu and awaiting Bergen's answer, from the coordinator's list of participants.
  const participantList = await (await as('partner_coordinator').get('/en/participants?status=nominated')).text();
  ids.nominee = participantList.match(/href="\/en\/participants\/([0-9a-f-]{36})"[^>]*>[^<]*Gurung/)?.[1] ?? participantList.match(/href="\/en\/participants\/([0-9a-f-]{36})"/)?.[1] ?? 'missing';
  // {reportParticipant}: someone Kathmandu hosts (so never the demo participant, whom it sends), from its coordinator's overdue list.
  const overdueRows = (await (await as('partner_coordinator').get('/en/reports/overdue')).text()).split('<tr').slice(1);
  const hosted = overdueRows.find((row) => row.includes('<td>Kathmandu Model Hospital</td></tr>') && !row.includes('<td>Kathmandu Model Hospital</td><td>'));
  ids.reportParticipant = hosted?.match(/\/en\/participants\/([0-9a-f-]{36})\/reports\//)?.[1] ?? 'missing';
  const courseList = await (await as('partner_coordinator').get('/en/courses?when=all')).text();
  ids.course = courseList.match(/href="\/en\/courses\/([0-9a-f-]{36})"/)?.[1] ?? 'missing';
  // {ledgerEntry}: the newest entry of the demo ledger, from the finance officer's list.
  const ledger = await (await as('finance_officer').get('/en/finance/ledger')).text();
  ids.ledgerEntry = ledger.match(/href="\/en\/finance\/ledger\/([0-9a-f-]{36})"/)?.[1] ?? 'missing';
  // {financialReport}: Kathmandu's submitted demo report, from the finance officer's list; {financialReceipt}: its receipt.
  const reports = await (await as('finance_officer').get('/en/financial-reports?status=submitted')).text();
  ids.financialReport = reports.match(/href="\/en\/financial-reports\/([0-9a-f-]{36})"/)?.[1] ?? 'missing';
  const report = await (await as('finance_officer').get(`/en/financial-reports/${ids.financialReport}`)).text();
  ids.financialReceipt = report.match(/href="\/en\/financial-reports\/[0-9a-f-]{36}\/receipts\/([0-9a-f-]{36})"/)?.[1] ?? 'missing';
  // {resultReport}: the demo's results report awaiting the adviser, from the adviser's list.
  const resultReports = await (await as('programme_adviser').get('/en/result-reports?status=submitted')).text();
  ids.resultReport = resultReports.match(/href="\/en\/result-reports\/([0-9a-f-]{36})"/)?.[1] ?? 'missing';
  // {tranche}: the first on the finance officer's list of tranches; {stage}: a stage of {midwifery} whose payments Kathmandu's coordinator is offered.
  const tranches = await (await as('finance_officer').get('/en/finance/tranches')).text();
  ids.tranche = tranches.match(/href="\/en\/finance\/tranches\/([0-9a-f-]{36})"/)?.[1] ?? 'missing';
  const midwiferyPage = await (await as('partner_coordinator').get(`/en/partnerships/${ids.midwifery}`)).text();
  ids.stage = midwiferyPage.match(/\/stages\/([0-9a-f-]{36})\/payments"/)?.[1] ?? 'missing';
  // {unitCostTable}: the 2026 table in use for {programme}, as an administrator reads it.
  const year = (await (await as('administrator').get(resolve('/api/v1/programmes/{programme}/unit-cost-tables/2026'))).json()) as { table?: { id?: string } } | null;
  ids.unitCostTable = year?.table?.id ?? 'missing';
  // {participant}: the demo participant's record, linked from their own page.
  const exchange = await (await as('participant').get('/en/exchange')).text();
  ids.participant = exchange.match(/href="\/en\/participants\/([0-9a-f-]{36})\/documents"/)?.[1] ?? 'missing';
});

it('finds every record the table names', () => {
  // A record not found would stand as "missing" in its addresses, and a 404 expected there would pass for nothing.
  expect(Object.entries(ids).filter(([, id]) => id === 'missing')).toEqual([]);
});

it('the table covers every route and every API endpoint', async () => {
  expect(routePaths(routes).sort()).toEqual(Object.keys(pages).sort());
  const doc = (await (await new SessionClient(server).get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(api).sort());
  expect([...authEndpoints].sort()).toEqual(Object.keys(auth).sort());
});

function check(outcome: Outcome, status: number, location: string | null) {
  if (outcome === 'sign-in') return status === 302 && location?.includes('/sign-in?next=') === true;
  if (outcome === 'start') return status === 302 && location?.endsWith('/start') === true;
  return status === outcome;
}

describe('every page and endpoint, for every role', () => {
  for (const [name, entry] of Object.entries({ ...pages, ...api, ...auth })) {
    it(`GET ${name}: each role gets what it may`, async () => {
      // better-auth logs the forged state of the callback as an error on the console, which is this test's point.
      if (name in auth) onTestFinished(vi.spyOn(console, 'error').mockImplementation(() => {}).mockRestore);
      const wrong: string[] = [];
      for (const role of roles) {
        const response = await as(role).get(resolve(entry.url));
        // Read to the end, as a client would: a page that fails while it streams fails here.
        await response.arrayBuffer();
        const location = response.headers.get('location');
        if (!check(entry.expect[role], response.status, location)) {
          wrong.push(`${role}: expected ${entry.expect[role]}, got ${response.status} ${location ?? ''}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});

it('state-changing requests are refused for roles without the permission', async () => {
  const post = (role: Role, url: string, form: Record<string, string>) => as(role).post(url, form);
  const invitation = { name: 'Dawit Alemu', email: 'dawit@example.org', role: 'partner_finance', organisationId: '', locale: 'en' };
  expect((await post('visitor', '/en/invitations', invitation)).headers.get('location')).toContain('/sign-in');
  expect((await post('finance_officer', '/en/invitations', invitation)).status).toBe(403);
  expect((await post('participant', '/en/invitations', invitation)).status).toBe(403);
  expect((await post('partner_coordinator', '/en/admin/users', { userId: 'x' })).status).toBe(403);
  expect((await post('programme_adviser', '/en/admin/users', { userId: 'x' })).status).toBe(403);
  expect((await post('visitor', '/en/account', { intent: 'request-deletion' })).headers.get('location')).toContain('/sign-in');
  expect((await post('participant', '/en/applications/new', { callId: '', organisationId: '', title: 'x' })).status).toBe(403);
  expect((await post('finance_officer', '/en/applications/new', { callId: '', organisationId: '', title: 'x' })).status).toBe(403);
  for (const role of ['partner_coordinator', 'partner_finance', 'finance_officer', 'participant'] as const) {
    expect((await post(role, resolve('/en/applications/{application}/review'), { intent: 'start-review' })).status, role).toBe(403);
  }
  expect((await post('partner_finance', resolve('/en/applications/{application}'), { intent: 'withdraw' })).status).toBe(403);
  // Unit costs: advisers read them but neither draft nor publish; partners and participants do neither.
  for (const role of ['programme_adviser', 'partner_coordinator', 'partner_finance', 'participant'] as const) {
    expect((await post(role, resolve('/en/admin/programmes/{programme}/unit-costs'), { year: '2031' })).status, role).toBe(403);
    expect((await post(role, resolve('/en/admin/programmes/{programme}/unit-costs/2026'), {})).status, role).toBe(403);
    const api = await as(role).postJson(resolve('/api/v1/programmes/{programme}/unit-cost-tables'), { year: 2031 });
    expect(api.status, role).toBe(403);
  }
  expect((await post('visitor', resolve('/en/admin/programmes/{programme}/unit-costs/2026'), {})).headers.get('location')).toContain('/sign-in');
});

it('a coordinator cannot reach another organisation’s invitations by guessing ids', async () => {
  const bergen = await signedInAs(server, 'coordinator.bergen@demo.example');
  const html = await (await bergen.get('/en/invitations')).text();
  const bergenOrg = html.match(/<option value="([0-9a-f-]{36})"[^>]*>Bergen Kystsjukehus<\/option>/)?.[1];
  expect(bergenOrg).toBeTruthy();
  const created = await bergen.post('/en/invitations', { name: 'Håkon Lie', email: `hakon.${Date.now()}@bergen.example`, role: 'partner_finance', organisationId: bergenOrg!, locale: 'nb' });
  expect(created.status).toBe(302);
  const listing = await (await bergen.get('/en/invitations')).text();
  const invitationId = listing.match(/name="id" value="([0-9a-f-]{36})"/)?.[1];
  expect(invitationId).toBeTruthy();

  const kathmandu = as('partner_coordinator');
  // Not in their list…
  expect(await (await kathmandu.get('/en/invitations')).text()).not.toContain(invitationId!);
  // …not revocable by id…
  expect((await kathmandu.post('/en/invitations', { intent: 'revoke', id: invitationId! })).status).toBe(403);
  // …not editing Bergen's organisation…
  expect((await kathmandu.get(`/en/organisations/${bergenOrg}/edit`)).status).toBe(403);
  // …and no inviting into Bergen either.
  const intoBergen = await kathmandu.post('/en/invitations', { name: 'Sigrid Olsen', email: 'sigrid@example.org', role: 'partner_finance', organisationId: bergenOrg!, locale: 'en' });
  expect(intoBergen.status).toBe(403);
});

it('a state-changing request from another site is refused', async () => {
  const evil = new SessionClient(server, 'https://evil.example');
  const response = await evil.post('/nb/sign-in', { email: 'admin@demo.example', password: 'exchange-demo-2026' });
  expect(response.status).toBe(403);
  expect(response.headers.get('set-cookie')).toBeNull();
  // The styled error page, in the page's language.
  expect(response.headers.get('content-type')).toContain('text/html');
  expect(await response.text()).toContain(catalogs.nb['error.crossSite']);
});
