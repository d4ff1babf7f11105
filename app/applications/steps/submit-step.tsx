import { Form } from 'react-router';
import type { SubmissionProblem } from '../../../core/applications/check-application.ts';
import type { ApplicationDetail } from '../../../core/applications/get-application.ts';
import { useI18n } from '../../ui/i18n-context.tsx';
import { ProblemList } from '../problem-list.tsx';

/** The last step: what still stops the submission, each linked to its step, and the button to send. */
export function SubmitStep({ detail, problems }: { detail: ApplicationDetail; problems: SubmissionProblem[] }) {
  const { t, date } = useI18n();
  return (
    <>
      <p className="ds-paragraph">{t('application.submit.deadline', { deadline: date(detail.call.deadline, 'long') })}</p>
      {problems.length > 0 ? (
        <section aria-labelledby="problems-heading" className="ds-alert" data-color="warning" id="problems">
          <h2 id="problems-heading" className="ds-heading" data-size="xs">
            {t('application.submit.problems', { count: problems.length })}
          </h2>
          <ProblemList id={detail.application.id} problems={problems} headingId="problems-heading" />
        </section>
      ) : (
        <p className="ds-paragraph">{t('application.submit.ready')}</p>
      )}
      <Form method="post" className="form-grid">
        <p className="ds-paragraph">{t('application.submit.confirm')}</p>
        <div className="form-grid__actions">
          <button type="submit" name="intent" value="submit" className="ds-button" data-variant="primary">
            {t('application.submit.button')}
          </button>
        </div>
      </Form>
    </>
  );
}
