import type { PartnershipResults } from '../../core/results/get-partnership-results.ts';
import { BarChart } from '../ui/bar-chart.tsx';
import { useI18n } from '../ui/i18n-context.tsx';

/**
 * The partnership's results framework on its page: each goal with its indicators, and per indicator its
 * baseline, target and the accepted actuals per round in a small table; a numeric indicator also as a bar
 * chart drawn on the server (baseline, each round, target).
 */
export function PartnershipResultsSection({ results }: { results: PartnershipResults }) {
  const { t, number, date } = useI18n();
  if (results.goals.length === 0) return null;
  const figure = (n: number | null) => (n === null ? '—' : number(n));
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title" className="ds-heading" data-size="sm">
        {t('results.partnership.title')}
      </h2>
      <p className="ds-paragraph">{t('results.partnership.intro')}</p>
      {results.goals.map((goal) => (
        <div key={goal.id} className="goal">
          <h3 className="ds-heading" data-size="xs">
            {goal.organisationName ? t('results.partnership.goalOf', { partner: goal.organisationName, goal: goal.description }) : t('results.partnership.sharedGoal', { goal: goal.description })}
          </h3>
          {goal.indicators.map((i) => {
            const numeric = i.kind !== 'text' && i.baselineValue !== null && i.targetValue !== null;
            return (
              <div key={i.id} className="indicator-results">
                <h4 className="ds-heading" data-size="2xs">
                  {i.description}
                </h4>
                <p className="ds-paragraph" data-size="sm">
                  {t('results.partnership.baselineTarget', { baseline: i.baseline, target: i.target })}
                  {i.level ? ` · ${t(`results.level.${i.level}`)}` : ''}
                  {i.kind === 'people' ? ` · ${t('results.indicator.people')}` : ''}
                  {i.sdgTargets.length ? ` · ${t('results.indicator.sdgList', { targets: i.sdgTargets.join(', ') })}` : ''}
                </p>
                {i.points.length === 0 ? (
                  <p className="ds-paragraph" data-size="sm">
                    {t('results.partnership.noActuals')}
                  </p>
                ) : (
                  <>
                    {numeric ? (
                      <BarChart
                        id={`indicator-${i.id}`}
                        title={t('results.partnership.chartTitle', { indicator: i.description })}
                        description={t('results.partnership.chartDescription')}
                        series={[{ label: t('results.column.value'), tone: 'base' }]}
                        rows={[
                          { label: t('results.column.baseline'), values: [Math.max(0, i.baselineValue!)] },
                          ...i.points.map((p) => ({ label: t('results.partnership.round', { round: p.roundNumber }), values: [Math.max(0, p.value ?? 0)] })),
                          { label: t('results.column.target'), values: [Math.max(0, i.targetValue!)] },
                        ]}
                        format={number}
                      />
                    ) : null}
                    <div className="table-scroll">
                      <table className="ds-table" data-border="true">
                        <caption>{t('results.partnership.tableCaption', { indicator: i.description })}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t('results.column.round')}</th>
                            <th scope="col">{t('results.column.period')}</th>
                            <th scope="col">{t('results.column.actual')}</th>
                            {i.kind === 'people' ? (
                              <>
                                <th scope="col" className="numeric">{t('results.figure.women')}</th>
                                <th scope="col" className="numeric">{t('results.figure.men')}</th>
                                <th scope="col" className="numeric">{t('results.figure.other')}</th>
                              </>
                            ) : null}
                            <th scope="col">{t('results.column.reportedBy')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {i.points.map((p) => (
                            <tr key={p.stageId}>
                              <th scope="row">{number(p.roundNumber)}</th>
                              <td>{t('results.report.periodValue', { from: date(p.periodStart), to: date(p.periodEnd) })}</td>
                              <td>
                                {i.kind === 'text' ? p.partners.map((x) => x.valueText).filter(Boolean).join(' · ') || '—' : figure(p.value)}
                                {p.reachesTarget ? ` (${t('results.partnership.reached')})` : ''}
                              </td>
                              {i.kind === 'people' ? (
                                <>
                                  <td className="numeric">{figure(p.women)}</td>
                                  <td className="numeric">{figure(p.men)}</td>
                                  <td className="numeric">{figure(p.other)}</td>
                                </>
                              ) : null}
                              <td>{p.partners.map((x) => x.name).join(', ')}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </section>
  );
}
