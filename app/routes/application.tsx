import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { confirmApplicationPartner } from '../../core/applications/confirm-application-partner.ts';
import { getApplication } from '../../core/applications/get-application.ts';
import { withdrawApplication } from '../../core/applications/withdraw-application.ts';
import { getRecordHistory } from '../../core/audit/get-record-history.ts';
import { DomainError } from '../../core/errors.ts';
import { can } from '../../core/identity/permissions.ts';
import { sdgGoalName } from '../../core/reference/code-labels.ts';
import { codeName, codelist } from '../../core/reference/codelists.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import { ApplicationSummary } from '../applications/application-summary.tsx';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { DataTable } from '../ui/data-table.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { RecordHistory } from '../audit/record-history.tsx';
import { shapeMessage } from '../partnerships/shape-name.ts';
import { SuccessNotice } from '../ui/success-notice.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldError, type FieldError } from '../ui/field-errors.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/application';
import { readForm } from '../ui/read-form.server.ts';
import { isMessageKey } from '../../i18n/catalogs.ts';
import { getApplicationBudget } from '../../core/unit-costs/get-application-budget.ts';
import { ApplicationBudget } from '../applications/application-budget.tsx';
import { BudgetHistory } from '../budgets/budget-history.tsx';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const detail = await getApplication(context.core, { applicationId: params.id });
    const locale = translatorFor(params.lang).locale;
    const a = detail.application;
    const sector = a.sectorCode ? codelist('Sector').find((c) => c.code === a.sectorCode) : undefined;
    const goals = codelist('UNSDG-Goals').filter((g) => a.sdgGoals.includes(g.code)).map((g) => sdgGoalName(g.code, locale) ?? codeName(g, locale));
    const [history, budget] = await Promise.all([getRecordHistory(context.core, { recordType: 'application', recordId: a.id }), getApplicationBudget(context.core, { applicationId: a.id })]);
    return {
      detail,
      budget: budget.rounds.map((r) => ({ ...r, version: { ...r.version, computedAt: r.version.computedAt.toISOString() } })),
      budgetHistory: budget.history.map((e) => ({ ...e, computedAt: e.computedAt.toISOString() })),
      // A sector name the IATI list has only in English is marked as English (lang).
      names: { sector: sector ? `${sector.code} ${codeName(sector, locale)}` : null, sectorLang: sector && !sector.names[locale] ? 'en' : undefined, goals },
      canReview: can(context.core.actor, 'application:read-internal'),
      canWithdraw: ['draft', 'submitted', 'returned'].includes(a.status) && can(context.core.actor, 'application:edit', { organisationId: a.coordinatorOrganisationId }),
      saved: new URL(request.url).searchParams.get('saved'),
      history: history.map((e) => ({ ...e, at: e.at.toISOString() })),
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const intent = String(form.get('intent') ?? '');
    try {
      if (intent === 'confirm') await confirmApplicationPartner(context.core, { applicationId: params.id, organisationId: String(form.get('organisationId') ?? '') });
      else if (intent === 'withdraw') await withdrawApplication(context.core, { applicationId: params.id });
      else return data({ errors: [{ field: 'form', message: t.t('error.invalid') }] }, { status: 400 });
    } catch (error) {
      if (error instanceof DomainError && error.status === 409) return data({ errors: [domainFieldError(t, error)] }, { status: 409 });
      throw error;
    }
    return redirect(`/${t.locale}/applications/${params.id}?saved=${intent}`);
  });
}

/** The application for everyone who may read it: partners confirm here; the coordinator edits or withdraws. */
export default function ApplicationPage() {
  const { detail, budget, budgetHistory, names, canReview, canWithdraw, saved, history } = useLoaderData<typeof loader>();
  const result = useActionData<{ errors: FieldError[] }>();
  const { t, locale, country, date } = useI18n();
  const a = detail.application;
  return (
    <>
      <PageHeading title={a.title} />
      <SuccessNotice text={saved && !result?.errors.length && isMessageKey(`application.done.${saved}`) ? t(`application.done.${saved}` as MessageKey) : null} />
      <ErrorSummary heading={t('form.errorSummary')} errors={result?.errors ?? []} />
      <dl className="facts">
        <dt>{t('application.field.status')}</dt>
        <dd>
          <span className="ds-tag" data-color="info">
            {t(`applicationStatus.${a.status}` as MessageKey)}
          </span>
        </dd>
        <dt>{t('application.field.call')}</dt>
        <dd>
          <a className="ds-link" href={`/${locale}/calls/${detail.call.id}`}>
            {detail.call.title}
          </a>
        </dd>
        <dt>{t('application.field.shape')}</dt>
        <dd>{a.shape ? t(shapeMessage[a.shape]) : t('application.notGiven')}</dd>
        {a.submittedAt ? (
          <>
            <dt>{t('application.field.submittedAt')}</dt>
            <dd>{date(a.submittedAt, 'long')}</dd>
          </>
        ) : null}
        {a.decisionReason ? (
          <>
            <dt>{t('application.field.decisionReason')}</dt>
            <dd className="preserve-lines">{a.decisionReason}</dd>
          </>
        ) : null}
        {a.partnershipId ? (
          <>
            <dt>{t('application.field.partnership')}</dt>
            <dd>
              <a className="ds-link" href={`/${locale}/partnerships/${a.partnershipId}`}>
                {t('application.partnershipLink')}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <div className="action-row">
        {detail.canEdit ? (
          <a className="ds-button" data-variant="primary" href={`/${locale}/applications/${a.id}/edit/basics`}>
            {t('application.edit')}
          </a>
        ) : null}
        {!detail.canEdit && detail.canEditGoalsOf.length > 0 ? (
          <a className="ds-button" data-variant="secondary" href={`/${locale}/applications/${a.id}/edit/goals`}>
            {t('application.goals.editOwn', { partner: detail.partners.filter((p) => detail.canEditGoalsOf.includes(p.organisationId)).map((p) => p.legalName).join(', ') })}
          </a>
        ) : null}
        {canReview ? (
          <a className="ds-button" data-variant="primary" href={`/${locale}/applications/${a.id}/review`}>
            {t('application.reviewLink')}
          </a>
        ) : null}
        {canWithdraw ? (
          <Form method="post">
            <button type="submit" name="intent" value="withdraw" className="ds-button" data-variant="secondary">
              {t('application.withdraw')}
            </button>
          </Form>
        ) : null}
      </div>
      <section aria-labelledby="section-partners">
        <h2 id="section-partners" className="ds-heading" data-size="sm">
          {t('application.step.partners')}
        </h2>
        <DataTable columns={[{ label: t('application.partners.column.name') }, { label: t('application.partners.column.country') }, { label: t('application.partners.column.role') }, { label: t('application.partners.column.confirmed') }]}>
          {detail.partners.map((p) => (
            <tr key={p.organisationId}>
              <th scope="row">{p.legalName}</th>
              <td>{country(p.countryCode) ?? p.countryCode}</td>
              <td>{p.isCoordinator ? t('application.partners.coordinator') : t('application.partners.partner')}</td>
              <td>
                {p.confirmedAt ? (
                  t('application.partners.confirmedOn', { date: date(p.confirmedAt, 'medium') })
                ) : detail.canConfirmFor.includes(p.organisationId) ? (
                  <Form method="post">
                    <input type="hidden" name="organisationId" value={p.organisationId} />
                    <button type="submit" name="intent" value="confirm" className="ds-button" data-variant="primary" data-size="sm">
                      {t('application.partners.confirm', { name: p.legalName })}
                    </button>
                  </Form>
                ) : (
                  t('application.partners.confirmedNo')
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
      <ApplicationSummary detail={detail} names={names} />
      <section aria-labelledby="section-budget">
        <h2 id="section-budget" className="ds-heading" data-size="sm">
          {t('budget.title')}
        </h2>
        <p className="ds-paragraph" data-size="sm">
          {t('budgets.intro')}
        </p>
        <ul className="ds-list" data-size="sm">
          <li>
            <a className="ds-link" href={`/${locale}/applications/${a.id}/budget/other-lines`}>
              {t('budgets.otherLines.link')}
            </a>
          </li>
          <li>
            <a className="ds-link" href={`/${locale}/applications/${a.id}/budget.xlsx`} download>
              {t('budgets.export.xlsx')}
            </a>
          </li>
          <li>
            <a className="ds-link" href={`/${locale}/applications/${a.id}/budget.csv`} download>
              {t('budgets.export.csv')}
            </a>
          </li>
        </ul>
        <ApplicationBudget rounds={budget} partners={detail.partners} />
        <BudgetHistory entries={budgetHistory} />
      </section>
      {detail.attachments.length > 0 ? (
        <section aria-labelledby="section-attachments">
          <h2 id="section-attachments" className="ds-heading" data-size="sm">
            {t('application.attachments.heading')}
          </h2>
          <ul className="ds-list">
            {detail.attachments.map((f) => (
              <li key={f.id}>
                <a className="ds-link" href={`/${locale}/applications/${a.id}/attachments/${f.id}`}>
                  {f.fileName}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <RecordHistory entries={history} recordType="application" recordId={a.id} />
    </>
  );
}
