import { data, Form, redirect, useActionData, useLoaderData, useSearchParams } from 'react-router';
import { DomainError } from '../../core/errors.ts';
import { getOwnReport } from '../../core/participants/get-own-report.ts';
import { REPORT_QUESTIONS, reportInput, type ReportInput } from '../../core/participants/participant-report-record.ts';
import { saveReportDraft } from '../../core/participants/save-report-draft.ts';
import { submitReport } from '../../core/participants/submit-report.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { ReportAnswers, ReportFacts } from '../participants/report-answers.tsx';
import { ReportLinks } from '../participants/report-links.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldErrors, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { TextAreaField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import { staleSave } from '../ui/stale-save.server.ts';
import { SuccessNotice } from '../ui/success-notice.tsx';
import type { Route } from './+types/exchange-report';

/** The participant writes one of their reports: drafts kept on the server, then submitted (docs/architecture.md#reports). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => ({ report: await getOwnReport(context.core, { kind: params.kind }) }));
}

type Values = Record<keyof ReportInput, string> & { version: string };

interface Result {
  errors: FieldError[];
  values: Values;
  version: string;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const field = (name: string) => String(form.get(name) ?? '');
    const values: Values = { learned: field('learned'), hostGained: field('hostGained'), homeGains: field('homeGains'), community: field('community'), body: field('body'), version: field('version') };
    const intent = field('intent') === 'submit' ? 'submit' : 'save';
    const parsed = reportInput.safeParse(values);
    if (!parsed.success) return data<Result>({ errors: zodFieldErrors(t, parsed.error), values, version: values.version }, { status: 400 });
    const input = { kind: params.kind, version: values.version || null, ...parsed.data };
    try {
      await (intent === 'submit' ? submitReport(context.core, input) : saveReportDraft(context.core, input));
    } catch (error) {
      // Saved in another tab meanwhile: keep what was typed here, and let a second save knowingly replace it.
      const stale = await staleSave(t, error, values, async () => (await getOwnReport(context.core, { kind: params.kind })).version ?? '', 'learned');
      if (stale) return stale;
      if (error instanceof DomainError && error.status < 500 && error.code !== 'notFound' && error.code !== 'forbidden' && error.code !== 'unauthenticated') {
        return data<Result>({ errors: domainFieldErrors(t, error), values, version: values.version }, { status: error.status === 400 ? 400 : error.status });
      }
      throw error;
    }
    return redirect(`/${t.locale}/exchange/reports/${params.kind}?saved=${intent === 'submit' ? 'submitted' : 'draft'}`);
  });
}

export default function ExchangeReport() {
  const { report } = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const [search] = useSearchParams();
  const { t, locale, date } = useI18n();
  const errors = result?.errors ?? [];
  const values = result?.values ?? { ...report.answers, body: report.body, version: report.version ?? '' };
  const editable = report.open && (report.status === 'not_started' || report.status === 'draft' || report.status === 'returned');
  const saved = search.get('saved');
  return (
    <>
      <PageHeading title={t(`reportKind.${report.kind}`)} />
      <SuccessNotice text={saved === 'draft' ? t('reports.saved.draft') : saved === 'submitted' ? t('reports.saved.submitted') : null} />
      <ReportFacts report={report} />
      {report.status === 'returned' && report.remark ? (
        <div className="ds-alert" data-color="warning">
          <p className="ds-paragraph">{t('reports.remark')}</p>
          <p className="ds-paragraph" style={{ whiteSpace: 'pre-wrap' }}>
            {report.remark}
          </p>
        </div>
      ) : null}
      {!report.open ? <p className="ds-paragraph">{t('reports.notOpen')}</p> : null}
      {report.status === 'submitted' && report.submittedAt ? <p className="ds-paragraph">{t('reports.lockedSubmitted', { date: date(report.submittedAt) })}</p> : null}
      {report.status === 'accepted' ? <p className="ds-paragraph">{t('reports.lockedAccepted')}</p> : null}
      {editable ? (
        <>
          <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="version" value={result?.version ?? values.version} />
            <fieldset className="ds-fieldset">
              <legend className="ds-heading" data-size="xs">
                {t('reports.questions.legend')}
              </legend>
              {REPORT_QUESTIONS.map((q) => (
                <TextAreaField key={q} name={q} label={t(`reportQuestion.${q}`)} errors={errors} defaultValue={values[q]} rows={5} />
              ))}
            </fieldset>
            <TextAreaField name="body" label={t('reports.body.label')} hint={t('reports.body.hint')} errors={errors} defaultValue={values.body} rows={8} />
            <div className="form-grid__actions">
              <button type="submit" name="intent" value="save" className="ds-button" data-variant="secondary">
                {t('reports.saveDraft')}
              </button>
              <button type="submit" name="intent" value="submit" className="ds-button" data-variant="primary">
                {t('reports.submit')}
              </button>
            </div>
          </Form>
        </>
      ) : report.status === 'submitted' || report.status === 'accepted' ? (
        <ReportAnswers report={report} />
      ) : null}
      <ReportLinks heading={t('reports.yourReports')} current={report.kind} href={(kind) => `/${locale}/exchange/reports/${kind}`} />
    </>
  );
}
