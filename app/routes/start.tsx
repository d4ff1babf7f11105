import { useLoaderData } from 'react-router';
import { getStartItems } from '../../core/start/get-start-items.ts';
import type { StartItem } from '../../core/start/start-item.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import { guarded } from '../auth/guard.server.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import type { Route } from './+types/start';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, () => getStartItems(context.core));
}

/** What needs this person now, after signing in: a section per part they play, each item a link. */
export default function Start() {
  const { sections, total } = useLoaderData<typeof loader>();
  const { t, locale, money, date, list } = useI18n();
  const shown = sections.filter((s) => s.items.length > 0);
  const label = (item: StartItem) =>
    t(`start.item.${item.type}` as MessageKey, {
      participant: item.participant ?? '',
      partnership: item.partnership ?? '',
      count: item.count ?? 0,
      from: item.from ?? '',
      to: item.to ?? '',
      kind: item.reportKind ? t(`start.reportKind.${item.reportKind}` as MessageKey) : item.incidentKind ? t(`incidentKind.${item.incidentKind}` as MessageKey) : (item.documentKind ?? ''),
      severity: item.severity ? t(`incidentSeverity.${item.severity}` as MessageKey) : '',
      call: item.call ?? '',
      amount: item.amountMinor !== undefined ? money(item.amountMinor, 'NOK') : '',
      year: item.year ?? 0,
      dueOn: item.dueOn ? date(item.dueOn) : '',
      late: item.late ? 'yes' : 'no',
      kinds: item.reportKinds ? list(item.reportKinds.map((k) => t(`start.reportKind.${k}` as MessageKey))) : '',
    });
  return (
    <>
      <PageHeading title={t('start.title')} />
      <p className="ds-paragraph">{total === 0 ? t('start.empty') : t('start.count', { count: total })}</p>
      {shown.map((s, index) => (
        <section key={`${s.kind}-${index}`} aria-labelledby={`start-${index}`}>
          <h2 id={`start-${index}`} className="ds-heading" data-size="sm">
            {s.kind === 'coordinator' ? t('start.section.coordinator', { organisation: s.organisation ?? '' }) : t(`start.section.${s.kind}`)}
          </h2>
          {/* A section's own count only beside others: with one section it would repeat the page's. */}
          {shown.length > 1 ? (
            <p className="ds-paragraph" data-size="sm">
              {t('start.count', { count: s.items.length })}
            </p>
          ) : null}
          <ul className="ds-list">
            {s.items.map((item, i) => (
              <li key={i}>
                <a className="ds-link" href={`/${locale}${item.href}`}>
                  {label(item)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/account`}>
          {t('start.account')}
        </a>
      </p>
    </>
  );
}
