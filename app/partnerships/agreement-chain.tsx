import type { ChainStage } from '../../core/partnerships/get-partnership-chain.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import { PlanMatrixTable } from './plan-matrix-table.tsx';

/** The agreement chain as an ordered list: each stage with its period, amount ceiling, call and plans. */
export function AgreementChain({ stages, names, paymentsHref }: { stages: ChainStage[]; names: Map<string, string>; paymentsHref?: (stageId: string) => string | null }) {
  const { t, date, money } = useI18n();
  const stageName = (s: ChainStage) =>
    s.kind === 'round' ? t('chain.kind.round', { round: s.roundNumber ?? 0 }) : s.kind === 'agreement' ? t('chain.kind.agreement') : t('chain.kind.feasibility');
  return (
    <section aria-labelledby="chain-title">
      <h2 id="chain-title" className="ds-heading" data-size="sm">
        {t('chain.title')}
      </h2>
      {stages.length === 0 ? (
        <p className="ds-paragraph">{t('chain.empty')}</p>
      ) : (
        <>
          <p className="ds-paragraph">{t('chain.lead')}</p>
          <ol className="chain">
            {stages.map((s) => (
              <li key={s.id} className="chain__stage">
                <h3 className="ds-heading" data-size="xs">
                  {stageName(s)}
                </h3>
                <dl className="facts">
                  <dt>{t('organisation.partnership.period')}</dt>
                  <dd>{t('organisation.partnership.between', { from: date(s.startsOn, 'medium'), to: date(s.endsOn, 'medium') })}</dd>
                  <dt>{t('chain.amountCeiling')}</dt>
                  <dd>{money(s.amountCeilingMinor, s.currency)}</dd>
                  <dt>{t('chain.call')}</dt>
                  <dd>{s.callTitle}</dd>
                </dl>
                {paymentsHref?.(s.id) ? (
                  <p className="ds-paragraph">
                    <a className="ds-link" href={paymentsHref(s.id)!}>
                      {t('tranches.payments.link', { stage: stageName(s) })}
                    </a>
                  </p>
                ) : null}
                {s.rounds.map((r) => (
                  <PlanMatrixTable key={r.round} matrix={r.matrix} names={names} caption={t('chain.matrix.caption', { stage: stageName(s), round: r.round })} />
                ))}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
