import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { getParticipantDetail, REPORT_KINDS } from '../../core/participants/get-participant-detail.ts';
import { catalogs, isMessageKey, type MessageKey } from '../../i18n/catalogs.ts';
import { isLocale } from '../../i18n/locales.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { EligibilityPanel } from '../participants/eligibility-panel.tsx';
import { MovesPanel } from '../participants/moves-panel.tsx';
import { runParticipantAction, type ParticipantActionResult } from '../participants/participant-actions.server.ts';
import { StatusHistoryTable } from '../participants/status-history-table.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { TextAreaField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import { SuccessNotice } from '../ui/success-notice.tsx';
import type { Route } from './+types/participant';

/**
 * One participant as coordinators and advisers see them (docs/architecture.md#participant-lifecycle):
 * details, the host's answer, going over the plan, eligibility with its exceptions, the moves this person
 * may make now, and the status history. Someone outside the participant's scope finds nothing (404).
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const detail = await getParticipantDetail(context.core, { participantId: params.id });
    const { participant: p } = detail;
    return {
      ...detail,
      participant: {
        ...p,
        hostDecidedAt: p.hostDecidedAt?.toISOString() ?? null,
        overPlanApprovedAt: p.overPlanApprovedAt?.toISOString() ?? null,
        statusHistory: p.statusHistory.map((h) => ({ ...h, at: h.at.toISOString() })),
      },
      saved: new URL(request.url).searchParams.get('saved'),
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const outcome = await runParticipantAction({ ctx: context.core, t, participantId: params.id, form: await readForm(request) });
    if ('errors' in outcome) return data(outcome, { status: outcome.status });
    return redirect(`/${t.locale}/participants/${params.id}?saved=${outcome.saved}`);
  });
}

export default function Participant() {
  const { participant: p, names, plan, eligibility, may, moves, saved } = useLoaderData<typeof loader>();
  const result = useActionData<ParticipantActionResult>();
  const { t, date, country, locale } = useI18n();
  const errors = result?.errors ?? [];
  const values = result?.values ?? {};
  const status = (s: string) => t(`participantStatus.${s}` as MessageKey);
  const savedKey = saved ? `participantPage.saved.${saved}` : '';
  const inPlan = plan ? t('participantPage.plan.counts', { planned: plan.planned, nominated: plan.nominated }) : null;
  return (
    <>
      <PageHeading title={`${p.givenName} ${p.familyName}`} />
      <p className="ds-paragraph">
        <strong>{t('participantPage.status', { status: status(p.status) })}</strong>
        {p.statusReason && (p.status === 'withdrawn' || p.status === 'ended_early') ? ` ${t('participantPage.statusReason', { reason: p.statusReason })}` : null}
      </p>
      <SuccessNotice text={errors.length === 0 && isMessageKey(savedKey) ? t(savedKey) : null} />
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      {errors.some((e) => e.field === 'form') ? <span id="form" /> : null}

      <section aria-labelledby="details-title">
        <h2 id="details-title" className="ds-heading" data-size="sm">
          {t('participantPage.details.title')}
        </h2>
        <dl className="facts">
          <dt>{t('participantPage.details.partnership')}</dt>
          <dd>
            <a className="ds-link" href={`/${locale}/partnerships/${p.partnershipId}`}>
              {names.partnershipTitle}
            </a>{' '}
            {t('participantPage.details.aside', { text: names.programmeName })}
          </dd>
          <dt>{t('participantPage.details.sending')}</dt>
          <dd>
            <a className="ds-link" href={`/${locale}/organisations/${p.homeOrganisationId}`}>
              {names.homeName}
            </a>{' '}
            {t('participantPage.details.aside', { text: country(names.homeCountry) ?? names.homeCountry })}
          </dd>
          <dt>{t('participantPage.details.host')}</dt>
          <dd>
            <a className="ds-link" href={`/${locale}/organisations/${p.hostOrganisationId}`}>
              {names.hostName}
            </a>{' '}
            {t('participantPage.details.aside', { text: country(names.hostCountry) ?? names.hostCountry })}
          </dd>
          <dt>{t('participantPage.details.profession')}</dt>
          <dd>{p.profession}</dd>
          <dt>{t('participantPage.details.birthDate')}</dt>
          <dd>{date(p.birthDate, 'medium')}</dd>
          <dt>{t('participantPage.details.gender')}</dt>
          <dd>{t(`nominate.gender.${p.gender}` as MessageKey)}</dd>
          {p.nationality ? (
            <>
              <dt>{t('participantPage.details.nationality')}</dt>
              <dd>{country(p.nationality) ?? p.nationality}</dd>
            </>
          ) : null}
          {p.residenceCountry ? (
            <>
              <dt>{t('participantPage.details.residence')}</dt>
              <dd>{country(p.residenceCountry) ?? p.residenceCountry}</dd>
            </>
          ) : null}
          {p.email ? (
            <>
              <dt>{t('participantPage.details.email')}</dt>
              <dd>{p.email}</dd>
            </>
          ) : null}
          <dt>{t('participantPage.details.planned')}</dt>
          <dd>{t('participantPage.details.between', { from: date(p.startsOn, 'medium'), to: date(p.endsOn, 'medium') })}</dd>
          {p.actualStartsOn ? (
            <>
              <dt>{t('participantPage.details.actualStart')}</dt>
              <dd>{date(p.actualStartsOn, 'medium')}</dd>
            </>
          ) : null}
          {p.actualEndsOn ? (
            <>
              <dt>{t('participantPage.details.actualEnd')}</dt>
              <dd>{date(p.actualEndsOn, 'medium')}</dd>
            </>
          ) : null}
          <dt>{t('participantPage.details.language')}</dt>
          <dd lang={p.locale}>{isLocale(p.locale) ? catalogs[p.locale]['language.name'] : p.locale}</dd>
          {inPlan ? (
            <>
              <dt>{t('participantPage.details.plan')}</dt>
              <dd>{inPlan}</dd>
            </>
          ) : null}
        </dl>
        <ul className="ds-list">
          <li>
            <a className="ds-link" href={`/${locale}/participants/${p.id}/documents`}>
              {t('participantPage.links.documents')}
            </a>
          </li>
          {REPORT_KINDS.map((kind) => (
            <li key={kind}>
              <a className="ds-link" href={`/${locale}/participants/${p.id}/reports/${kind}`}>
                {t(`participantPage.links.report.${kind}` as MessageKey)}
              </a>
            </li>
          ))}
          <li>
            <a className="ds-link" href={`/${locale}/incidents/new?participant=${p.id}`}>
              {t('participantPage.links.incident')}
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="host-title">
        <h2 id="host-title" className="ds-heading" data-size="sm">
          {t('participantPage.host.title')}
        </h2>
        <p className="ds-paragraph">
          {p.hostDecision === 'pending'
            ? t('participantPage.host.pending', { host: names.hostName })
            : p.hostDecision === 'accepted'
              ? t('participantPage.host.accepted', { host: names.hostName, date: p.hostDecidedAt ? date(p.hostDecidedAt, 'medium') : '' })
              : t('participantPage.host.declined', { host: names.hostName, reason: p.hostDeclineReason ?? '' })}
        </p>
        {may.decideAsHost ? (
          <div className="decision-forms">
            <Form method="post" className="form-grid panel" noValidate>
              <input type="hidden" name="intent" value="accept" />
              <input type="hidden" name="version" value={p.version} />
              <p className="ds-paragraph">{t('participantPage.host.acceptLead')}</p>
              <div className="form-grid__actions">
                <button type="submit" className="ds-button" data-variant="primary">
                  {t('participantPage.host.accept')}
                </button>
              </div>
            </Form>
            <Form method="post" className="form-grid panel" noValidate>
              <input type="hidden" name="intent" value="decline" />
              <input type="hidden" name="version" value={p.version} />
              <TextAreaField name="declineReason" label={t('participantPage.host.declineReason')} hint={t('participantPage.host.declineHint')} errors={errors} defaultValue={values.declineReason} rows={3} />
              <div className="form-grid__actions">
                <button type="submit" className="ds-button" data-variant="secondary">
                  {t('participantPage.host.decline')}
                </button>
              </div>
            </Form>
          </div>
        ) : null}
      </section>

      {p.overPlan ? (
        <section aria-labelledby="over-plan-title">
          <h2 id="over-plan-title" className="ds-heading" data-size="sm">
            {t('participantPage.overPlan.title')}
          </h2>
          {p.overPlanApprovedAt ? (
            <p className="ds-paragraph">{t('participantPage.overPlan.approved', { date: date(p.overPlanApprovedAt, 'medium'), reason: p.overPlanReason ?? '' })}</p>
          ) : (
            <div className="ds-alert" data-color="warning">
              <p className="ds-paragraph">{t('participantPage.overPlan.pending')}</p>
            </div>
          )}
          {may.approveOverPlan ? (
            <Form method="post" className="form-grid panel" noValidate>
              <input type="hidden" name="intent" value="over-plan" />
              <input type="hidden" name="version" value={p.version} />
              <TextAreaField name="overPlanReason" label={t('participantPage.overPlan.reason')} errors={errors} defaultValue={values.overPlanReason} rows={3} />
              <div className="form-grid__actions">
                <button type="submit" className="ds-button" data-variant="primary">
                  {t('participantPage.overPlan.submit')}
                </button>
              </div>
            </Form>
          ) : null}
        </section>
      ) : null}

      <EligibilityPanel eligibility={eligibility} canGrant={may.grantException} version={p.version} errors={errors} values={values} />
      <MovesPanel moves={moves} version={p.version} errors={errors} values={values} />
      <StatusHistoryTable entries={p.statusHistory} />
    </>
  );
}
