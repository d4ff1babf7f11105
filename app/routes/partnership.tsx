import { useLoaderData } from 'react-router';
import { getRecordHistory } from '../../core/audit/get-record-history.ts';
import { getPublicPartnershipPage } from '../../core/partnerships/get-public-partnership-page.ts';
import { getPartnershipParticipantCounts } from '../../core/partnerships/get-partnership-participant-counts.ts';
import { mayNominate } from '../../core/participants/list-nomination-flows.ts';
import { paymentStageIds } from '../../core/finance/payment-stage-ids.ts';
import { codeLabels } from '../../core/reference/code-labels.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { AgreementChain } from '../partnerships/agreement-chain.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { PlanBalanceTable } from '../partnerships/plan-balance-table.tsx';
import { ParticipantCountsTable } from '../partnerships/participant-counts-table.tsx';
import { RecordHistory } from '../audit/record-history.tsx';
import { PartnershipResultsSection } from '../results/partnership-results.tsx';
import { PublishedLessonsSection } from '../results/published-lessons.tsx';
import { shapeMessage } from '../partnerships/shape-name.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/partnership';

/**
 * Public page of a running or finished partnership: partners, SDGs, the agreement chain with each
 * round's plan, planned versus actual exchanges, and people per partner sent and received by stage
 * (counts only; partners out of balance named to the agency). Its partners' coordinators get the link
 * to nominate someone. Drafts and applications are "not found".
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    // What everyone sees alike (kept between writes), then what depends on who asks, read at once
    // (on PostgreSQL's pool); the people counts from the chain already read.
    const { partnership, chain, results, lessons } = await getPublicPartnershipPage(context.core, { partnershipId: params.id });
    const partnershipId = partnership.id;
    const [history, canNominate, paymentStages, people] = await Promise.all([
      getRecordHistory(context.core, { recordType: 'partnership', recordId: partnershipId }),
      mayNominate(context.core, { partnershipId }),
      paymentStageIds(context.core, { partnershipId }),
      getPartnershipParticipantCounts(context.core, { partnershipId, chain }),
    ]);
    const locale = translatorFor(params.lang).locale;
    return {
      partnership,
      chain,
      people,
      canNominate,
      paymentStages,
      results,
      lessons,
      sector: partnership.sectorCode ? codeLabels('Sector', [partnership.sectorCode], locale)[0]! : null,
      sdgs: codeLabels('UNSDG-Goals', partnership.sdgGoals, locale),
      history: history.map((e) => ({ ...e, at: e.at.toISOString() })),
    };
  });
}

export default function Partnership() {
  const { partnership: p, chain, people, canNominate, paymentStages, results, lessons, sector, sdgs, history } = useLoaderData<typeof loader>();
  const { t, country, date, locale } = useI18n();
  const names = new Map(chain.partners.map((o) => [o.id, o.name]));
  return (
    <>
      <PageHeading title={p.title} />
      {canNominate ? (
        <p className="ds-paragraph">
          <a className="ds-link" href={`/${locale}/partnerships/${p.id}/nominate`}>
            {t('partnershipPeople.nominateLink')}
          </a>
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('organisation.partnership.shape')}</dt>
        <dd>{t(shapeMessage[p.shape])}</dd>
        <dt>{t('partnerships.programme')}</dt>
        <dd>{p.programme}</dd>
        {sector ? (
          <>
            <dt>{t('organisation.field.sector')}</dt>
            <dd lang={sector.lang === locale ? undefined : sector.lang}>{sector.name}</dd>
          </>
        ) : null}
        {sdgs.length > 0 ? (
          <>
            <dt>{t('chain.sdgs')}</dt>
            <dd>
              <ul className="plain-list">
                {sdgs.map((g) => (
                  <li key={g.code} lang={g.lang === locale ? undefined : g.lang}>
                    {g.name}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {p.startsOn && p.endsOn ? (
          <>
            <dt>{t('organisation.partnership.period')}</dt>
            <dd>{t('organisation.partnership.between', { from: date(p.startsOn), to: date(p.endsOn) })}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="partners-title">
        <h2 id="partners-title" className="ds-heading" data-size="sm">
          {t('partnerships.column.partners')}
        </h2>
        <DataTable columns={[{ label: t('organisations.column.name') }, { label: t('organisations.column.country') }, { label: t('organisations.column.city') }, { label: t('partnerships.role') }]}>
          {p.partners.map((o) => (
            <tr key={o.id}>
              <th scope="row">
                <a className="ds-link" href={`/${locale}/organisations/${o.id}`}>
                  {o.name}
                </a>
              </th>
              <td>{country(o.countryCode) ?? o.countryCode}</td>
              <td>{o.city}</td>
              <td>{o.coordinator ? t('partnerships.coordinator') : t('partnerships.partner')}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <AgreementChain stages={chain.stages} names={names} paymentsHref={(stageId) => (paymentStages.includes(stageId) ? `/${locale}/partnerships/${p.id}/stages/${stageId}/payments` : null)} />
      {chain.stages.length > 0 || chain.balance.hasActual ? <PlanBalanceTable balance={chain.balance} names={names} /> : null}
      <ParticipantCountsTable counts={people} />
      <PartnershipResultsSection results={results} />
      <PublishedLessonsSection lessons={lessons} />
      <RecordHistory entries={history} recordType="partnership" recordId={p.id} />
    </>
  );
}
