import { useLoaderData, useSearchParams } from 'react-router';
import { can } from '../../core/identity/permissions.ts';
import { getRecordHistory } from '../../core/audit/get-record-history.ts';
import { getOrganisation } from '../../core/organisations/get-organisation.ts';
import { codeName, codelist } from '../../core/reference/codelists.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { DataTable } from '../ui/data-table.tsx';
import { placeCoordinates } from '../organisations/place-coordinates.ts';
import { shapeMessage } from '../partnerships/shape-name.ts';
import { PageHeading } from '../ui/page-heading.tsx';
import { RecordHistory } from '../audit/record-history.tsx';
import { SuccessNotice } from '../ui/success-notice.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/organisation';

/** Public: anyone may see an organisation and its running and finished partnerships. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const { organisation, partnerships } = await getOrganisation(context.core, { organisationId: params.id });
    const history = await getRecordHistory(context.core, { recordType: 'organisation', recordId: organisation.id });
    const locale = translatorFor(params.lang).locale;
    const type = codelist('OrganisationType').find((c) => c.code === organisation.organisationType);
    const sector = codelist('Sector').find((c) => c.code === organisation.sectorCode);
    return {
      organisation: { ...organisation, createdAt: undefined, updatedAt: undefined },
      typeName: type ? codeName(type, locale) : organisation.organisationType,
      sectorName: sector ? codeName(sector, locale) : null,
      // The IATI sector list is English (and some French): a name not in the reader's language is marked as such.
      sectorLang: sector && !sector.names[locale] ? 'en' : undefined,
      typeLang: type && !type.names[locale] ? 'en' : undefined,
      partnerships,
      canEdit: can(context.core.actor, 'organisation:update', { organisationId: organisation.id }),
      history: history.map((e) => ({ ...e, at: e.at.toISOString() })),
    };
  });
}

export default function Organisation() {
  const { organisation: o, typeName, typeLang, sectorName, sectorLang, partnerships, canEdit, history } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const i18n = useI18n();
  const { t, country, locale, date } = i18n;
  const countryName = country(o.countryCode) ?? o.countryCode;
  const editHref = `/${locale}/organisations/${o.id}/edit`;
  return (
    <>
      <PageHeading title={o.legalName} />
      <SuccessNotice text={search.get('registered') ? t('organisation.registered') : search.get('saved') ? t('organisation.saved') : null} />
      <dl className="facts">
        {o.shortName ? (
          <>
            <dt>{t('organisation.field.shortName')}</dt>
            <dd>{o.shortName}</dd>
          </>
        ) : null}
        <dt>{t('organisation.field.country')}</dt>
        <dd>{countryName}</dd>
        <dt>{t('organisation.field.city')}</dt>
        <dd>{o.city}</dd>
        {o.matchedCityName !== null && o.latitude !== null && o.longitude !== null ? (
          <>
            <dt>{t('organisation.field.place')}</dt>
            <dd>{t('organisation.place.value', { name: o.matchedCityName, country: countryName, coordinates: placeCoordinates(i18n, { latitude: o.latitude, longitude: o.longitude }) })}</dd>
          </>
        ) : canEdit ? (
          <>
            <dt>{t('organisation.field.place')}</dt>
            <dd>{t('organisation.place.notMatched')}</dd>
          </>
        ) : null}
        <dt>{t('organisation.field.type')}</dt>
        <dd lang={typeLang}>{typeName}</dd>
        {sectorName ? (
          <>
            <dt>{t('organisation.field.sector')}</dt>
            <dd lang={sectorLang}>{sectorName}</dd>
          </>
        ) : null}
        {o.registrationNumber ? (
          <>
            <dt>{t('organisation.field.registrationNumber')}</dt>
            <dd>{[o.registrationScheme, o.registrationNumber].filter(Boolean).join(' ')}</dd>
          </>
        ) : null}
        {o.website ? (
          <>
            <dt>{t('organisation.field.website')}</dt>
            <dd>
              <a className="ds-link" href={o.website} rel="noopener noreferrer">
                {o.website}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {canEdit && o.cityId === null ? (
        <div className="ds-alert" data-color="warning">
          <h2 className="ds-heading" data-size="xs">
            {t('organisation.place.unmatchedTitle')}
          </h2>
          <p className="ds-paragraph">{t('organisation.place.unmatched', { city: o.city })}</p>
          <p className="ds-paragraph">{t('organisation.place.unmatchedFix')}</p>
        </div>
      ) : null}
      {canEdit ? (
        <p className="ds-paragraph">
          <a className="ds-button" data-variant="secondary" href={editHref}>
            {t('organisation.edit.link')}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="org-partnerships-title">
        <h2 id="org-partnerships-title" className="ds-heading" data-size="sm">
          {t('organisation.partnerships', { count: partnerships.length })}
        </h2>
        {partnerships.length > 0 ? (
          <DataTable columns={[{ label: t('organisation.partnership.title') }, { label: t('organisation.partnership.shape') }, { label: t('organisation.partnership.period') }]}>
            {partnerships.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <a className="ds-link" href={`/${locale}/partnerships/${p.id}`}>
                    {p.title}
                  </a>
                </th>
                <td>{t(shapeMessage[p.shape])}</td>
                <td>{p.startsOn && p.endsOn ? t('organisation.partnership.between', { from: date(p.startsOn, 'medium'), to: date(p.endsOn, 'medium') }) : ''}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>
      <RecordHistory entries={history} recordType="organisation" recordId={o.id} />
    </>
  );
}
