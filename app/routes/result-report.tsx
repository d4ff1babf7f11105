import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { DomainError, FieldProblemsError } from '../../core/errors.ts';
import { acceptResultReport, returnResultReport } from '../../core/results/decide-result-report.ts';
import { getResultReport } from '../../core/results/get-result-report.ts';
import { parseIndicatorNumber, parsePeopleCount } from '../../core/results/indicator-number.ts';
import { actualField } from '../../core/results/result-report-rules.ts';
import { saveResultReport, saveResultReportInput, type ResultActualInput } from '../../core/results/save-result-report.ts';
import { submitResultReport } from '../../core/results/submit-result-report.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { ReportIndicators } from '../results/report-indicators.tsx';
import { ResultStatus } from '../results/result-status.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldErrors, mergeFieldErrors, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { TextAreaField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import { staleSave } from '../ui/stale-save.server.ts';
import { SuccessNotice } from '../ui/success-notice.tsx';
import type { Route } from './+types/result-report';

const notices = ['started', 'saved', 'submitted', 'accepted', 'returned'] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const done = new URL(request.url).searchParams.get('done');
    return { report: await getResultReport(context.core, { reportId: params.reportId }), done: notices.find((n) => n === done) ?? null };
  });
}

interface ActionResult {
  errors: FieldError[];
  values?: Record<string, string>;
  /** Which form the errors belong to. */
  form: 'report' | 'decision';
}

const typedValues = (form: FormData): Record<string, string> => Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'intent'));

/**
 * One action for the report's forms, told apart by `intent`: the partner's save and submit (submit saves
 * first, then names every problem at once), and the adviser's accept and return.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const ctx = context.core;
    const reportId = params.reportId;
    const base = `/${t.locale}/result-reports/${reportId}`;
    const form = await readForm(request);
    const intent = String(form.get('intent') ?? 'save');
    const typedVersion = Number(form.get('version'));
    const version = Number.isInteger(typedVersion) ? typedVersion : -1;
    const values = typedValues(form);
    const versionOf = async () => String((await getResultReport(ctx, { reportId })).version);

    if (intent === 'accept' || intent === 'return') {
      try {
        if (intent === 'accept') await acceptResultReport(ctx, { reportId, version });
        else await returnResultReport(ctx, { reportId, version, remark: String(form.get('remark') ?? '') });
      } catch (error) {
        const stale = await staleSave(t, error, values, versionOf, 'remark');
        if (stale) return data<ActionResult>({ ...stale.data, form: 'decision' }, { status: 409 });
        if (error instanceof DomainError && error.field === 'remark') return data<ActionResult>({ errors: domainFieldErrors(t, error, 'remark'), values, form: 'decision' }, { status: 400 });
        throw error;
      }
      return redirect(`${base}?done=${intent === 'accept' ? 'accepted' : 'returned'}`);
    }

    // The partner's report: save (also before submitting).
    const report = await getResultReport(ctx, { reportId });
    const read = (name: string) => String(form.get(name) ?? '');
    const errors: FieldError[] = [];
    const actuals: ResultActualInput[] = report.indicators.map((i, n) => {
      if (i.kind === 'people') {
        const parts = Object.fromEntries(
          (['women', 'men', 'other'] as const).map((part) => {
            const count = parsePeopleCount(read(actualField(i.id, part)));
            if (count === undefined) errors.push({ field: actualField(i.id, part), message: t.t('error.resultReportPeopleInvalid', { indicator: n + 1 }) });
            return [part, count ?? null];
          }),
        );
        return { indicatorId: i.id, ...parts };
      }
      if (i.kind === 'number') {
        const typed = read(actualField(i.id, 'value'));
        const value = typed.trim() === '' ? null : parseIndicatorNumber(typed);
        if (value === undefined) errors.push({ field: actualField(i.id, 'value'), message: t.t('error.resultReportValueInvalid', { indicator: n + 1 }) });
        return { indicatorId: i.id, value: value ?? null };
      }
      return { indicatorId: i.id, valueText: read(actualField(i.id, 'text')) };
    });
    const input = { version, narrative: read('narrative'), lessons: read('lessons'), publishLessons: read('publishLessons') === 'yes', actuals };
    const parsed = saveResultReportInput.safeParse(input);
    const fieldOf = (path: PropertyKey[]) => {
      if (path[0] !== 'actuals') return String(path[0] ?? 'form');
      const indicator = report.indicators[Number(path[1])];
      return indicator ? actualField(indicator.id, path[2] === 'valueText' ? 'text' : 'value') : 'form';
    };
    if (!parsed.success) errors.push(...zodFieldErrors(t, parsed.error, {}, fieldOf));
    if (errors.length > 0) return data<ActionResult>({ errors: mergeFieldErrors(errors), values, form: 'report' }, { status: 400 });
    let saved: { version: number };
    try {
      saved = await saveResultReport(ctx, { reportId, ...input });
    } catch (error) {
      const stale = await staleSave(t, error, values, versionOf);
      if (stale) return data<ActionResult>({ ...stale.data, form: 'report' }, { status: 409 });
      if (error instanceof FieldProblemsError) return data<ActionResult>({ errors: domainFieldErrors(t, error), values, form: 'report' }, { status: 400 });
      throw error;
    }
    if (intent !== 'submit') return redirect(`${base}?done=saved`);
    try {
      await submitResultReport(ctx, { reportId, version: saved.version });
    } catch (error) {
      // Saved already: the page shows what was typed, every problem at once, against the new version.
      if (error instanceof FieldProblemsError) return data<ActionResult>({ errors: domainFieldErrors(t, error), values: { ...values, version: String(saved.version) }, form: 'report' }, { status: 400 });
      throw error;
    }
    return redirect(`${base}?done=submitted`);
  });
}

export default function ResultReportPage() {
  const { report, done } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const { t, locale, date, dateTime } = useI18n();
  const errorsOf = (form: ActionResult['form']) => (result?.form === form ? result.errors : []);
  const reportErrors = errorsOf('report');
  const values = result?.form === 'report' ? result.values : undefined;
  const decisionErrors = errorsOf('decision');
  const row = (label: string, value: React.ReactNode) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const decisionVersion = result?.form === 'decision' ? (result.values?.version ?? String(report.version)) : String(report.version);
  return (
    <>
      <PageHeading title={t('results.report.title', { organisation: report.organisation.name, round: report.stage.roundNumber })} />
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/result-reports`}>
          {t('results.report.back')}
        </a>
      </p>
      <SuccessNotice text={done ? t(`results.report.done.${done}`) : null} />
      <dl className="facts">
        {row(
          t('results.column.partnership'),
          <a className="ds-link" href={`/${locale}/partnerships/${report.stage.partnershipId}`}>
            {report.partnershipTitle}
          </a>,
        )}
        {row(t('results.column.period'), t('results.report.periodValue', { from: date(report.stage.startsOn), to: date(report.stage.endsOn) }))}
        {row(t('results.column.status'), <ResultStatus status={report.status} />)}
        {report.submittedAt ? row(t('results.report.submitted'), dateTime(report.submittedAt)) : null}
        {report.decidedAt ? row(t('results.report.decided'), t('results.report.decidedBy', { date: dateTime(report.decidedAt), name: report.decidedByLabel ?? '' })) : null}
      </dl>
      {report.status === 'returned' && report.remark ? (
        <div className="ds-alert" data-color="warning">
          <p className="ds-paragraph">{t('results.report.remark', { remark: report.remark })}</p>
        </div>
      ) : null}

      {report.canEdit ? (
        <section aria-labelledby="report-title">
          <h2 id="report-title" className="ds-heading" data-size="sm">
            {t('results.report.formTitle')}
          </h2>
          <ErrorSummary heading={t('form.errorSummary')} errors={reportErrors} />
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="version" value={values?.version ?? String(report.version)} />
            <TextAreaField name="narrative" label={t('results.report.narrative')} hint={t('results.report.narrativeHint')} errors={reportErrors} defaultValue={values ? values.narrative : report.narrative} rows={8} />
            <h3 className="ds-heading" data-size="xs">
              {t('results.report.indicatorsTitle')}
            </h3>
            <ReportIndicators report={report} editable values={values} errors={reportErrors} />
            <TextAreaField name="lessons" label={t('results.report.lessons')} hint={t('results.report.lessonsHint')} errors={reportErrors} defaultValue={values ? values.lessons : report.lessons} rows={6} />
            <div className="ds-field choice">
              <input className="ds-input" type="checkbox" id="publishLessons" name="publishLessons" value="yes" defaultChecked={values ? values.publishLessons === 'yes' : report.publishLessons} />
              <label className="ds-label" data-weight="regular" htmlFor="publishLessons">
                {t('results.report.publishLessons')}
              </label>
            </div>
            <p className="ds-paragraph" data-size="sm">
              {t('results.report.submitHint')}
            </p>
            <div className="form-grid__actions">
              <button type="submit" name="intent" value="save" className="ds-button" data-variant="secondary">
                {t('results.report.save')}
              </button>
              <button type="submit" name="intent" value="submit" className="ds-button" data-variant="primary">
                {t('results.report.submit')}
              </button>
            </div>
          </Form>
        </section>
      ) : (
        <>
          <section aria-labelledby="narrative-title">
            <h2 id="narrative-title" className="ds-heading" data-size="sm">
              {t('results.report.narrative')}
            </h2>
            <p className="ds-paragraph preserve-lines">{report.narrative || '—'}</p>
          </section>
          <section aria-labelledby="indicators-title">
            <h2 id="indicators-title" className="ds-heading" data-size="sm">
              {t('results.report.indicatorsTitle')}
            </h2>
            <ReportIndicators report={report} editable={false} errors={[]} />
          </section>
          <section aria-labelledby="lessons-title">
            <h2 id="lessons-title" className="ds-heading" data-size="sm">
              {t('results.report.lessons')}
            </h2>
            <p className="ds-paragraph preserve-lines">{report.lessons || '—'}</p>
            <p className="ds-paragraph" data-size="sm">
              {t(report.publishLessons ? 'results.report.lessonsPublic' : 'results.report.lessonsPrivate')}
            </p>
          </section>
        </>
      )}

      {report.canDecide ? (
        <section aria-labelledby="decision-title">
          <h2 id="decision-title" className="ds-heading" data-size="sm">
            {t('results.decision.title')}
          </h2>
          <ErrorSummary heading={t('form.errorSummary')} errors={decisionErrors} />
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="version" value={decisionVersion} />
            <p className="ds-paragraph">{t('results.decision.acceptIntro')}</p>
            <div className="form-grid__actions">
              <button type="submit" name="intent" value="accept" className="ds-button" data-variant="primary">
                {t('results.decision.accept')}
              </button>
            </div>
          </Form>
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="version" value={decisionVersion} />
            <h3 className="ds-heading" data-size="xs">
              {t('results.decision.returnTitle')}
            </h3>
            <TextAreaField name="remark" label={t('results.decision.remark')} hint={t('results.decision.remarkHint')} errors={decisionErrors} defaultValue={result?.form === 'decision' ? result.values?.remark : undefined} rows={4} />
            <div className="form-grid__actions">
              <button type="submit" name="intent" value="return" className="ds-button" data-variant="secondary">
                {t('results.decision.return')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
