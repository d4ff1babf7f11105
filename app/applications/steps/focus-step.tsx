import { Form } from 'react-router';
import type { ApplicationDetail } from '../../../core/applications/get-application.ts';
import { MARKERS, SIGNIFICANCES } from '../../../core/applications/markers.ts';
import { ChoiceGroup } from '../../ui/choice-fields.tsx';
import type { FieldError } from '../../ui/field-errors.ts';
import { SelectField } from '../../ui/form-fields.tsx';
import { useI18n } from '../../ui/i18n-context.tsx';
import type { focusOptions } from '../step-options.server.ts';
import { SaveButtons } from '../save-buttons.tsx';

type Options = ReturnType<typeof focusOptions>;
const list = (v: unknown, fallback: readonly string[]) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [...fallback]);

/**
 * Sector, SDGs, targets and markers. Targets are offered for the goals already chosen: without
 * JavaScript the list cannot follow the ticks live, so saving the goals first reveals their targets.
 */
export function FocusStep({ detail, errors, values, options }: { detail: ApplicationDetail; errors: FieldError[]; values?: Record<string, unknown>; options: Options }) {
  const { t } = useI18n();
  const a = detail.application;
  const goals = values ? list(values.sdgGoals, []) : a.sdgGoals;
  const targets = values ? list(values.sdgTargets, []) : a.sdgTargets;
  const offered = options.targets.filter((target) => goals.includes(target.goal) || targets.includes(target.value));
  return (
    <Form method="post" className="form-grid" noValidate>
      <input type="hidden" name="version" value={String(values?.version ?? a.updatedAt.toISOString())} />
      <SelectField name="sectorCode" label={t('application.field.sector')} errors={errors} defaultValue={String(values?.sectorCode ?? a.sectorCode ?? '')} options={[{ value: '', label: t('application.field.chooseSector') }, ...options.sectors]} />
      <ChoiceGroup type="checkbox" name="sdgGoals" legend={t('application.field.sdgGoals')} hint={t('application.field.sdgGoalsHint')} errors={errors} choices={options.goals} checked={goals} />
      {offered.length > 0 ? (
        <ChoiceGroup type="checkbox" name="sdgTargets" legend={t('application.field.sdgTargets')} hint={t('application.field.sdgTargetsHint')} errors={errors} choices={offered} checked={targets} />
      ) : (
        <p className="ds-paragraph field-hint">{t('application.field.sdgTargetsLater')}</p>
      )}
      {MARKERS.map((m) => (
        <ChoiceGroup
          key={m.code}
          type="radio"
          inline
          name={`marker-${m.code}`}
          legend={t(`application.marker.${m.code}`)}
          errors={errors}
          choices={SIGNIFICANCES.map((s) => ({ value: String(s), label: t(`application.significance.${s}`) }))}
          checked={[String(values?.[`marker-${m.code}`] ?? a.markers[m.code] ?? 0)]}
        />
      ))}
      <SaveButtons />
    </Form>
  );
}
