import type { ResultReportDetail } from '../../core/results/get-result-report.ts';
import { actualField } from '../../core/results/result-report-rules.ts';
import type { FieldError } from '../ui/field-errors.ts';
import { TextAreaField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';

type Indicator = ResultReportDetail['indicators'][number];

/** A typed number as the form shows it: the stored value in the reader's format without grouping, or ''. */
const shown = (n: number | null) => (n === null ? '' : String(n));

/** What the indicator is, where it aims and from where: its goal, level, baseline and target. */
function IndicatorFacts({ indicator, n }: { indicator: Indicator; n: number }) {
  const { t } = useI18n();
  return (
    <>
      <p className="ds-paragraph" data-size="sm">
        {indicator.goal.shared ? t('results.indicator.sharedGoal', { goal: indicator.goal.description }) : t('results.indicator.ownGoal', { goal: indicator.goal.description })}
      </p>
      <p className="ds-paragraph" data-size="sm">
        {t('results.indicator.facts', { number: n, baseline: indicator.baseline, target: indicator.target })}
        {indicator.level ? ` · ${t(`results.level.${indicator.level}`)}` : ''}
        {indicator.sdgTargets.length ? ` · ${t('results.indicator.sdgList', { targets: indicator.sdgTargets.join(', ') })}` : ''}
      </p>
    </>
  );
}

/**
 * The report's indicators with their actuals: editable (a fieldset per indicator: women, men and other for
 * one that counts people, a number, or words), else a table with baseline, target and actual.
 */
export function ReportIndicators({ report, editable, values, errors }: { report: ResultReportDetail; editable: boolean; values?: Record<string, string>; errors: FieldError[] }) {
  const { t, number } = useI18n();
  if (report.indicators.length === 0) return <p className="ds-paragraph">{t('results.report.noIndicators')}</p>;
  const value = (name: string, stored: string) => (values ? (values[name] ?? '') : stored);
  if (editable) {
    return (
      <>
        {report.indicators.map((i, index) => (
          <fieldset key={i.id} className="ds-fieldset indicator-row">
            <legend className="ds-heading" data-size="2xs">
              {t('results.indicator.legend', { number: index + 1, indicator: i.description })}
            </legend>
            <IndicatorFacts indicator={i} n={index + 1} />
            {i.kind === 'people' ? (
              <>
                {(['women', 'men', 'other'] as const).map((part) => (
                  <TextField key={part} name={actualField(i.id, part)} label={t(`results.actual.${part}`)} errors={errors} defaultValue={value(actualField(i.id, part), shown(i.actual[part]))} />
                ))}
              </>
            ) : i.kind === 'number' ? (
              <TextField name={actualField(i.id, 'value')} label={t('results.actual.value')} hint={t('results.actual.valueHint')} errors={errors} defaultValue={value(actualField(i.id, 'value'), shown(i.actual.value))} />
            ) : (
              <TextAreaField name={actualField(i.id, 'text')} label={t('results.actual.text')} errors={errors} defaultValue={value(actualField(i.id, 'text'), i.actual.valueText)} rows={3} />
            )}
          </fieldset>
        ))}
      </>
    );
  }
  const figure = (n: number | null) => (n === null ? '—' : number(n));
  return (
    <div className="table-scroll">
      <table className="ds-table" data-border="true">
        <caption>{t('results.report.indicatorsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.column.indicator')}</th>
            <th scope="col">{t('results.column.baseline')}</th>
            <th scope="col">{t('results.column.target')}</th>
            <th scope="col">{t('results.column.actual')}</th>
          </tr>
        </thead>
        <tbody>
          {report.indicators.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.description}</th>
              <td>{i.baseline}</td>
              <td>{i.target}</td>
              <td>
                {i.kind === 'people'
                  ? t('results.actual.byGender', { total: figure(i.actual.total), women: figure(i.actual.women), men: figure(i.actual.men), other: figure(i.actual.other) })
                  : i.kind === 'number'
                    ? figure(i.actual.value)
                    : i.actual.valueText || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
