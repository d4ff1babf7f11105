import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { DomainError, FieldProblemsError } from '../../core/errors.ts';
import { addFinancialReportReceipt } from '../../core/finance/add-financial-report-receipt.ts';
import { approveFinancialReport, returnFinancialReport } from '../../core/finance/decide-financial-report.ts';
import { lineField, OTHER_LINE_KIND } from '../../core/finance/financial-report-rules.ts';
import { getFinancialReport } from '../../core/finance/get-financial-report.ts';
import { removeFinancialReportReceipt } from '../../core/finance/remove-financial-report-receipt.ts';
import { saveFinancialReport, saveFinancialReportInput, typedActual, type ReportLineInput } from '../../core/finance/save-financial-report.ts';
import { submitFinancialReport } from '../../core/finance/submit-financial-report.ts';
import { MAX_DOCUMENT_MB } from '../../core/participants/document-content.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { ReportLinesTable } from '../financial-reports/report-lines.tsx';
import { ReportStatus } from '../financial-reports/report-status.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldErrors, mergeFieldErrors, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { TextAreaField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import { staleSave } from '../ui/stale-save.server.ts';
import { SuccessNotice } from '../ui/success-notice.tsx';
import type { Route } from './+types/financial-report';

const notices = ['started', 'saved', 'submitted', 'approved', 'returned', 'receiptAdded', 'receiptRemoved'] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const done = new URL(request.url).searchParams.get('done');
    return { report: await getFinancialReport(context.core, { reportId: params.reportId }), maxMb: MAX_DOCUMENT_MB, done: notices.find((n) => n === done) ?? null };
  });
}

interface ActionResult {
  errors: FieldError[];
  values?: Record<string, string>;
  /** Which form the errors belong to. */
  form: 'lines' | 'receipt' | 'decision';
}

/** The values of a form as typed (files aside), to fill it in again. */
function typedValues(form: FormData): Record<string, string> {
  return Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'intent'));
}

/**
 * One action for the report's forms, told apart by `intent`: the partner's lines (save, submit, remove a
 * line of its own), receipts (add, remove), and the finance officer's approve and return.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const ctx = context.core;
    const reportId = params.reportId;
    const base = `/${t.locale}/financial-reports/${reportId}`;
    const form = await readForm(request);
    const intent = String(form.get('intent') ?? 'save');
    const version = Number(form.get('version'));
    const versionOf = async () => String((await getFinancialReport(ctx, { reportId })).version);

    if (intent === 'receipt') {
      const file = form.get('file');
      const chosen = file instanceof File && file.size > 0;
      try {
        await addFinancialReportReceipt(ctx, { reportId, file: { name: chosen ? file.name : '', content: chosen ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array() } });
      } catch (error) {
        if (error instanceof DomainError && error.field === 'file') return data<ActionResult>({ errors: domainFieldErrors(t, error, 'file'), form: 'receipt' }, { status: 400 });
        throw error;
      }
      return redirect(`${base}?done=receiptAdded`);
    }
    if (intent.startsWith('remove-receipt:')) {
      await removeFinancialReportReceipt(ctx, { reportId, receiptId: intent.slice('remove-receipt:'.length) });
      return redirect(`${base}?done=receiptRemoved`);
    }
    if (intent === 'approve' || intent === 'return') {
      const values = typedValues(form);
      try {
        if (intent === 'approve') await approveFinancialReport(ctx, { reportId, version: Number.isInteger(version) ? version : -1 });
        else await returnFinancialReport(ctx, { reportId, version: Number.isInteger(version) ? version : -1, remark: String(form.get('remark') ?? '') });
      } catch (error) {
        const stale = await staleSave(t, error, values, versionOf, 'remark');
        if (stale) return data<ActionResult>({ ...stale.data, form: 'decision' }, { status: 409 });
        if (error instanceof DomainError && error.field === 'remark') return data<ActionResult>({ errors: domainFieldErrors(t, error, 'remark'), values, form: 'decision' }, { status: 400 });
        throw error;
      }
      return redirect(`${base}?done=${intent === 'approve' ? 'approved' : 'returned'}`);
    }

    // The partner's lines: save (also before submitting), or remove a line of its own.
    const report = await getFinancialReport(ctx, { reportId });
    const values = typedValues(form);
    const removing = intent.startsWith('remove:') ? intent.slice('remove:'.length) : null;
    const errors: FieldError[] = [];
    const lines: ReportLineInput[] = [];
    const fields: string[] = [];
    const read = (name: string) => String(form.get(name) ?? '');
    for (const line of report.lines) {
      if (line.kind === OTHER_LINE_KIND && line.id === removing) continue;
      const actual = typedActual(read(lineField(line.id, 'actual')), report.currency);
      if (actual === undefined) errors.push({ field: lineField(line.id, 'actual'), message: t.t('error.financialReportActualInvalid') });
      lines.push({ id: line.id, label: line.kind === OTHER_LINE_KIND ? read(lineField(line.id, 'label')) : undefined, actualMinor: actual ?? null, explanation: read(lineField(line.id, 'explanation')) });
      fields.push(line.id);
    }
    const added = { label: read('new.label'), actual: read('new.actual'), explanation: read('new.explanation') };
    if (added.label.trim() || added.actual.trim() || added.explanation.trim()) {
      const actual = typedActual(added.actual, report.currency);
      if (actual === undefined) errors.push({ field: 'new.actual', message: t.t('error.financialReportActualInvalid') });
      lines.push({ label: added.label, actualMinor: actual ?? null, explanation: added.explanation });
      fields.push('new');
    }
    const fieldOf = (path: PropertyKey[]) => {
      const at = fields[Number(path[1])];
      const what = path[2] === 'actualMinor' ? 'actual' : String(path[2] ?? 'label');
      return at === undefined ? 'form' : at === 'new' ? `new.${what}` : lineField(at, what as 'actual');
    };
    const parsed = saveFinancialReportInput.safeParse({ version: Number.isInteger(version) ? version : -1, lines });
    if (!parsed.success) errors.push(...zodFieldErrors(t, parsed.error, { max: 2000 }, fieldOf));
    if (errors.length > 0) return data<ActionResult>({ errors: mergeFieldErrors(errors), values, form: 'lines' }, { status: 400 });
    let saved: { version: number };
    try {
      saved = await saveFinancialReport(ctx, { reportId, version: parsed.data!.version, lines });
    } catch (error) {
      const stale = await staleSave(t, error, values, versionOf);
      if (stale) return data<ActionResult>({ ...stale.data, form: 'lines' }, { status: 409 });
      if (error instanceof FieldProblemsError) return data<ActionResult>({ errors: domainFieldErrors(t, error).map((e) => ({ ...e, field: e.field.replace(/^new\.\d+\./, 'new.') })), values, form: 'lines' }, { status: 400 });
      throw error;
    }
    if (intent !== 'submit') return redirect(`${base}?done=saved`);
    try {
      await submitFinancialReport(ctx, { reportId, version: saved.version });
    } catch (error) {
      // Saved already: the page shows what is saved, every problem at once, against the new version.
      // The added line is saved now: the form shows it as a line, and its "add" fields empty again.
      if (error instanceof FieldProblemsError) {
        const kept = Object.fromEntries(Object.entries(values).filter(([name]) => !name.startsWith('new.')));
        return data<ActionResult>({ errors: domainFieldErrors(t, error), values: { ...kept, version: String(saved.version) }, form: 'lines' }, { status: 400 });
      }
      throw error;
    }
    return redirect(`${base}?done=submitted`);
  });
}

export default function FinancialReportPage() {
  const { report, maxMb, done } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const { t, locale, date, dateTime, number } = useI18n();
  const errorsOf = (form: ActionResult['form']) => (result?.form === form ? result.errors : []);
  const lineErrors = errorsOf('lines');
  const values = result?.form === 'lines' ? result.values : undefined;
  const decisionErrors = errorsOf('decision');
  const receiptError = errorsOf('receipt').find((e) => e.field === 'file')?.message;
  const noticeKey = done === 'receiptAdded' ? 'receiptAdded' : done === 'receiptRemoved' ? 'receiptRemoved' : done === 'submitted' ? 'submittedNotice' : done === 'approved' ? 'approvedNotice' : done === 'returned' ? 'returnedNotice' : done;
  const row = (label: string, value: React.ReactNode) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <>
      <PageHeading title={t('financialReports.report.title', { organisation: report.organisation.name, round: report.stage.roundNumber })} />
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/financial-reports`}>
          {t('financialReports.report.back')}
        </a>
      </p>
      <SuccessNotice text={noticeKey ? t(`financialReports.report.${noticeKey}`) : null} />
      <dl className="facts">
        {row(
          t('financialReports.report.partnership'),
          <a className="ds-link" href={`/${locale}/partnerships/${report.stage.partnershipId}`}>
            {report.partnershipTitle}
          </a>,
        )}
        {row(t('financialReports.report.period'), t('financialReports.report.periodValue', { from: date(report.stage.startsOn), to: date(report.stage.endsOn) }))}
        {row(t('financialReports.report.status'), <ReportStatus status={report.status} />)}
        {report.submittedAt ? row(t('financialReports.report.submitted'), dateTime(report.submittedAt)) : null}
        {report.decidedAt ? row(t('financialReports.report.decided'), t('financialReports.report.decidedBy', { date: dateTime(report.decidedAt), name: report.decidedByLabel ?? '' })) : null}
      </dl>
      {report.status === 'returned' && report.remark ? (
        <div className="ds-alert" data-color="warning">
          <p className="ds-paragraph">{t('financialReports.report.remark', { remark: report.remark })}</p>
        </div>
      ) : null}
      <p className="ds-paragraph">{t('financialReports.report.threshold', { threshold: number(report.thresholdBasisPoints / 100) })}</p>

      <section aria-labelledby="lines-title">
        <h2 id="lines-title" className="ds-heading" data-size="sm">
          {t('financialReports.lines.title')}
        </h2>
        {report.lines.filter((l) => l.kind !== OTHER_LINE_KIND).length === 0 ? <p className="ds-paragraph">{t('financialReports.report.noBudget')}</p> : null}
        <ErrorSummary heading={t('form.errorSummary')} errors={lineErrors} />
        {report.canEdit ? (
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="version" value={values?.version ?? String(report.version)} />
            <ReportLinesTable report={report} editable values={values} errors={lineErrors} />
            <fieldset className="ds-fieldset">
              <legend className="ds-heading" data-size="xs">
                {t('financialReports.form.newTitle')}
              </legend>
              <p className="ds-paragraph" data-size="sm">
                {t('financialReports.form.newIntro')}
              </p>
              <TextField name="new.label" label={t('financialReports.form.newLabel')} errors={lineErrors} defaultValue={values?.['new.label']} />
              <TextField name="new.actual" label={t('financialReports.form.newActual')} hint={t('financialReports.form.amountHint')} errors={lineErrors} defaultValue={values?.['new.actual']} />
              <TextAreaField name="new.explanation" label={t('financialReports.form.newExplanation')} errors={lineErrors} defaultValue={values?.['new.explanation']} rows={2} />
            </fieldset>
            <p className="ds-paragraph" data-size="sm">
              {t('financialReports.form.submitHint')}
            </p>
            <div className="form-grid__actions">
              <button type="submit" name="intent" value="save" className="ds-button" data-variant="secondary">
                {t('financialReports.form.save')}
              </button>
              <button type="submit" name="intent" value="submit" className="ds-button" data-variant="primary">
                {t('financialReports.form.submit')}
              </button>
            </div>
          </Form>
        ) : (
          <ReportLinesTable report={report} editable={false} errors={[]} />
        )}
      </section>

      <section aria-labelledby="receipts-title">
        <h2 id="receipts-title" className="ds-heading" data-size="sm">
          {t('financialReports.receipts.title')}
        </h2>
        {report.receipts.length === 0 ? (
          <p className="ds-paragraph">{t('financialReports.receipts.none')}</p>
        ) : (
          <ul className="ds-list">
            {report.receipts.map((r) => (
              <li key={r.id}>
                <a className="ds-link" href={`/${locale}/financial-reports/${report.id}/receipts/${r.id}`} download>
                  {r.fileName}
                </a>{' '}
                <span data-size="sm">{t('financialReports.receipts.size', { size: number(Math.max(1, Math.round(r.sizeBytes / 1024))), date: date(r.uploadedAt) })}</span>
                {report.canEdit ? (
                  <Form method="post" className="inline-form">
                    <button type="submit" name="intent" value={`remove-receipt:${r.id}`} className="ds-button" data-variant="tertiary" data-size="sm">
                      {t('financialReports.receipts.remove', { name: r.fileName })}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {report.canEdit ? (
          <Form method="post" encType="multipart/form-data" className="form-grid" noValidate>
            <ErrorSummary heading={t('form.errorSummary')} errors={errorsOf('receipt')} />
            <div className="ds-field">
              <label className="ds-label" htmlFor="file">
                {t('financialReports.receipts.file')}
              </label>
              <p id="file-hint" className="ds-paragraph field-hint" data-size="sm">
                {t('financialReports.receipts.fileHint', { max: maxMb })}
              </p>
              <input
                id="file"
                name="file"
                type="file"
                className="ds-input"
                accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
                aria-invalid={receiptError ? true : undefined}
                aria-describedby={['file-hint', receiptError ? 'file-error' : null].filter(Boolean).join(' ')}
              />
              {receiptError ? (
                <p id="file-error" className="ds-validation-message" data-color="danger">
                  {receiptError}
                </p>
              ) : null}
            </div>
            <div className="form-grid__actions">
              <button type="submit" name="intent" value="receipt" className="ds-button" data-variant="secondary">
                {t('financialReports.receipts.add')}
              </button>
            </div>
          </Form>
        ) : null}
      </section>

      {report.canDecide ? (
        <section aria-labelledby="decision-title">
          <h2 id="decision-title" className="ds-heading" data-size="sm">
            {t('financialReports.decision.title')}
          </h2>
          <ErrorSummary heading={t('form.errorSummary')} errors={decisionErrors} />
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="version" value={result?.form === 'decision' ? (result.values?.version ?? String(report.version)) : String(report.version)} />
            <p className="ds-paragraph">{t('financialReports.decision.approveIntro')}</p>
            <div className="form-grid__actions">
              <button type="submit" name="intent" value="approve" className="ds-button" data-variant="primary">
                {t('financialReports.decision.approve')}
              </button>
            </div>
          </Form>
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="version" value={result?.form === 'decision' ? (result.values?.version ?? String(report.version)) : String(report.version)} />
            <h3 className="ds-heading" data-size="xs">
              {t('financialReports.decision.returnTitle')}
            </h3>
            <TextAreaField name="remark" label={t('financialReports.decision.remark')} hint={t('financialReports.decision.remarkHint')} errors={decisionErrors} defaultValue={result?.form === 'decision' ? result.values?.remark : undefined} rows={4} />
            <div className="form-grid__actions">
              <button type="submit" name="intent" value="return" className="ds-button" data-variant="secondary">
                {t('financialReports.decision.return')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
