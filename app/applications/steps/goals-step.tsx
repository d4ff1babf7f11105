import { SelectField, TextAreaField, TextField } from '../../ui/form-fields.tsx';
import { ChoiceGroup } from '../../ui/choice-fields.tsx';
import { INDICATOR_LEVELS } from '../../../core/results/indicator-levels.ts';
import { Form } from 'react-router';
import { INDICATOR_ROWS } from '../../../core/applications/indicator-rows.ts';
import type { ApplicationDetail } from '../../../core/applications/get-application.ts';
import { DataTable } from '../../ui/data-table.tsx';
import type { FieldError } from '../../ui/field-errors.ts';
import { useI18n } from '../../ui/i18n-context.tsx';
import { ContinueLink } from '../continue-link.tsx';

type Goal = ApplicationDetail['goals'][number];
type TargetOption = { value: string; label: string; lang?: string };

/**
 * The goal text and its indicator rows, filled with what was typed, else with `goal` (or empty): each row's
 * description, baseline and target, its level, whether it counts people, and the SDG targets it serves
 * (among those the application chose on its focus step).
 */
function GoalFields({ errors, value, values, targetOptions }: { errors: FieldError[]; value: (name: string) => string; values: (name: string) => string[]; targetOptions: TargetOption[] }) {
  const { t } = useI18n();
  return (
    <>
      <TextAreaField name="description" label={t('application.goals.description')} errors={errors} defaultValue={value('description')} rows={3} />
      {Array.from({ length: INDICATOR_ROWS }, (_, n) => (
        <fieldset key={n} className="ds-fieldset indicator-row">
          <legend className="ds-label">{t('application.goals.indicatorLegend', { number: n + 1 })}</legend>
          <TextField name={`indicator-${n}-description`} label={t('application.goals.indicator')} errors={errors} defaultValue={value(`indicator-${n}-description`)} />
          <TextField name={`indicator-${n}-baseline`} label={t('application.goals.baseline')} errors={errors} defaultValue={value(`indicator-${n}-baseline`)} />
          <TextField name={`indicator-${n}-target`} label={t('application.goals.target')} errors={errors} defaultValue={value(`indicator-${n}-target`)} />
          <SelectField
            name={`indicator-${n}-level`}
            label={t('results.indicator.level')}
            errors={errors}
            defaultValue={value(`indicator-${n}-level`)}
            options={[{ value: '', label: t('results.indicator.levelNone') }, ...INDICATOR_LEVELS.map((l) => ({ value: l, label: t(`results.level.${l}`) }))]}
          />
          <ChoiceGroup type="checkbox" name={`indicator-${n}-countsPeople`} legend={t('results.indicator.kind')} errors={errors} choices={[{ value: 'yes', label: t('results.indicator.countsPeople') }]} checked={value(`indicator-${n}-countsPeople`) === 'yes' ? ['yes'] : []} />
          {targetOptions.length > 0 ? (
            <ChoiceGroup type="checkbox" name={`indicator-${n}-sdgTargets`} legend={t('results.indicator.sdgTargets')} errors={errors} choices={targetOptions} checked={values(`indicator-${n}-sdgTargets`)} />
          ) : (
            <p className="ds-paragraph field-hint">{t('results.indicator.sdgTargetsLater')}</p>
          )}
        </fieldset>
      ))}
    </>
  );
}

/**
 * Goals per partner and shared goals, each with indicators (baseline, target); added one at a time and
 * changed one at a time (`?goal=<id>` opens that goal's form, so only one set of fields is on the page).
 * The coordinating partner writes every goal; another partner's coordinator writes that partner's own.
 */
export function GoalsStep({ detail, errors, values, editing, targetOptions = [] }: { detail: ApplicationDetail; errors: FieldError[]; values?: Record<string, unknown>; editing?: string | null; targetOptions?: TargetOption[] }) {
  const { t, locale } = useI18n();
  const id = detail.application.id;
  const here = `/${locale}/applications/${id}/edit/goals`;
  const owners = [{ id: null as string | null, name: t('application.goals.shared') }, ...detail.partners.map((p) => ({ id: p.organisationId as string | null, name: p.legalName }))];
  const mayEdit = (owner: string | null) => detail.canEditGoalsOf.includes(owner ?? 'shared');
  const addable = owners.filter((o) => mayEdit(o.id));
  const editingGoal = detail.goals.find((g) => g.id === editing && mayEdit(g.organisationId));
  const typed = (name: string) => (values?.[name] === undefined ? '' : String(values[name]));
  const typedList = (name: string) => {
    const v = values?.[name];
    return Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];
  };
  const current = (goal: Goal) => (name: string) => {
    if (values) return typed(name);
    if (name === 'description') return goal.description;
    const [, n, part] = name.split('-') as [string, string, 'description' | 'baseline' | 'target' | 'level' | 'countsPeople'];
    const indicator = goal.indicators[Number(n)];
    if (!indicator) return '';
    if (part === 'countsPeople') return indicator.countsPeople ? 'yes' : '';
    if (part === 'level') return indicator.level ?? '';
    return indicator[part];
  };
  const currentList = (goal: Goal) => (name: string) => (values ? typedList(name) : (goal.indicators[Number(name.split('-')[1])]?.sdgTargets ?? []));
  const ownNames = detail.partners.filter((p) => !detail.canEdit && mayEdit(p.organisationId)).map((p) => p.legalName);
  const coordinator = detail.partners.find((p) => p.isCoordinator)?.legalName ?? '';
  return (
    <>
      {detail.canEdit ? <p className="ds-paragraph">{t('application.goals.confirmNote')}</p> : <p className="ds-paragraph">{t('application.goals.ownOnly', { partner: ownNames.join(', '), coordinator })}</p>}
      {owners.map((owner) => {
        const goals = detail.goals.filter((g) => g.organisationId === owner.id);
        const headingId = `goals-${owner.id ?? 'shared'}`;
        return (
          <section key={headingId} aria-labelledby={headingId}>
            <h2 id={headingId} className="ds-heading" data-size="xs">
              {t('application.goals.of', { owner: owner.name })}
            </h2>
            {goals.length === 0 ? <p className="ds-paragraph">{t('application.goals.none')}</p> : null}
            {goals.map((g) =>
              g.id === editingGoal?.id ? (
                <section key={g.id} id={`goal-${g.id}`} className="goal" aria-labelledby="edit-goal">
                  <h3 id="edit-goal" className="ds-heading" data-size="2xs">
                    {t('application.goals.editHeading', { owner: owner.name })}
                  </h3>
                  <Form method="post" action={`${here}?goal=${g.id}`} className="form-grid" noValidate>
                    <input type="hidden" name="goalId" value={g.id} />
                    <GoalFields errors={errors} value={current(g)} values={currentList(g)} targetOptions={targetOptions} />
                    <div className="form-grid__actions">
                      <button type="submit" name="intent" value="update" className="ds-button" data-variant="primary">
                        {t('application.goals.save')}
                      </button>
                      <a className="ds-link" href={here}>
                        {t('application.goals.cancel')}
                      </a>
                    </div>
                  </Form>
                </section>
              ) : (
                <div key={g.id} id={`goal-${g.id}`} className="goal">
                  <p className="ds-paragraph">{g.description}</p>
                  <DataTable columns={[{ label: t('application.goals.indicator') }, { label: t('application.goals.baseline') }, { label: t('application.goals.target') }, { label: t('results.indicator.level') }, { label: t('results.indicator.sdgTargets') }]}>
                    {g.indicators.map((i) => (
                      <tr key={i.id}>
                        <th scope="row">
                          {i.description}
                          {i.countsPeople ? <span className="field-hint"> {t('results.indicator.peopleNote')}</span> : null}
                        </th>
                        <td>{i.baseline}</td>
                        <td>{i.target}</td>
                        <td>{i.level ? t(`results.level.${i.level}`) : '—'}</td>
                        <td>{i.sdgTargets.length > 0 ? i.sdgTargets.join(', ') : '—'}</td>
                      </tr>
                    ))}
                  </DataTable>
                  {mayEdit(g.organisationId) ? (
                    <div className="action-row">
                      <a className="ds-link" href={`${here}?goal=${g.id}#goal-${g.id}`}>
                        {t('application.goals.change')}
                      </a>
                      <Form method="post" action={here}>
                        <input type="hidden" name="goalId" value={g.id} />
                        <button type="submit" name="intent" value="remove" className="ds-button" data-variant="tertiary" data-size="sm">
                          {t('application.goals.remove')}
                        </button>
                      </Form>
                    </div>
                  ) : null}
                </div>
              ),
            )}
          </section>
        );
      })}
      {!editingGoal && addable.length > 0 ? (
        <section aria-labelledby="add-goal">
          <h2 id="add-goal" className="ds-heading" data-size="sm">
            {t('application.goals.addHeading')}
          </h2>
          <Form method="post" action={here} className="form-grid" noValidate>
            <SelectField
              name="owner"
              label={t('application.goals.owner')}
              errors={errors}
              defaultValue={typed('owner') || (addable[0]!.id ?? 'shared')}
              options={addable.map((o) => ({ value: o.id ?? 'shared', label: o.name }))}
            />
            <GoalFields errors={errors} value={typed} values={typedList} targetOptions={targetOptions} />
            <div className="form-grid__actions">
              <button type="submit" name="intent" value="add" className="ds-button" data-variant="primary">
                {t('application.goals.add')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
      {detail.canEdit ? (
        <ContinueLink id={id} from="goals" />
      ) : (
        <p className="ds-paragraph">
          <a className="ds-link" href={`/${locale}/applications/${id}`}>
            {t('application.goals.backToApplication')}
          </a>
        </p>
      )}
    </>
  );
}
