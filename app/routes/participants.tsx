import { data, useLoaderData } from 'react-router';
import { AGE_BANDS, listParticipants, PARTICIPANT_GENDERS } from '../../core/participants/list-participants.ts';
import { participantFilterChoices } from '../../core/participants/participant-filter-choices.ts';
import { PARTICIPANT_STATUSES } from '../../core/participants/participant-lifecycle.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { filtersQuery } from '../participants/participant-list-filters.ts';
import { readParticipantListQuery } from '../participants/participant-list-query.server.ts';
import { DataTable } from '../ui/data-table.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { zodFieldErrors } from '../ui/field-errors.ts';
import { SelectField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { NextPageLink } from '../ui/next-page-link.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import type { Route } from './+types/participants';

/**
 * The participants a person may see (their organisation's, their programmes', or everyone for
 * administrators), filtered through a GET form so every filter is in the address, in keyset pages by
 * name, with a CSV download of the whole filtered list.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const url = new URL(request.url);
    const { raw, parsed } = readParticipantListQuery(url);
    const choices = await participantFilterChoices(context.core, { partnershipId: raw.partnership || undefined, thisYear: context.core.now().getUTCFullYear() });
    const query = filtersQuery(raw);
    if (!parsed.success) {
      // Check who is asking first: a visitor goes to sign-in, not to a list of invalid filters.
      await listParticipants(context.core, {});
      return data({ raw, choices, query, errors: zodFieldErrors(translatorFor(params.lang), parsed.error), page: null }, { status: 400 });
    }
    return { raw, choices, query, errors: [], page: await listParticipants(context.core, parsed.data) };
  });
}

export default function Participants() {
  const { raw, choices, query, errors, page } = useLoaderData<typeof loader>();
  const { t, locale, country, date, number } = useI18n();
  const any = { value: '', label: t('participantList.filter.any') };
  const countries = [any, ...choices.countries.map((c) => ({ value: c, label: country(c) ?? c })).sort((a, b) => a.label.localeCompare(b.label, locale))];
  const withoutPartnership = filtersQuery({ ...raw, partnership: '', round: '' });
  return (
    <>
      <PageHeading title={t('participantList.title')} />
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      <form method="get" className="filter-form" aria-labelledby="participant-filter-title">
        <h2 id="participant-filter-title" className="ds-heading" data-size="xs">
          {t('participantList.filter.heading')}
        </h2>
        {choices.partnership ? (
          <>
            <input type="hidden" name="partnership" value={choices.partnership.id} />
            <p className="ds-paragraph">
              {t('participantList.filter.partnershipChosen', { title: choices.partnership.title })}{' '}
              <a className="ds-link" href={`/${locale}/participants${withoutPartnership ? `?${withoutPartnership}` : ''}`}>
                {t('participantList.filter.allPartnerships')}
              </a>
            </p>
            {choices.partnership.rounds.length > 0 ? (
              <SelectField
                name="round"
                label={t('participantList.filter.round')}
                errors={errors}
                defaultValue={raw.round}
                options={[any, ...choices.partnership.rounds.map((r) => ({ value: r.id, label: t('participantList.round', { number: r.roundNumber ?? 0 }) }))]}
              />
            ) : null}
          </>
        ) : null}
        <TextField name="q" type="search" label={t('participantList.filter.q')} hint={t('participantList.filter.qHint')} errors={errors} defaultValue={raw.q} />
        <SelectField name="programme" label={t('participantList.filter.programme')} errors={errors} defaultValue={raw.programme} options={[any, ...choices.programmes.map((p) => ({ value: p.code, label: p.name }))]} />
        <SelectField name="homeCountry" label={t('participantList.filter.homeCountry')} errors={errors} defaultValue={raw.homeCountry} options={countries} />
        <SelectField name="hostCountry" label={t('participantList.filter.hostCountry')} errors={errors} defaultValue={raw.hostCountry} options={countries} />
        <SelectField name="status" label={t('participantList.filter.status')} errors={errors} defaultValue={raw.status} options={[any, ...PARTICIPANT_STATUSES.map((s) => ({ value: s, label: t(`participantStatus.${s}`) }))]} />
        <SelectField name="year" label={t('participantList.filter.year')} errors={errors} defaultValue={raw.year} options={[any, ...choices.years.map((y) => ({ value: String(y), label: String(y) }))]} />
        <SelectField name="gender" label={t('participantList.filter.gender')} errors={errors} defaultValue={raw.gender} options={[any, ...PARTICIPANT_GENDERS.map((g) => ({ value: g, label: t(`participantList.gender.${g}`) }))]} />
        <SelectField name="age" label={t('participantList.filter.age')} errors={errors} defaultValue={raw.age} options={[any, ...AGE_BANDS.map((a) => ({ value: a, label: t(`participantList.age.${a}`) }))]} />
        <div className="filter-form__actions">
          <button type="submit" className="ds-button" data-variant="primary">
            {t('participantList.filter.submit')}
          </button>
          <a className="ds-link" href={`/${locale}/participants`}>
            {t('participantList.filter.reset')}
          </a>
        </div>
      </form>
      {page ? (
        <section aria-labelledby="participant-results">
          <h2 id="participant-results" className="ds-heading" data-size="sm">
            {page.totalCapped ? t('participantList.countCapped', { count: page.total }) : t('participantList.count', { count: page.total })}
          </h2>
          {page.totalCapped ? <p className="ds-paragraph">{t('list.countCappedHint', { count: page.total })}</p> : null}
          {page.items.length > 0 ? (
            <>
              <p className="ds-paragraph">
                <a className="ds-link" href={`/${locale}/participants-export.csv${query ? `?${query}` : ''}`} download>
                  {t('participantList.download')}
                </a>
                <br />
                <span className="field-hint">{t('participantList.downloadHint')}</span>
              </p>
              <DataTable
                columns={[
                  { label: t('participantList.column.name') },
                  { label: t('participantList.column.status') },
                  { label: t('participantList.column.from') },
                  { label: t('participantList.column.to') },
                  { label: t('participantList.column.programme') },
                  { label: t('participantList.column.stay') },
                ]}
              >
                {page.items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <a className="ds-link" href={`/${locale}/participants/${p.id}`}>
                        {t('participantList.name', { family: p.familyName, given: p.givenName })}
                      </a>
                    </th>
                    <td>{t(`participantStatus.${p.status}` as MessageKey)}</td>
                    <td>{t('participantList.organisationIn', { organisation: p.homeOrganisation, country: country(p.homeCountry) ?? p.homeCountry })}</td>
                    <td>{t('participantList.organisationIn', { organisation: p.hostOrganisation, country: country(p.hostCountry) ?? p.hostCountry })}</td>
                    <td>
                      {p.programmeName}
                      {p.roundNumber ? (
                        <>
                          {' · '}
                          {t('participantList.round', { number: number(p.roundNumber) })}
                        </>
                      ) : null}
                    </td>
                    <td>{t('participantList.stay', { from: date(p.startsOn, 'medium'), to: date(p.endsOn, 'medium') })}</td>
                  </tr>
                ))}
              </DataTable>
            </>
          ) : (
            <p className="ds-paragraph">{t('participantList.empty')}</p>
          )}
          <NextPageLink filters={Object.fromEntries(new URLSearchParams(query))} cursorName="after" cursor={page.next} />
        </section>
      ) : null}
    </>
  );
}
