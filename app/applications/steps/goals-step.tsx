import { SelectField, TextAreaField, TextField } from '../../forms/form-fields.tsx';
import { Form } from 'react-router';
import { INDICATOR_ROWS } from '../../../core/applications/application-goals.ts';
import type { ApplicationDetail } from '../../../core/applications/get-application.ts';
import { DataTable } from '../../components/data-table.tsx';
import type { FieldError } from '../../forms/field-errors.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ContinueLink } from '../continue-link.tsx';

/** Goals per partner and shared goals, each with indicators (baseline, target); added one at a time. */
export function GoalsStep({ detail, errors, values }: { detail: ApplicationDetail; errors: FieldError[]; values?: Record<string, unknown> }) {
  const { t } = useI18n();
  const owners = [{ id: null as string | null, name: t('application.goals.shared') }, ...detail.partners.map((p) => ({ id: p.organisationId as string | null, name: p.legalName }))];
  const v = (name: string) => (values?.[name] === undefined ? '' : String(values[name]));
  return (
    <>
      {owners.map((owner) => {
        const goals = detail.goals.filter((g) => g.organisationId === owner.id);
        const headingId = `goals-${owner.id ?? 'shared'}`;
        return (
          <section key={headingId} aria-labelledby={headingId}>
            <h2 id={headingId} className="ds-heading" data-size="xs">
              {t('application.goals.of', { owner: owner.name })}
            </h2>
            {goals.length === 0 ? <p className="ds-paragraph">{t('application.goals.none')}</p> : null}
            {goals.map((g) => (
              <div key={g.id} className="goal">
                <p className="ds-paragraph">{g.description}</p>
                <DataTable columns={[{ label: t('application.goals.indicator') }, { label: t('application.goals.baseline') }, { label: t('application.goals.target') }]}>
                  {g.indicators.map((i) => (
                    <tr key={i.id}>
                      <th scope="row">{i.description}</th>
                      <td>{i.baseline}</td>
                      <td>{i.target}</td>
                    </tr>
                  ))}
                </DataTable>
                {detail.canEdit ? (
                  <Form method="post">
                    <input type="hidden" name="goalId" value={g.id} />
                    <button type="submit" name="intent" value="remove" className="ds-button" data-variant="tertiary" data-size="sm">
                      {t('application.goals.remove')}
                    </button>
                  </Form>
                ) : null}
              </div>
            ))}
          </section>
        );
      })}
      <section aria-labelledby="add-goal">
        <h2 id="add-goal" className="ds-heading" data-size="sm">
          {t('application.goals.addHeading')}
        </h2>
        <Form method="post" className="form-grid" noValidate>
          <SelectField name="owner" label={t('application.goals.owner')} errors={errors} defaultValue={v('owner') || 'shared'} options={owners.map((o) => ({ value: o.id ?? 'shared', label: o.name }))} />
          <TextAreaField name="description" label={t('application.goals.description')} errors={errors} defaultValue={v('description')} rows={3} />
          {Array.from({ length: INDICATOR_ROWS }, (_, n) => (
            <fieldset key={n} className="ds-fieldset indicator-row">
              <legend className="ds-label">{t('application.goals.indicatorLegend', { number: n + 1 })}</legend>
              <TextField name={`indicator-${n}-description`} label={t('application.goals.indicator')} errors={errors} defaultValue={v(`indicator-${n}-description`)} />
              <TextField name={`indicator-${n}-baseline`} label={t('application.goals.baseline')} errors={errors} defaultValue={v(`indicator-${n}-baseline`)} />
              <TextField name={`indicator-${n}-target`} label={t('application.goals.target')} errors={errors} defaultValue={v(`indicator-${n}-target`)} />
            </fieldset>
          ))}
          <div className="form-grid__actions">
            <button type="submit" name="intent" value="add" className="ds-button" data-variant="primary">
              {t('application.goals.add')}
            </button>
          </div>
        </Form>
      </section>
      <ContinueLink id={detail.application.id} from="goals" />
    </>
  );
}
