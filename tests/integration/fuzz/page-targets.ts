/**
 * Every page of app/routes.ts with the addresses its fuzzing uses ({name} is a record from fuzz-ids.ts).
 * The page-fuzz tests fail on a route without an entry here, as role-access.spec.ts does.
 * `posts`: the page has an action, fuzzed with at least 1,000 generated forms.
 */
export const pageTargets: Record<string, { urls: string[]; posts: boolean; as?: 'coordinator' | 'visitor' }> = {
  '/': { urls: ['/'], posts: false },
  ':lang/': { urls: ['/nb/'], posts: false },
  ':lang/organisations': { urls: ['/fr/organisations'], posts: false },
  ':lang/organisations/new': { urls: ['/es/organisations/new'], posts: true },
  ':lang/organisations/:id': { urls: ['/en/organisations/{kathmandu}'], posts: false },
  ':lang/organisations/:id/edit': { urls: ['/nn/organisations/{kathmandu}/edit'], posts: true },
  ':lang/partnerships': { urls: ['/en/partnerships'], posts: false },
  ':lang/partnerships/:id': { urls: ['/nb/partnerships/{partnership}'], posts: false },
  ':lang/sign-in': { urls: ['/fr/sign-in?next=%2Ffr%2Faccount'], posts: true, as: 'visitor' },
  ':lang/sign-out': { urls: ['/en/sign-out'], posts: true },
  ':lang/forgot-password': { urls: ['/nb/forgot-password'], posts: true, as: 'visitor' },
  ':lang/reset-password': { urls: ['/en/reset-password?token=not-a-token'], posts: true },
  ':lang/invitations/:token': { urls: ['/es/invitations/not-a-real-token-0000000000'], posts: true },
  ':lang/invitations': { urls: ['/en/invitations'], posts: true },
  ':lang/account': { urls: ['/fr/account'], posts: true },
  ':lang/account/export': { urls: ['/en/account/export'], posts: false },
  ':lang/admin': { urls: ['/nb/admin'], posts: false },
  ':lang/admin/users': { urls: ['/en/admin/users'], posts: true },
  ':lang/admin/audit': { urls: ['/nn/admin/audit'], posts: false },
  ':lang/admin/mail': { urls: ['/en/admin/mail'], posts: false },
  ':lang/admin/programmes': { urls: ['/en/admin/programmes'], posts: true },
  ':lang/admin/programmes/:id': { urls: ['/fr/admin/programmes/{programme}'], posts: true },
  ':lang/admin/calls/new': { urls: ['/nb/admin/calls/new'], posts: true },
  ':lang/admin/calls/:id/edit': { urls: ['/es/admin/calls/{call}/edit'], posts: true },
  ':lang/calls': { urls: ['/en/calls'], posts: false },
  ':lang/calls/:id': { urls: ['/nn/calls/{call}'], posts: false },
  ':lang/applications': { urls: ['/en/applications'], posts: false },
  // Drafts are their coordinators' alone (the agency sees an application once it is submitted).
  ':lang/applications/new': { urls: ['/fr/applications/new?call={call}'], posts: true, as: 'coordinator' },
  ':lang/applications/:id': { urls: ['/en/applications/{draft}', '/nb/applications/{submitted}'], posts: true, as: 'coordinator' },
  ':lang/applications/:id/edit/:step': {
    urls: ['basics', 'partners', 'focus', 'goals', 'plan', 'emergency', 'submit'].map((step) => `/en/applications/{draft}/edit/${step}`),
    posts: true,
    as: 'coordinator',
  },
  ':lang/applications/:id/review': { urls: ['/fr/applications/{submitted}/review'], posts: true },
  ':lang/applications/:id/attachments/:attachmentId': { urls: ['/en/applications/{draft}/attachments/{unknown}'], posts: false, as: 'coordinator' },
  ':lang/participants': {
    urls: ['/en/participants', '/nb/participants?status=in_placement&gender=female&age=26-30&year=2026&homeCountry=NP', '/fr/participants?partnership={partnership}', '/es/participants?after=not-a-cursor'],
    posts: false,
  },
  ':lang/participants-export.csv': { urls: ['/en/participants-export.csv?hostCountry=NO', '/nn/participants-export.csv?status=nonsense'], posts: false },
  ':lang/*': { urls: ['/en/no-such-page'], posts: false },
};

/** Routes fuzzed last: they end the session or remove people, which would turn the rest into a visitor's requests. */
export const destructiveRoutes = new Set([':lang/sign-out', ':lang/account', ':lang/admin/users']);
