import { data, redirect, useActionData, useLoaderData } from 'react-router';
import { APPLICATION_SECTIONS } from '../../core/applications/application-sections.ts';
import { getApplication } from '../../core/applications/get-application.ts';
import { getApplicationReview } from '../../core/applications/get-application-review.ts';
import type { ApplicationStatus } from '../../core/partnerships/application-status.ts';
import { reviewMoves } from '../../core/applications/review-moves.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import { runReviewAction, type ReviewResult } from '../applications/review-actions.server.ts';
import { CommentsPanel } from '../applications/review/comments-panel.tsx';
import { DecisionForms } from '../applications/review/decision-forms.tsx';
import { ScoresPanel } from '../applications/review/scores-panel.tsx';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { PageHeading } from '../ui/page-heading.tsx';
import { SuccessNotice } from '../ui/success-notice.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/application-review';
import { readForm } from '../ui/read-form.server.ts';
import { isMessageKey } from '../../i18n/catalogs.ts';
import { getApplicationBudget } from '../../core/unit-costs/get-application-budget.ts';

/** The agency's review of one application: scores, internal comments and the decision. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const review = await getApplicationReview(context.core, { applicationId: params.id });
    const [detail, budget] = await Promise.all([getApplication(context.core, { applicationId: params.id }), getApplicationBudget(context.core, { applicationId: params.id })]);
    // A round's approval commits its budget: the form starts from the round budget computed from the plan, in whole kroner (rounded up).
    const computed = budget.rounds.filter((r) => r.budget).map((r) => r.budget!.totalMinor);
    const suggestedAmount = detail.call.stage === 'round' && computed.length > 0 ? String(Math.ceil(computed.reduce((a, b) => a + b, 0) / 100)) : undefined;
    const budgetMinor = computed.reduce((a, b) => a + b, 0);
    return { detail, review, suggestedAmount, budgetMinor, moves: reviewMoves(context.core.actor, detail.application.status as ApplicationStatus), saved: new URL(request.url).searchParams.get('saved') };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const outcome = await runReviewAction({ ctx: context.core, t, id: params.id, form: await readForm(request) });
    if ('errors' in outcome) return data(outcome, { status: outcome.status });
    return redirect(`/${t.locale}/applications/${params.id}/review?saved=${outcome.saved}`);
  });
}

export default function ApplicationReview() {
  const { detail, review, moves, saved, suggestedAmount, budgetMinor } = useLoaderData<typeof loader>();
  const result = useActionData<ReviewResult>();
  const { t, locale, money } = useI18n();
  const a = detail.application;
  const errors = result?.errors ?? [];
  return (
    <>
      <PageHeading title={t('review.title', { title: a.title })} />
      <p className="ds-paragraph">
        {t('review.status', { status: t(`applicationStatus.${a.status}` as MessageKey) })}{' '}
        <a className="ds-link" href={`/${locale}/applications/${a.id}`}>
          {t('review.readApplication')}
        </a>
      </p>
      <SuccessNotice text={saved && errors.length === 0 && isMessageKey(`review.done.${saved}`) ? t(`review.done.${saved}` as MessageKey) : null} />
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      <ScoresPanel review={review} canScore={moves.canScore} errors={errors} />
      <CommentsPanel comments={review.comments} canComment={moves.canComment} errors={errors} values={result?.values} />
      {a.status === 'in_review' ? (
        <p className="ds-paragraph" id="reservation">
          {review.reservedMinor > 0
            ? t('finance.reservation.held', { amount: money(review.reservedMinor, detail.call.currency) })
            : budgetMinor > 0
              ? t('finance.reservation.short', { needed: money(budgetMinor, detail.call.currency) })
              : t('finance.reservation.none')}
        </p>
      ) : null}
      <DecisionForms next={moves.next} errors={errors} values={result?.values} sections={APPLICATION_SECTIONS} stage={detail.call.stage} fundsUsedBy={result?.fundsUsedBy} suggestedAmount={suggestedAmount} />
    </>
  );
}
