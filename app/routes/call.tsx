import { useLoaderData, useSearchParams } from 'react-router';
import { continuationChoices } from '../../core/applications/continuation-choices.ts';
import { getCall } from '../../core/calls/get-call.ts';
import { can } from '../../core/identity/permissions.ts';
import { guarded } from '../auth/guard.server.ts';
import { stageMessage } from '../calls/call-labels.ts';
import { DataTable } from '../ui/data-table.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { PhaseTag } from '../calls/phase-tag.tsx';
import { ProgrammeRules } from '../programmes/programme-rules.tsx';
import { SuccessNotice } from '../ui/success-notice.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import type { MessageKey } from '../../i18n/catalogs.ts';
import type { Route } from './+types/call';

/** A call's public page: what it funds, until when, how applications are scored, and the programme's rules. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const page = await getCall(context.core, { callId: params.id });
    // A coordinator sees which of their partnerships can continue into a call for a later stage, and why not.
    const continuations = page.phase === 'open' && page.call.stage !== 'feasibility' && can(context.core.actor, 'application:create') ? await continuationChoices(context.core, { callId: page.call.id }) : null;
    return { ...page, canManage: can(context.core.actor, 'call:manage'), continuations };
  });
}

export default function Call() {
  const { call, programme, criteria, phase, canManage, continuations } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const { t, locale, date, money, number } = useI18n();
  const notice = search.has('created') ? t('call.created') : search.has('saved') ? t('call.saved') : null;
  return (
    <>
      <PageHeading title={call.title} />
      <SuccessNotice text={notice} />
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/calls`}>
          {t('call.backToList')}
        </a>
        {canManage ? (
          <>
            {' · '}
            <a className="ds-link" href={`/${locale}/admin/calls/${call.id}/edit`}>
              {t('call.edit')}
            </a>
          </>
        ) : null}
      </p>
      <dl className="facts">
        <dt>{t('calls.column.phase')}</dt>
        <dd>
          <PhaseTag phase={phase} />
        </dd>
        <dt>{t('calls.column.programme')}</dt>
        <dd>{programme.name}</dd>
        <dt>{t('calls.column.stage')}</dt>
        <dd>{t(stageMessage[call.stage])}</dd>
        <dt>{t('calls.column.opens')}</dt>
        <dd>{date(call.opensOn)}</dd>
        <dt>{t('calls.column.deadline')}</dt>
        <dd>{t('calls.deadlineUntil', { date: date(call.deadline) })}</dd>
        <dt>{t('calls.column.ceiling')}</dt>
        <dd>{money(call.budgetCeilingMinor, call.currency)}</dd>
      </dl>
      {phase === 'open' ? (
        <p className="ds-paragraph">
          <a className="ds-button" data-variant="primary" href={`/${locale}/applications/new?call=${call.id}`}>
            {t('call.apply')}
          </a>
        </p>
      ) : (
        <p className="ds-paragraph">{phase === 'upcoming' ? t('call.applyUpcoming', { date: date(call.opensOn) }) : t('call.applyClosed')}</p>
      )}

      {continuations ? (
        <section aria-labelledby="continue-title">
          <h2 id="continue-title" className="ds-heading" data-size="sm">
            {t('call.continue.heading')}
          </h2>
          <p className="ds-paragraph">{t('call.continue.lead')}</p>
          {continuations.can.length > 0 ? (
            <ul className="ds-list">
              {continuations.can.map((p) => (
                <li key={p.id}>
                  <a className="ds-link" href={`/${locale}/applications/new?call=${call.id}&partnership=${p.id}`}>
                    {t('call.continue.link', { partnership: p.title })}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p className="ds-paragraph">{t('application.new.noContinuation')}</p>
          )}
          {continuations.cannot.length > 0 ? (
            <>
              <h3 className="ds-heading" data-size="xs">
                {t('application.new.cannotContinue')}
              </h3>
              <ul className="ds-list">
                {continuations.cannot.map((p) => (
                  <li key={p.id}>{t(`error.${p.problem.code}` as MessageKey, p.problem.params)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="priorities-title">
        <h2 id="priorities-title" className="ds-heading" data-size="sm">
          {t('call.priorities')}
        </h2>
        {call.priorities.length ? (
          <ul className="ds-list">
            {call.priorities.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : (
          <p className="ds-paragraph">{t('call.noPriorities')}</p>
        )}
      </section>

      <section aria-labelledby="criteria-title">
        <h2 id="criteria-title" className="ds-heading" data-size="sm">
          {t('call.criteria.title')}
        </h2>
        <p className="ds-paragraph">{t('call.criteria.intro')}</p>
        <DataTable columns={[{ label: t('call.criteria.name') }, { label: t('call.criteria.weight'), numeric: true }]}>
          {criteria.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name}</th>
              <td className="numeric">{number(c.weight)}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <ProgrammeRules programme={programme} />
    </>
  );
}
