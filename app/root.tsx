import type { ReactNode } from 'react';
import { isRouteErrorResponse, Links, Outlet, useLocation, useRouteLoaderData } from 'react-router';
import { getAgency } from '../core/agency/get-agency.ts';
import { can } from '../core/identity/permissions.ts';
import { SiteFooter } from './ui/site-footer.tsx';
import { SiteHeader, type SignedInUser } from './ui/site-header.tsx';
import { I18nProvider, useI18n } from './ui/i18n-context.tsx';
import { defaultLocale, isLocale } from '../i18n/locales.ts';
import stylesheet from './styles/app.css?url';
import type { Route } from './+types/root';

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ params, context }: Route.LoaderArgs) {
  const locale = isLocale(params.lang) ? params.lang : defaultLocale;
  const agency = await getAgency(context.core);
  const actor = context.core.actor;
  const user =
    actor.kind === 'user'
      ? { name: actor.name, isAdmin: can(actor, 'admin:access'), canInvite: can(actor, 'invitation:list'), canReadApplications: can(actor, 'application:read'), canReadParticipants: actor.agencyRoles.some((r) => r === 'administrator' || r === 'programme_adviser') || actor.memberships.some((m) => m.role === 'partner_coordinator'), canReadCourses: can(actor, 'course:read'), canReadFinance: can(actor, 'finance:read'), canReportFinance: can(actor, 'financial-report:write'), canReadResults: can(actor, 'results:read'), canReportResults: can(actor, 'result-report:write'), isParticipant: actor.participantIds.length > 0 }
      : null;
  return { locale, agency, user, requestId: context.requestId };
}

/**
 * The document shell. It deliberately renders no <Scripts />: every page is complete server-rendered
 * HTML and every form is a plain HTML form, so pages ship no JavaScript (docs/decisions/002).
 */
export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const locale = data?.locale ?? defaultLocale;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Links />
      </head>
      <body>
        <I18nProvider locale={locale}>
          <Shell agencyName={data?.agency.name ?? ''} agencyCity={data?.agency.city ?? ''} user={data?.user ?? null}>
            {children}
          </Shell>
        </I18nProvider>
      </body>
    </html>
  );
}

function Shell({
  agencyName,
  agencyCity,
  user,
  children,
}: {
  agencyName: string;
  agencyCity: string;
  user: SignedInUser | null;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <a className="ds-skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <SiteHeader agencyName={agencyName} user={user} />
      <main id="main" tabIndex={-1} className="page">
        {children}
      </main>
      <SiteFooter agencyName={agencyName} agencyCity={agencyCity} />
    </>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const { t, locale } = useI18n();
  const { pathname } = useLocation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const notFound = status === 404;
  // A refused request (400, 409, 413, 415, a 403 from another site, ...) carries its message, already in the page's language.
  const refusal = isRouteErrorResponse(error) && typeof error.data?.message === 'string' ? (error.data.message as string) : null;
  const forbidden = status === 403 && !refusal;
  const data = useRouteLoaderData<typeof loader>('root');
  const title = notFound ? t('error.notFound.title') : forbidden ? t('error.forbidden.title') : refusal ? t('error.refused.title') : t('error.server.title');
  const text = notFound ? t('error.notFound.text') : forbidden ? t('error.forbidden.text') : (refusal ?? t('error.server.text'));
  return (
    <>
      <title>{title}</title>
      <h1 className="ds-heading" data-size="lg">
        {title}
      </h1>
      <p className="ds-paragraph">{text}</p>
      {status >= 500 && data?.requestId ? (
        <p className="ds-paragraph" data-size="sm">
          <code>{data.requestId}</code>
        </p>
      ) : null}
      {refusal ? (
        <p className="ds-paragraph">
          <a className="ds-link" href={isRouteErrorResponse(error) && typeof error.data?.path === 'string' ? (error.data.path as string) : pathname}>
            {t('error.openPageAgain')}
          </a>
        </p>
      ) : null}
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/`}>
          {t('error.backHome')}
        </a>
      </p>
    </>
  );
}
