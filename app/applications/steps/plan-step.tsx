import { SelectField, TextAreaField, TextField } from '../../ui/form-fields.tsx';
import { Form } from 'react-router';
import type { SubmissionProblem } from '../../../core/applications/check-application.ts';
import type { ApplicationDetail } from '../../../core/applications/get-application.ts';
import { DataTable } from '../../ui/data-table.tsx';
import type { FieldError } from '../../ui/field-errors.ts';
import { useI18n } from '../../ui/i18n-context.tsx';
import { ProblemList } from '../problem-list.tsx';
import { ContinueLink } from '../continue-link.tsx';

const ROUNDS = [1, 2, 3, 4, 5];

/** The exchange plan: its flows, what reciprocity still lacks (as advice, before submitting), and a form for one more flow. */
export function PlanStep({ detail, errors, values, problems }: { detail: ApplicationDetail; errors: FieldError[]; values?: Record<string, unknown>; problems: SubmissionProblem[] }) {
  const { t, number } = useI18n();
  const nameOf = new Map(detail.partners.map((p) => [p.organisationId, p.legalName]));
  const partnerOptions = detail.partners.map((p) => ({ value: p.organisationId, label: p.legalName }));
  const v = (name: string, fallback = '') => (values?.[name] === undefined ? fallback : String(values[name]));
  return (
    <>
      {problems.length > 0 ? (
        <div className="ds-alert" data-color="info" role="status">
          <h2 id="plan-advice" className="ds-heading" data-size="xs">
            {t('application.plan.advice')}
          </h2>
          <ProblemList id={detail.application.id} problems={problems} headingId="plan-advice" current="plan" />
        </div>
      ) : detail.flows.length > 0 ? (
        <p className="ds-paragraph">{t('application.plan.reciprocal')}</p>
      ) : null}
      {detail.flows.length > 0 ? (
        <DataTable
          columns={[
            { label: t('application.plan.round') },
            { label: t('application.plan.flow') },
            { label: t('application.plan.participants'), numeric: true },
            { label: t('application.plan.months'), numeric: true },
            { label: t('application.plan.start') },
            { label: t('application.plan.competence') },
            { label: t('application.plan.actions'), visuallyHidden: true },
          ]}
        >
          {detail.flows.map((f) => {
            const flowName = t('application.plan.flowName', { from: nameOf.get(f.sendingOrganisationId) ?? '', to: nameOf.get(f.hostOrganisationId) ?? '' });
            return (
              <tr key={f.id}>
                <td>{number(f.round)}</td>
                <th scope="row">{flowName}</th>
                <td className="numeric">{number(f.participants)}</td>
                <td className="numeric">{number(f.months)}</td>
                <td>{f.startMonth}</td>
                <td>{f.competence}</td>
                <td>
                  {detail.canEdit ? (
                    <Form method="post">
                      <input type="hidden" name="flowId" value={f.id} />
                      <button type="submit" name="intent" value="remove" className="ds-button" data-variant="tertiary" data-size="sm">
                        {t('application.plan.remove', { flow: flowName })}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </DataTable>
      ) : (
        <p className="ds-paragraph">{t('application.plan.empty')}</p>
      )}
      <section aria-labelledby="add-flow">
        <h2 id="add-flow" className="ds-heading" data-size="sm">
          {t('application.plan.addHeading')}
        </h2>
        <Form method="post" className="form-grid" noValidate>
          <SelectField name="round" label={t('application.plan.round')} errors={errors} defaultValue={v('round', '1')} options={ROUNDS.map((r) => ({ value: String(r), label: number(r) }))} />
          <SelectField name="sendingOrganisationId" label={t('application.plan.sending')} errors={errors} defaultValue={v('sendingOrganisationId')} options={partnerOptions} />
          <SelectField name="hostOrganisationId" label={t('application.plan.host')} errors={errors} defaultValue={v('hostOrganisationId', partnerOptions[1]?.value ?? '')} options={partnerOptions} />
          <TextField name="participants" label={t('application.plan.participants')} errors={errors} defaultValue={v('participants', '1')} />
          <SelectField
            name="months"
            label={t('application.plan.months')}
            hint={t('application.plan.monthsHint', { programme: detail.programme.name })}
            errors={errors}
            defaultValue={v('months')}
            options={[...detail.programme.stayMonths].sort((a, b) => a - b).map((m) => ({ value: String(m), label: t('application.plan.monthsOption', { months: m }) }))}
          />
          <TextField name="startMonth" label={t('application.plan.start')} hint={t('application.plan.startHint')} errors={errors} defaultValue={v('startMonth')} />
          <TextField name="competence" label={t('application.plan.competence')} errors={errors} defaultValue={v('competence')} />
          <TextAreaField name="purpose" label={t('application.plan.purpose')} errors={errors} defaultValue={v('purpose')} rows={3} />
          <div className="form-grid__actions">
            <button type="submit" name="intent" value="add" className="ds-button" data-variant="primary">
              {t('application.plan.add')}
            </button>
          </div>
        </Form>
      </section>
      <ContinueLink id={detail.application.id} from="plan" />
    </>
  );
}
