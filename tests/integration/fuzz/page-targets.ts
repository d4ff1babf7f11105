/**
 * Every page of app/routes.ts with the addresses its fuzzing uses ({name} is a record from fuzz-ids.ts).
 * The page-fuzz tests fail on a route without an entry here, as role-access.test.ts does.
 * `posts`: the page has an action, fuzzed with at least 1,000 generated forms.
 */
export const pageTargets: Record<string, { urls: string[]; posts: boolean; as?: 'coordinator' | 'participant' | 'visitor' }> = {
  '/': { urls: ['/'], posts: false },
  ':lang/': { urls: ['/nb/'], posts: false },
  // The IATI files: public, streamed XML; a year out of range, or without activities, is not found.
  'open-data/iati/activities.xml': { urls: ['/open-data/iati/activities.xml'], posts: false, as: 'visitor' },
  'statistics/world.svg': { urls: ['/statistics/world.svg', '/statistics/world.svg?v=x%00y'], posts: false, as: 'visitor' },
  'open-data/iati/:year/activities.xml': { urls: ['/open-data/iati/2025/activities.xml', '/open-data/iati/1991/activities.xml', '/open-data/iati/20x5/activities.xml'], posts: false, as: 'visitor' },
  // The preview: the summary, a rule's page, and a rule or page that does not exist (400, never a 500).
  ':lang/open-data/iati': { urls: ['/nn/open-data/iati', '/es/open-data/iati?rule=organisationIdentifierMissing&page=1', '/fr/open-data/iati?rule=nonsense&page=-1', '/en/open-data/iati?rule=dateOrder&page=99'], posts: false },
  ':lang/open-data/iati/problems.csv': { urls: ['/fr/open-data/iati/problems.csv', '/en/open-data/iati/problems.csv?rule=nonsense'], posts: false },
  ':lang/organisations': { urls: ['/fr/organisations'], posts: false },
  ':lang/organisations/new': { urls: ['/es/organisations/new'], posts: true },
  ':lang/organisations/:id': { urls: ['/en/organisations/{kathmandu}'], posts: false },
  ':lang/organisations/:id/edit': { urls: ['/nn/organisations/{kathmandu}/edit'], posts: true },
  ':lang/partnerships': { urls: ['/en/partnerships'], posts: false },
  ':lang/statistics': { urls: ['/fr/statistics?direction=south-south&yearFrom=2024&yearTo=2024', '/nn/statistics?from=NP&to=norway&sdg=3'], posts: false },
  ':lang/statistics.csv': { urls: ['/en/statistics.csv?table=flows&from=africa', '/es/statistics.csv?table=year&gender=female'], posts: false },
  ':lang/open-data': { urls: ['/fr/open-data', '/nn/open-data?dataset=results'], posts: false, as: 'visitor' },
  ':lang/partnerships/:id': { urls: ['/nb/partnerships/{partnership}', '/en/partnerships/{nominating}'], posts: false },
  // Nominating is for a sending partner's coordinators; the participant page is worked by coordinators and advisers alike.
  ':lang/partnerships/:id/nominate': { urls: ['/fr/partnerships/{nominating}/nominate'], posts: true, as: 'coordinator' },
  ':lang/participants/:id': { urls: ['/nn/participants/{nominee}', '/en/participants/{unknown}'], posts: true },
  ':lang/sign-in': { urls: ['/fr/sign-in?next=%2Ffr%2Faccount'], posts: true, as: 'visitor' },
  ':lang/sign-out': { urls: ['/en/sign-out'], posts: true },
  ':lang/forgot-password': { urls: ['/nb/forgot-password'], posts: true, as: 'visitor' },
  ':lang/reset-password': { urls: ['/en/reset-password?token=not-a-token'], posts: true },
  ':lang/invitations/:token': { urls: ['/es/invitations/not-a-real-token-0000000000'], posts: true },
  ':lang/invitations': { urls: ['/en/invitations'], posts: true },
  ':lang/start': { urls: ['/en/start', '/nb/start'], posts: false },
  ':lang/account': { urls: ['/fr/account'], posts: true },
  ':lang/account/export': { urls: ['/en/account/export'], posts: false },
  ':lang/admin': { urls: ['/nb/admin'], posts: false },
  ':lang/admin/users': { urls: ['/en/admin/users'], posts: true },
  ':lang/admin/audit': { urls: ['/nn/admin/audit'], posts: false },
  ':lang/admin/mail': { urls: ['/en/admin/mail'], posts: false },
  ':lang/admin/programmes': { urls: ['/en/admin/programmes'], posts: true },
  ':lang/admin/programmes/:id': { urls: ['/fr/admin/programmes/{programme}'], posts: true },
  // Unit costs: the demo's published 2026 tables, and a draft for {unitCostDraftYear} (fuzz-ids.ts) to edit and publish.
  ':lang/admin/unit-costs': { urls: ['/nn/admin/unit-costs'], posts: false },
  ':lang/admin/programmes/:id/unit-costs': { urls: ['/es/admin/programmes/{programme}/unit-costs'], posts: true },
  ':lang/admin/programmes/:id/unit-costs/:year': { urls: ['/fr/admin/programmes/{programme}/unit-costs/2026', '/en/admin/programmes/{programme}/unit-costs/2026?version=1'], posts: true },
  ':lang/admin/programmes/:id/unit-costs/:year/draft': { urls: ['/nb/admin/programmes/{programme}/unit-costs/{unitCostDraftYear}/draft'], posts: true },
  ':lang/admin/programmes/:id/unit-costs/:year/publish': { urls: ['/en/admin/programmes/{programme}/unit-costs/{unitCostDraftYear}/publish'], posts: true },
  ':lang/admin/calls/new': { urls: ['/nb/admin/calls/new'], posts: true },
  ':lang/admin/calls/:id/edit': { urls: ['/es/admin/calls/{call}/edit'], posts: true },
  ':lang/calls': { urls: ['/en/calls'], posts: false },
  ':lang/calls/:id': { urls: ['/nn/calls/{call}'], posts: false },
  ':lang/applications': { urls: ['/en/applications'], posts: false },
  // Drafts are their coordinators' alone (the agency sees an application once it is submitted).
  ':lang/applications/new': { urls: ['/fr/applications/new?call={call}'], posts: true, as: 'coordinator' },
  ':lang/applications/:id': { urls: ['/en/applications/{draft}', '/nb/applications/{submitted}'], posts: true, as: 'coordinator' },
  ':lang/applications/:id/budget/other-lines': { urls: ['/en/applications/{draft}/budget/other-lines', '/nn/applications/{draft}/budget/other-lines?edit=nonsense', '/fr/applications/{submitted}/budget/other-lines'], posts: true, as: 'coordinator' },
  ':lang/applications/:id/budget.xlsx': { urls: ['/nb/applications/{submitted}/budget.xlsx', '/en/applications/{unknown}/budget.xlsx'], posts: false },
  ':lang/applications/:id/budget.csv': { urls: ['/es/applications/{submitted}/budget.csv'], posts: false },
  ':lang/applications/:id/edit/:step': {
    urls: ['basics', 'partners', 'focus', 'goals', 'plan', 'emergency', 'submit'].map((step) => `/en/applications/{draft}/edit/${step}`),
    posts: true,
    as: 'coordinator',
  },
  ':lang/applications/:id/review': { urls: ['/fr/applications/{submitted}/review'], posts: true },
  ':lang/applications/:id/attachments/:attachmentId': { urls: ['/en/applications/{draft}/attachments/{unknown}'], posts: false, as: 'coordinator' },
  // Reports: the fuzzing person is no participant (their own report is refused), but reads and decides any participant's.
  ':lang/exchange/reports/:kind': { urls: ['/en/exchange/reports/arrival', '/nb/exchange/reports/home_engagement', '/en/exchange/reports/diary'], posts: true, as: 'participant' },
  ':lang/participants/:id/reports/:kind': { urls: ['/fr/participants/{participant}/reports/final', '/en/participants/{unknown}/reports/arrival'], posts: true },
  ':lang/reports/overdue': { urls: ['/nn/reports/overdue'], posts: false },
  ':lang/incidents': { urls: ['/en/incidents?status=open&severity=high', '/nn/incidents'], posts: false },
  // Reported by a coordinator (the fuzzing coordinator coordinates every organisation).
  ':lang/incidents/new': { urls: ['/fr/incidents/new', '/en/incidents/new?participant={participant}'], posts: true, as: 'coordinator' },
  ':lang/incidents/:id': { urls: ['/es/incidents/{incident}'], posts: true },
  ':lang/alumni': { urls: ['/en/alumni?country=NP&year=2024', '/nb/alumni'], posts: false },
  ':lang/exchange/engagement': { urls: ['/en/exchange/engagement'], posts: true, as: 'participant' },
  ':lang/courses': { urls: ['/en/courses', '/nb/courses?kind=preparatory&when=all'], posts: false },
  ':lang/courses/new': { urls: ['/nn/courses/new'], posts: true },
  ':lang/courses/:id': { urls: ['/fr/courses/{course}'], posts: true },
  // A download: a bare 404 for an unknown course.
  ':lang/courses/:id/attendance.csv': { urls: ['/es/courses/{course}/attendance.csv', '/en/courses/{unknown}/attendance.csv'], posts: false },
  // As the fuzzing participant (a demo participant's account): her own page, details, contacts, consent and uploads.
  ':lang/exchange': { urls: ['/en/exchange', '/nb/exchange?contact={unknown}'], posts: true, as: 'participant' },
  ':lang/exchange/documents/:kind': { urls: ['/fr/exchange/documents/insurance', '/en/exchange/documents/signed-contract'], posts: true, as: 'participant' },
  ':lang/participants/:id/documents': { urls: ['/en/participants/{unknown}/documents'], posts: true },
  ':lang/participants/:id/documents/:documentId': { urls: ['/en/participants/{unknown}/documents/{unknown}'], posts: false },
  ':lang/participants': {
    urls: ['/en/participants', '/nb/participants?status=in_placement&gender=female&age=26-30&year=2026&homeCountry=NP', '/fr/participants?partnership={partnership}', '/es/participants?after=not-a-cursor'],
    posts: false,
  },
  ':lang/participants-export.csv': { urls: ['/en/participants-export.csv?hostCountry=NO', '/nn/participants-export.csv?status=nonsense'], posts: false },
  ':lang/finance': { urls: ['/nb/finance', '/en/finance?year=2026', '/fr/finance?year=abc'], posts: false },
  ':lang/finance/appropriations/new': { urls: ['/nn/finance/appropriations/new?year=2027'], posts: true },
  ':lang/finance/allocations/new': { urls: ['/es/finance/allocations/new?year=2026&call={call}'], posts: true },
  ':lang/finance/export.xlsx': { urls: ['/nb/finance/export.xlsx?year=2026', '/en/finance/export.xlsx?year=x'], posts: false },
  ':lang/finance/ledger.csv': { urls: ['/fr/finance/ledger.csv?year=2026', '/en/finance/ledger.csv?account=nonsense'], posts: false },
  ':lang/finance/ledger': { urls: ['/en/finance/ledger', '/nb/finance/ledger?account=year%3A2026&kind=allocation', '/fr/finance/ledger?account=nonsense&after=not-a-cursor'], posts: false },
  // Correcting: the fuzzed forms reverse (or are refused reversing) a real entry of the demo ledger.
  ':lang/finance/exchange-rates': { urls: ['/en/finance/exchange-rates', '/nb/finance/exchange-rates?currency=npr&from=2026-02-01&to=nonsense'], posts: true },
  ':lang/finance/ledger/:entryId': { urls: ['/nb/finance/ledger/{ledgerEntry}', '/en/finance/ledger/{unknown}'], posts: true },
  ':lang/finance/financial-reports.xlsx': { urls: ['/nb/finance/financial-reports.xlsx?year=2026', '/en/finance/financial-reports.xlsx?year=x'], posts: false },
  ':lang/finance/financial-reports.csv': { urls: ['/fr/finance/financial-reports.csv?year=2026', '/en/finance/financial-reports.csv?year=-1'], posts: false },
  // Financial reports: {financialReport} is the demo's draft (its partner's forms are there to fuzz); starting a report posts to the list.
  ':lang/financial-reports': { urls: ['/en/financial-reports', '/nb/financial-reports?status=submitted', '/fr/financial-reports?status=nonsense&after=not-a-cursor'], posts: true },
  ':lang/financial-reports/:reportId': { urls: ['/nn/financial-reports/{financialReport}', '/es/financial-reports/{financialReceiptReport}', '/en/financial-reports/{unknown}'], posts: true },
  ':lang/financial-reports/:reportId/receipts/:receiptId': { urls: ['/en/financial-reports/{financialReceiptReport}/receipts/{financialReceipt}', '/en/financial-reports/{financialReport}/receipts/{financialReceipt}'], posts: false },
  // Results reports: {resultReportDraft} is the demo's draft (its partner's forms are there to fuzz), {resultReport} the one awaiting the adviser (the decision forms); starting one posts to the list.
  ':lang/result-reports': { urls: ['/en/result-reports', '/nb/result-reports?status=submitted', '/fr/result-reports?status=nonsense&after=not-a-cursor'], posts: true, as: 'coordinator' },
  ':lang/result-reports/:reportId': { urls: ['/nn/result-reports/{resultReportDraft}', '/es/result-reports/{resultReport}', '/en/result-reports/{unknown}'], posts: true },
  ':lang/results': { urls: ['/en/results', '/fr/results?programme={programme}&year=2025&country=NP&sdg=3&theme=gender_equality', '/nb/results?year=x&country=zz&sdg=99&theme=nonsense&programme=nope'], posts: false },
  ':lang/results/export.csv': { urls: ['/es/results/export.csv?by=country&year=2025', '/en/results/export.csv?by=nonsense&sdg=x'], posts: false },
  // Tranches: a planned one of the demo (approved, then paid, as fuzzed forms get through), and a stage whose coordinating partner passes money on.
  ':lang/finance/tranches': { urls: ['/en/finance/tranches', '/nb/finance/tranches?status=paid&year=2026', '/fr/finance/tranches?status=nonsense&year=20x6&after=not-a-cursor'], posts: false },
  ':lang/finance/tranches.xlsx': { urls: ['/nn/finance/tranches.xlsx?year=2026', '/en/finance/tranches.xlsx?year=x'], posts: false },
  ':lang/finance/tranches.csv': { urls: ['/es/finance/tranches.csv?year=2025', '/en/finance/tranches.csv'], posts: false },
  ':lang/finance/tranches/:trancheId': { urls: ['/nb/finance/tranches/{tranche}', '/en/finance/tranches/{unknown}'], posts: true },
  ':lang/partnerships/:id/stages/:stageId/payments': { urls: ['/en/partnerships/{stagePartnership}/stages/{stage}/payments', '/fr/partnerships/{partnership}/stages/{unknown}/payments'], posts: true },
  ':lang/*': { urls: ['/en/no-such-page'], posts: false },
};

/** Routes fuzzed last: they end the session or remove people, which would turn the rest into a visitor's requests. */
export const destructiveRoutes = new Set([':lang/sign-out', ':lang/account', ':lang/admin/users']);
