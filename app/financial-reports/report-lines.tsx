import type { FinancialReportDetail } from '../../core/finance/get-financial-report.ts';
import { lineField, OTHER_LINE_KIND } from '../../core/finance/financial-report-rules.ts';
import { reportLineName } from '../../core/finance/report-line-name.ts';
import { minorPerMajor } from '../../core/finance/money.ts';
import type { FieldError } from '../ui/field-errors.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import { percentOf } from './report-status.tsx';

type Line = FinancialReportDetail['lines'][number];

function FieldMessage({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="ds-validation-message" data-color="danger">
      {message}
    </p>
  );
}

/**
 * The report's lines as a table (budget, actual, variance in kroner and per cent, explanation) with its
 * totals. With `editable`, the actual, the explanation and an added line's label are inputs named
 * `line.<id>.actual`, `.explanation` and `.label`, filled with `values` (what was typed) when given.
 */
export function ReportLinesTable({ report, editable, values, errors }: { report: FinancialReportDetail; editable: boolean; values?: Record<string, string>; errors: FieldError[] }) {
  const { t, money, number } = useI18n();
  const i18n = useI18n();
  const name = (line: Pick<Line, 'kind' | 'label' | 'flow'>) => reportLineName(i18n, line);
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const typed = (field: string, fallback: string) => values?.[field] ?? fallback;
  const whole = (minor: number | null) => (minor === null ? '' : String(minor / minorPerMajor(report.currency)));
  const signed = (minor: number | null) => (minor === null ? '—' : `${minor > 0 ? '+' : ''}${money(minor, report.currency)}`);
  return (
    <div className="table-scroll">
      <table className="ds-table" data-border="true">
        <caption>{t('financialReports.lines.caption', { currency: report.currency })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('financialReports.column.number')}</th>
            <th scope="col">{t('financialReports.column.line')}</th>
            <th scope="col" className="numeric">
              {t('financialReports.column.budget')}
            </th>
            <th scope="col" className="numeric">
              {t('financialReports.column.actual')}
            </th>
            <th scope="col" className="numeric">
              {t('financialReports.column.variance')}
            </th>
            <th scope="col" className="numeric">
              {t('financialReports.column.variancePercent')}
            </th>
            <th scope="col">{t('financialReports.column.explanation')}</th>
          </tr>
        </thead>
        <tbody>
          {report.lines.map((line) => {
            const actual = lineField(line.id, 'actual');
            const explanation = lineField(line.id, 'explanation');
            const label = lineField(line.id, 'label');
            return (
              <tr key={line.id}>
                <td>{number(line.position)}</td>
                <th scope="row">
                  {editable && line.kind === OTHER_LINE_KIND ? (
                    <>
                      <label className="ds-label" htmlFor={label} data-size="sm">
                        {t('financialReports.form.label', { line: line.position })}
                      </label>
                      <input id={label} name={label} className="ds-input" defaultValue={typed(label, line.label)} aria-invalid={errorOf(label) ? true : undefined} aria-describedby={errorOf(label) ? `${label}-error` : undefined} />
                      <FieldMessage id={label} message={errorOf(label)} />
                      <button type="submit" name="intent" value={`remove:${line.id}`} className="ds-button" data-variant="tertiary" data-size="sm">
                        {t('financialReports.form.remove', { line: line.position })}
                      </button>
                    </>
                  ) : (
                    name(line)
                  )}
                </th>
                <td className="numeric">{money(line.budgetMinor, report.currency)}</td>
                <td className="numeric">
                  {editable ? (
                    <>
                      <label className="ds-sr-only" htmlFor={actual}>
                        {t('financialReports.form.actual', { line: line.position })}
                      </label>
                      <input id={actual} name={actual} className="ds-input" inputMode="numeric" size={10} defaultValue={typed(actual, whole(line.actualMinor))} aria-invalid={errorOf(actual) ? true : undefined} aria-describedby={errorOf(actual) ? `${actual}-error` : undefined} />
                      <FieldMessage id={actual} message={errorOf(actual)} />
                    </>
                  ) : line.actualMinor === null ? (
                    t('financialReports.lines.notEntered')
                  ) : (
                    money(line.actualMinor, report.currency)
                  )}
                </td>
                <td className="numeric">{signed(line.varianceMinor)}</td>
                <td className="numeric">{percentOf(number, line.varianceBasisPoints)}</td>
                <td>
                  {editable ? (
                    <>
                      <label className="ds-sr-only" htmlFor={explanation}>
                        {t('financialReports.form.explanation', { line: line.position })}
                      </label>
                      <textarea id={explanation} name={explanation} className="ds-input" rows={2} defaultValue={typed(explanation, line.explanation)} aria-invalid={errorOf(explanation) ? true : undefined} aria-describedby={errorOf(explanation) ? `${explanation}-error` : undefined} />
                      <FieldMessage id={explanation} message={errorOf(explanation)} />
                    </>
                  ) : (
                    line.explanation
                  )}
                  {line.explanationRequired && !line.explanation ? (
                    <p className="ds-paragraph" data-size="sm">
                      {t('financialReports.lines.needsExplanation')}
                    </p>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <th scope="row">{t('financialReports.lines.total')}</th>
            <td className="numeric">{money(report.totals.budgetMinor, report.currency)}</td>
            <td className="numeric">{money(report.totals.actualMinor, report.currency)}</td>
            <td className="numeric">{signed(report.totals.varianceMinor)}</td>
            <td className="numeric">{percentOf(number, report.totals.varianceBasisPoints)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
