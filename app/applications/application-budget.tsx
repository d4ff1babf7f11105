import type { LocalEquivalent, StoredRoundBudget } from '../../core/unit-costs/get-application-budget.ts';
import { bandLabel } from '../unit-costs/unit-cost-labels.ts';
import { DataTable } from '../ui/data-table.tsx';
import { useI18n } from '../ui/i18n-context.tsx';

/**
 * An application's budget per round, computed from its plan and the programme's published unit costs:
 * each flow with the distance between the two places, then each partner's lines (quantity, unit cost,
 * amount) and totals. A line without an amount says why instead of showing a guess.
 */
/** A round as the page loads it: the stored version, its time as an ISO instant. */
export type PageRoundBudget = Omit<StoredRoundBudget, 'version'> & { version: Omit<StoredRoundBudget['version'], 'computedAt'> & { computedAt: string } };

export function ApplicationBudget({ rounds, partners }: { rounds: PageRoundBudget[]; partners: { organisationId: string; legalName: string }[] }) {
  const i18n = useI18n();
  const { t, money, number, decimal, dateTime, date } = i18n;
  const equivalent = (e: LocalEquivalent | undefined) =>
    e ? t('budgets.equivalent', { amount: money(e.amountMinor, e.currency), currency: e.currency, rate: decimal(e.rate.nokPerUnit), source: e.rate.source, date: date(e.rate.date) }) : null;
  const name = (id: string) => partners.find((p) => p.organisationId === id)?.legalName ?? id;
  if (rounds.length === 0) return <p className="ds-paragraph">{t('budget.none')}</p>;
  return (
    <>
      {rounds.map((round) => {
        const flowOf = new Map(round.flows.map((f) => [f.id, f]));
        return (
          <section key={round.round} aria-labelledby={`budget-round-${round.round}`}>
            <h3 id={`budget-round-${round.round}`} className="ds-heading" data-size="xs">
              {t('budget.round', { round: round.round, year: String(round.year) })}
            </h3>
            <p className="ds-paragraph" data-size="sm">
              {t('budgets.version', { number: round.version.number, when: dateTime(round.version.computedAt), cause: t(`budgets.cause.${round.version.cause}`) })}
            </p>
            <ul className="ds-list" data-size="sm">
              {round.flows.map((f) => (
                <li key={f.id}>
                  {t('budget.flow', {
                    from: f.from,
                    to: f.to,
                    participants: f.participants,
                    months: f.months,
                    distance: f.distance ? t('budget.distance', { km: f.distance.km, band: bandLabel(i18n, f.distance.band) }) : t('budget.distanceUnknown'),
                  })}
                </li>
              ))}
            </ul>
            {!round.budget ? (
              <p className="ds-paragraph">{t('budget.noTable', { year: String(round.year) })}</p>
            ) : (
              <>
                <p className="ds-paragraph" data-size="sm">
                  {t('budget.tableVersion', { version: round.table!.version, year: String(round.year) })}
                </p>
                {round.budget.problems > 0 ? (
                  <p className="ds-alert" data-color="warning">
                    {t('budget.problems', { count: round.budget.problems })}
                  </p>
                ) : null}
                <DataTable
                  columns={[
                    { label: t('budget.column.line') },
                    { label: t('budget.column.quantity'), numeric: true },
                    { label: t('budget.column.unitCost'), numeric: true },
                    { label: t('budget.column.amount'), numeric: true },
                  ]}
                >
                  {round.budget.partners.flatMap((p) => [
                    <tr key={`${p.organisationId}-head`}>
                      <th scope="rowgroup" colSpan={4}>
                        {name(p.organisationId)}
                      </th>
                    </tr>,
                    ...round
                      .budget!.lines.filter((l) => l.organisationId === p.organisationId)
                      .map((l, i) => {
                        const flow = l.flowId ? flowOf.get(l.flowId) : undefined;
                        return (
                          <tr key={`${p.organisationId}-${i}`}>
                            <td>
                              {l.other ? (
                                <>
                                  {`${t('budget.kind.other')}: ${l.other.label}`}
                                  <br />
                                  <span className="ds-paragraph" data-size="sm">
                                    {t('budgets.otherLine.justification', { text: l.other.justification })}
                                  </span>
                                </>
                              ) : (
                                t(`budget.kind.${l.kind}`)
                              )}
                              {flow ? (
                                <>
                                  <br />
                                  <span className="ds-paragraph" data-size="sm">
                                    {t('budget.flowShort', { from: flow.from, to: flow.to })}
                                  </span>
                                </>
                              ) : null}
                              {l.problem ? (
                                <>
                                  <br />
                                  <span className="ds-paragraph" data-size="sm">
                                    {t(`budget.problem.${l.problem}`)}
                                  </span>
                                </>
                              ) : null}
                            </td>
                            <td className="numeric">{number(l.quantity)}</td>
                            <td className="numeric">{l.share ? t('budget.shareOf', { share: l.share.basisPoints / 10_000, base: money(l.share.baseMinor, round.budget!.currency) }) : l.unitCostMinor === null ? '—' : money(l.unitCostMinor, round.budget!.currency)}</td>
                            <td className="numeric">{l.amountMinor === null ? '—' : money(l.amountMinor, round.budget!.currency)}</td>
                          </tr>
                        );
                      }),
                    <PartnerTotal key={`${p.organisationId}-total`} name={name(p.organisationId)} total={money(p.totalMinor, round.budget!.currency)} equivalent={equivalent(round.equivalents.find((e) => e.organisationId === p.organisationId))} />,
                  ])}
                  <tr>
                    <th scope="row" colSpan={3}>
                      {t('budget.roundTotal', { round: round.round })}
                    </th>
                    <td className="numeric">
                      <strong>{money(round.budget.totalMinor, round.budget.currency)}</strong>
                    </td>
                  </tr>
                </DataTable>
              </>
            )}
          </section>
        );
      })}
    </>
  );
}

/** A partner's total in a round, with its local equivalent when there is one. */
function PartnerTotal({ name, total, equivalent }: { name: string; total: string; equivalent: string | null }) {
  const { t } = useI18n();
  return (
    <tr>
      <th scope="row" colSpan={3}>
        {t('budget.partnerTotal', { name })}
      </th>
      <td className="numeric">
        <strong>{total}</strong>
        {equivalent ? (
          <>
            <br />
            <span className="ds-paragraph" data-size="sm" title={t('budgets.equivalentHint')}>
              {equivalent}
            </span>
          </>
        ) : null}
      </td>
    </tr>
  );
}
