import { useLoaderData } from 'react-router';
import { getPublicPartnership } from '../../core/partnerships/get-public-partnership.ts';
import { codeName, codelist } from '../../core/reference/codelists.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { DataTable } from '../components/data-table.tsx';
import { PageHeading } from '../components/page-heading.tsx';
import { shapeMessage } from '../components/shape-name.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { Route } from './+types/partnership';

/** Public page of a running or finished partnership; drafts and applications are "not found". */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const partnership = await getPublicPartnership(context.core, params.id);
    const sector = codelist('Sector').find((c) => c.code === partnership.sectorCode);
    return { partnership, sectorName: sector ? codeName(sector, translatorFor(params.lang).locale) : null };
  });
}

export default function Partnership() {
  const { partnership: p, sectorName } = useLoaderData<typeof loader>();
  const { t, country, date, locale } = useI18n();
  return (
    <>
      <PageHeading title={p.title} />
      <dl className="facts">
        <dt>{t('organisation.partnership.shape')}</dt>
        <dd>{t(shapeMessage[p.shape])}</dd>
        <dt>{t('partnerships.programme')}</dt>
        <dd>{p.programme}</dd>
        {sectorName ? (
          <>
            <dt>{t('organisation.field.sector')}</dt>
            <dd>{sectorName}</dd>
          </>
        ) : null}
        {p.startsOn && p.endsOn ? (
          <>
            <dt>{t('organisation.partnership.period')}</dt>
            <dd>{t('organisation.partnership.between', { from: date(p.startsOn), to: date(p.endsOn) })}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="partners-title">
        <h2 id="partners-title" className="ds-heading" data-size="sm">
          {t('partnerships.column.partners')}
        </h2>
        <DataTable columns={[{ label: t('organisations.column.name') }, { label: t('organisations.column.country') }, { label: t('organisations.column.city') }, { label: t('partnerships.role') }]}>
          {p.partners.map((o) => (
            <tr key={o.id}>
              <th scope="row">
                <a className="ds-link" href={`/${locale}/organisations/${o.id}`}>
                  {o.name}
                </a>
              </th>
              <td>{country(o.countryCode) ?? o.countryCode}</td>
              <td>{o.city}</td>
              <td>{o.coordinator ? t('partnerships.coordinator') : t('partnerships.partner')}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}
