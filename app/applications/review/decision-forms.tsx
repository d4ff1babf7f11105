import { TextAreaField, TextField } from '../../ui/form-fields.tsx';
import { Form } from 'react-router';
import type { ApplicationSection } from '../../../core/applications/application-sections.ts';
import type { ApplicationStatus } from '../../../core/partnerships/application-status.ts';
import type { FieldError } from '../../ui/field-errors.ts';
import { useI18n } from '../../ui/i18n-context.tsx';
import { FundsUsedBy } from '../../finance/funds-used-by.tsx';
import type { FundsUseLine } from '../../finance/funds-use-lines.ts';

/** Only the moves the status machine allows from here are offered; core refuses the others anyway. */
export function DecisionForms({ next, errors, values, sections, stage, fundsUsedBy = [], suggestedAmount }: { next: readonly ApplicationStatus[]; errors: FieldError[]; values?: Record<string, string>; sections: readonly ApplicationSection[]; stage: string; fundsUsedBy?: FundsUseLine[]; suggestedAmount?: string }) {
  const { t } = useI18n();
  const v = (intent: string, name: string) => (values?.intent === intent ? (values[name] ?? '') : '');
  const button = (intent: string, label: string, variant = 'primary') => (
    <div className="form-grid__actions">
      <button type="submit" name="intent" value={intent} className="ds-button" data-variant={variant}>
        {label}
      </button>
    </div>
  );
  return (
    <section aria-labelledby="decision-heading">
      <h2 id="decision-heading" className="ds-heading" data-size="sm">
        {t('review.decision.heading')}
      </h2>
      {next.length === 0 ? <p className="ds-paragraph">{t('review.decision.none')}</p> : null}
      {next.includes('in_review') ? <Form method="post">{button('start-review', t('review.decision.startReview'))}</Form> : null}
      {next.includes('approved') ? (
        <Form method="post" className="form-grid" noValidate aria-labelledby="approve-heading">
          <h3 id="approve-heading" className="ds-heading" data-size="xs">
            {t('review.decision.approve')}
          </h3>
          <p className="ds-paragraph field-hint">{t(stage === 'agreement' ? 'review.decision.periodAgreement' : 'review.decision.periodShort')}</p>
          <TextField name="startsOn" type="date" label={t('review.decision.startsOn')} errors={errors} defaultValue={v('approve', 'startsOn')} />
          <TextField name="endsOn" type="date" label={t('review.decision.endsOn')} errors={errors} defaultValue={v('approve', 'endsOn')} />
          <TextField name="amount" label={t('review.decision.amount')} hint={suggestedAmount ? t('review.decision.amountComputed') : t('review.decision.amountHint')} errors={errors} defaultValue={values?.intent === 'approve' ? v('approve', 'amount') : (suggestedAmount ?? '')} />
          <FundsUsedBy lines={fundsUsedBy} />
          {button('approve', t('review.decision.approveButton'))}
        </Form>
      ) : null}
      {next.includes('returned') ? (
        <Form method="post" className="form-grid" noValidate aria-labelledby="return-heading">
          <h3 id="return-heading" className="ds-heading" data-size="xs">
            {t('review.decision.return')}
          </h3>
          <p className="ds-paragraph field-hint">{t('review.decision.returnHint')}</p>
          {sections.map((s) => (
            <TextAreaField key={s} name={`remark-${s}`} label={t('review.decision.remarkOn', { section: t(`application.step.${s}`) })} errors={errors} defaultValue={v('return', `remark-${s}`)} rows={2} />
          ))}
          {button('return', t('review.decision.returnButton'), 'secondary')}
        </Form>
      ) : null}
      {next.includes('rejected') ? (
        <Form method="post" className="form-grid" noValidate aria-labelledby="reject-heading">
          <h3 id="reject-heading" className="ds-heading" data-size="xs">
            {t('review.decision.reject')}
          </h3>
          <TextAreaField name="reason" label={t('review.decision.reason')} hint={t('review.decision.reasonHint')} errors={errors} defaultValue={v('reject', 'reason')} rows={4} />
          {button('reject', t('review.decision.rejectButton'), 'secondary')}
        </Form>
      ) : null}
      {(['active', 'closing', 'closed'] as const)
        .filter((s) => next.includes(s))
        .map((s) => (
          <Form method="post" key={s}>
            {button(s, t(`review.decision.to.${s}`))}
          </Form>
        ))}
    </section>
  );
}
