import { index, route, type RouteConfig } from '@react-router/dev/routes';

/** Every page. tests/e2e/role-access.spec.ts has an entry per route and fails on a route without one. */
export default [
  index('routes/locale-redirect.tsx'),
  route(':lang', 'routes/locale-layout.tsx', [
    index('routes/home.tsx'),
    route('organisations', 'routes/organisations.tsx'),
    route('organisations/new', 'routes/organisation-new.tsx'),
    route('organisations/:id', 'routes/organisation.tsx'),
    route('organisations/:id/edit', 'routes/organisation-edit.tsx'),
    route('partnerships', 'routes/partnerships.tsx'),
    route('partnerships/:id', 'routes/partnership.tsx'),
    route('sign-in', 'routes/sign-in.tsx'),
    route('sign-out', 'routes/sign-out.tsx'),
    route('forgot-password', 'routes/forgot-password.tsx'),
    route('reset-password', 'routes/reset-password.tsx'),
    route('invitations/:token', 'routes/accept-invitation.tsx'),
    route('invitations', 'routes/invitations.tsx'),
    route('account', 'routes/account.tsx'),
    route('account/export', 'routes/account-export.tsx'),
    route('admin', 'routes/admin.tsx'),
    route('admin/users', 'routes/admin-users.tsx'),
    route('admin/audit', 'routes/admin-audit.tsx'),
    route('admin/mail', 'routes/admin-mail.tsx'),
    route('*', 'routes/not-found.tsx'),
  ]),
] satisfies RouteConfig;
