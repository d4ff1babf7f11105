import { data, redirect, useActionData, useLoaderData } from 'react-router';
import { searchPartnerCandidates } from '../../core/applications/search-partner-candidates.ts';
import { isApplicationStep } from '../../core/applications/application-sections.ts';
import { checkApplication } from '../../core/applications/check-application.ts';
import { getApplication } from '../../core/applications/get-application.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import { runStepAction, type StepResult } from '../applications/step-actions.server.ts';
import { focusOptions, indicatorTargetOptions } from '../applications/step-options.server.ts';
import { StepNav } from '../applications/step-nav.tsx';
import { BasicsStep } from '../applications/steps/basics-step.tsx';
import { EmergencyStep } from '../applications/steps/emergency-step.tsx';
import { FocusStep } from '../applications/steps/focus-step.tsx';
import { GoalsStep } from '../applications/steps/goals-step.tsx';
import { PartnersStep } from '../applications/steps/partners-step.tsx';
import { PlanStep } from '../applications/steps/plan-step.tsx';
import { SubmitStep } from '../applications/steps/submit-step.tsx';
import { RemarkNotice } from '../applications/remark-notice.tsx';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { PageHeading } from '../ui/page-heading.tsx';
import { SuccessNotice } from '../ui/success-notice.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/application-step';
import { readForm } from '../ui/read-form.server.ts';

/** One step of the application form, at its own address; each save is kept on the server as the draft. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    if (!isApplicationStep(params.step)) throw data(null, { status: 404 });
    const detail = await getApplication(context.core, { applicationId: params.id });
    const locale = translatorFor(params.lang).locale;
    // Someone who may read but not change it (a partner, the agency, or after submission) reads the overview;
    // a partner's coordinator writes that partner's own goals here (docs/decisions/006, addendum).
    const ownGoalsOnly = !detail.canEdit && params.step === 'goals' && detail.canEditGoalsOf.length > 0;
    if (!detail.canEdit && !ownGoalsOnly) throw redirect(`/${locale}/applications/${params.id}`);
    const url = new URL(request.url);
    const q = url.searchParams.get('q') ?? '';
    const problems = checkApplication(detail, new Date());
    return {
      step: params.step,
      detail,
      q,
      saved: url.searchParams.get('saved'),
      editingGoal: params.step === 'goals' ? url.searchParams.get('goal') : null,
      candidates: params.step === 'partners' ? await searchPartnerCandidates(context.core, { q }) : [],
      options: params.step === 'focus' ? focusOptions(locale) : null,
      targetOptions: params.step === 'goals' ? indicatorTargetOptions(locale, detail.application.sdgTargets, detail.goals.flatMap((g) => g.indicators.flatMap((i) => i.sdgTargets))) : [],
      problems: params.step === 'plan' ? problems.filter((p) => p.section === 'plan') : problems,
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    if (!isApplicationStep(params.step)) throw data(null, { status: 404 });
    return runStepAction({ ctx: context.core, t: translatorFor(params.lang), id: params.id, step: params.step, form: await readForm(request) });
  });
}

export default function ApplicationStepPage() {
  const { step, detail, q, saved, editingGoal, candidates, options, targetOptions, problems } = useLoaderData<typeof loader>();
  const result = useActionData<StepResult>();
  const { t } = useI18n();
  const errors = result?.errors ?? [];
  const stepName = t(`application.step.${step}` as MessageKey);
  return (
    <>
      <PageHeading title={t('application.step.heading', { step: stepName, title: detail.application.title })} />
      {detail.canEdit ? <StepNav id={detail.application.id} current={step} /> : null}
      <SuccessNotice text={saved && errors.length === 0 ? t('application.saved') : null} />
      <RemarkNotice remarks={detail.remarks.filter((r) => r.section === step)} />
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      {step === 'basics' ? <BasicsStep detail={detail} errors={errors} values={result?.values} /> : null}
      {step === 'partners' ? <PartnersStep detail={detail} errors={errors} q={q} candidates={candidates} /> : null}
      {step === 'focus' && options ? <FocusStep detail={detail} errors={errors} values={result?.values} options={options} /> : null}
      {step === 'goals' ? <GoalsStep detail={detail} errors={errors} values={result?.values} editing={editingGoal} targetOptions={targetOptions} /> : null}
      {step === 'plan' ? <PlanStep detail={detail} errors={errors} values={result?.values} problems={problems} /> : null}
      {step === 'emergency' ? <EmergencyStep detail={detail} errors={errors} values={result?.values} /> : null}
      {step === 'submit' ? <SubmitStep detail={detail} problems={result?.problems ?? problems} /> : null}
    </>
  );
}
