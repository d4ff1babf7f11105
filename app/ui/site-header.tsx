import { Form, useLocation } from 'react-router';
import { useI18n } from './i18n-context.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';

export interface SignedInUser {
  name: string;
  isAdmin: boolean;
  canInvite: boolean;
  canReadApplications: boolean;
  canReadParticipants: boolean;
  canReadCourses: boolean;
  canReadFinance: boolean;
  /** A partner's coordinator or finance officer: their money is their rounds' financial reports and payments. */
  canReportFinance: boolean;
  /** Agency staff read the results dashboards; partner coordinators write their results reports. */
  canReadResults?: boolean;
  canReportResults?: boolean;
  isParticipant: boolean;
}

export function SiteHeader({ agencyName, user }: { agencyName: string; user: SignedInUser | null }) {
  const { t, locale } = useI18n();
  const { pathname } = useLocation();
  const items = [
    { href: `/${locale}/`, label: t('nav.home') },
    { href: `/${locale}/partnerships`, label: t('nav.partnerships') },
    { href: `/${locale}/organisations`, label: t('nav.organisations') },
    { href: `/${locale}/calls`, label: t('nav.calls') },
    { href: `/${locale}/statistics`, label: t('statistics.title') },
    ...(user?.canReadApplications ? [{ href: `/${locale}/applications`, label: t('nav.applications') }] : []),
    ...(user?.canReadParticipants ? [{ href: `/${locale}/participants`, label: t('nav.participants') }] : []),
    ...(user?.canReadCourses ? [{ href: `/${locale}/courses`, label: t('nav.courses') }] : []),
    ...(user?.canReadFinance ? [{ href: `/${locale}/finance`, label: t('nav.finance') }] : user?.canReportFinance ? [{ href: `/${locale}/financial-reports`, label: t('nav.finance') }] : []),
    ...(user?.canReadResults ? [{ href: `/${locale}/results`, label: t('nav.results') }] : user?.canReportResults ? [{ href: `/${locale}/result-reports`, label: t('nav.results') }] : []),
    ...(user?.isParticipant ? [{ href: `/${locale}/exchange`, label: t('nav.exchange') }] : []),
    ...(user?.canInvite ? [{ href: `/${locale}/invitations`, label: t('nav.invitations') }] : []),
    ...(user?.isAdmin ? [{ href: `/${locale}/admin`, label: t('nav.admin') }] : []),
    { href: '/api/docs', label: t('nav.apiDocs') },
  ];
  return (
    <header className="site-header">
      <div className="site-header__top">
        <a href={`/${locale}/`} className="site-header__brand">
          <span className="site-header__name">{agencyName}</span>
          <span className="site-header__tagline">{t('layout.tagline')}</span>
        </a>
        <LanguageSwitcher />
        {user ? (
          <div className="site-header__user">
            <a className="ds-link" href={`/${locale}/start`}>
              {t('layout.start', { name: user.name })}
            </a>
            <Form method="post" action={`/${locale}/sign-out`}>
              <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
                {t('layout.signOut')}
              </button>
            </Form>
          </div>
        ) : (
          <a href={`/${locale}/sign-in`} className="ds-button site-header__sign-in" data-variant="secondary">
            {t('layout.signIn')}
          </a>
        )}
      </div>
      <nav aria-label={t('layout.mainNav')} className="site-header__nav">
        <ul>
          {items.map((item) => (
            <li key={item.href}>
              <a href={item.href} aria-current={item.href === pathname ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
