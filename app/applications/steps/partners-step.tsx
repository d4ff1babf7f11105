import { Form } from 'react-router';
import type { ApplicationDetail } from '../../../core/applications/get-application.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { shapeMessage } from '../../partnerships/shape-name.ts';
import type { FieldError } from '../../ui/field-errors.ts';
import { TextField } from '../../ui/form-fields.tsx';
import { useI18n } from '../../ui/i18n-context.tsx';
import { ContinueLink } from '../continue-link.tsx';

interface Candidate {
  id: string;
  legalName: string;
  countryCode: string;
  city: string;
}

/** Partners: who they are, whether they confirmed, and a search to add more (a GET form, then one button per match). */
export function PartnersStep({ detail, errors, q, candidates }: { detail: ApplicationDetail; errors: FieldError[]; q: string; candidates: Candidate[] }) {
  const { t, country } = useI18n();
  const { application, partners } = detail;
  const known = new Set(partners.map((p) => p.organisationId));
  return (
    <>
      <p className="ds-paragraph" id="shape">
        {application.shape ? t('application.partners.shape', { shape: t(shapeMessage[application.shape]) }) : t('application.partners.noShape')}
      </p>
      <DataTable columns={[{ label: t('application.partners.column.name') }, { label: t('application.partners.column.country') }, { label: t('application.partners.column.role') }, { label: t('application.partners.column.confirmed') }, { label: t('application.partners.column.actions'), visuallyHidden: true }]}>
        {partners.map((p) => (
          <tr key={p.organisationId}>
            <th scope="row">{p.legalName}</th>
            <td>{country(p.countryCode) ?? p.countryCode}</td>
            <td>{p.isCoordinator ? t('application.partners.coordinator') : t('application.partners.partner')}</td>
            <td>{p.confirmedAt ? t('application.partners.confirmedYes') : t('application.partners.confirmedNo')}</td>
            <td>
              {p.isCoordinator ? null : (
                <Form method="post">
                  <input type="hidden" name="organisationId" value={p.organisationId} />
                  <button type="submit" name="intent" value="remove" className="ds-button" data-variant="tertiary" data-size="sm">
                    {t('application.partners.remove', { name: p.legalName })}
                  </button>
                </Form>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <section aria-labelledby="add-partner">
        <h2 id="add-partner" className="ds-heading" data-size="sm">
          {t('application.partners.addHeading')}
        </h2>
        <form method="get" className="filter-form">
          <TextField name="q" type="search" label={t('application.partners.search')} hint={t('application.partners.searchHint')} errors={errors.filter((e) => e.field === 'q')} defaultValue={q} />
          <div className="filter-form__actions">
            <button type="submit" className="ds-button" data-variant="secondary">
              {t('application.partners.searchSubmit')}
            </button>
          </div>
        </form>
        {errors.find((e) => e.field === 'organisationId') ? (
          <p id="organisationId" className="ds-validation-message" data-color="danger">
            {errors.find((e) => e.field === 'organisationId')!.message}
          </p>
        ) : null}
        {q.trim().length >= 2 && candidates.length === 0 ? <p className="ds-paragraph">{t('application.partners.noMatch', { q })}</p> : null}
        {candidates.length > 0 ? (
          <ul className="ds-list candidate-list">
            {candidates.map((c) => (
              <li key={c.id}>
                <Form method="post" className="inline-form">
                  <span>{t('application.partners.candidate', { name: c.legalName, city: c.city, country: country(c.countryCode) ?? c.countryCode })}</span>{' '}
                  <input type="hidden" name="organisationId" value={c.id} />
                  {known.has(c.id) ? (
                    <span className="ds-paragraph">{t('application.partners.alreadyPartner')}</span>
                  ) : (
                    <button type="submit" name="intent" value="add" className="ds-button" data-variant="secondary" data-size="sm">
                      {t('application.partners.add', { name: c.legalName })}
                    </button>
                  )}
                </Form>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <ContinueLink id={application.id} from="partners" />
    </>
  );
}
