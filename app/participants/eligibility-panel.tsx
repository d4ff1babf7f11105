import { Form } from 'react-router';
import type { ParticipantEligibility } from '../../core/participants/get-participant-eligibility.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import type { FieldError } from '../ui/field-errors.ts';
import { SelectField, TextAreaField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';

/**
 * The participant's eligibility: every problem named with its values, each with the adviser's exception
 * (who, when, why) where one was granted, the warnings, and for an adviser the form that makes an
 * exception to a problem still open. Exceptions are said in words, never by colour alone.
 */
export function EligibilityPanel({
  eligibility,
  canGrant,
  version,
  errors,
  values,
}: {
  eligibility: ParticipantEligibility;
  canGrant: boolean;
  version: string;
  errors: FieldError[];
  values: Record<string, string>;
}) {
  const { t, date } = useI18n();
  const open = eligibility.problems.filter((p) => p.exception === null);
  const say = (code: string, params: Record<string, string | number> = {}) => {
    // Dates in a problem's values are read in the reader's language.
    const shown = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? date(v, 'medium') : v]));
    return t(`error.${code}` as MessageKey, shown);
  };
  return (
    <section aria-labelledby="eligibility-title">
      <h2 id="eligibility-title" className="ds-heading" data-size="sm">
        {t('participantPage.eligibility.title')}
      </h2>
      {eligibility.problems.length === 0 ? (
        <p className="ds-paragraph">{t('participantPage.eligibility.none')}</p>
      ) : (
        <>
          <p className="ds-paragraph">{eligibility.passes ? t('participantPage.eligibility.allExcepted') : t('participantPage.eligibility.open', { count: open.length })}</p>
          <ul className="ds-list">
            {eligibility.problems.map((p) => (
              <li key={p.code}>
                <strong>{p.exception ? t('participantPage.eligibility.excepted') : t('participantPage.eligibility.problem')}</strong> {say(p.code, p.params)}
                {p.exception ? (
                  <p className="ds-paragraph" data-size="sm">
                    {t('participantPage.eligibility.exception', { reason: p.exception.reason, date: date(p.exception.grantedAt, 'medium') })}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {eligibility.warnings.length > 0 ? (
        <div className="ds-alert" data-color="warning">
          <ul className="ds-list">
            {eligibility.warnings.map((w) => (
              <li key={w.otherId}>{t('participants.warning.possibleSamePerson', { startsOn: date(w.params.startsOn, 'medium'), endsOn: date(w.params.endsOn, 'medium') })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {canGrant && open.length > 0 ? (
        <Form method="post" className="form-grid panel" noValidate>
          <h3 className="ds-heading" data-size="xs">
            {t('participantPage.exception.title')}
          </h3>
          <input type="hidden" name="intent" value="exception" />
          <input type="hidden" name="version" value={version} />
          <SelectField
            name="exceptionProblem"
            label={t('participantPage.exception.problem')}
            errors={errors}
            defaultValue={values.exceptionProblem ?? (open.length === 1 ? open[0]!.code : '')}
            options={[...(open.length === 1 ? [] : [{ value: '', label: t('participantPage.exception.chooseProblem') }]), ...open.map((p) => ({ value: p.code, label: say(p.code, p.params) }))]}
          />
          <TextAreaField name="exceptionReason" label={t('participantPage.exception.reason')} hint={t('participantPage.exception.reasonHint')} errors={errors} defaultValue={values.exceptionReason} rows={3} />
          <div className="form-grid__actions">
            <button type="submit" className="ds-button" data-variant="secondary">
              {t('participantPage.exception.submit')}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
