import { data, redirect } from 'react-router';
import type { ZodType } from 'zod';
import { addApplicationPartner } from '../../core/applications/add-application-partner.ts';
import { addAttachment } from '../../core/applications/add-attachment.ts';
import { removeAttachment } from '../../core/applications/remove-attachment.ts';
import { addApplicationGoal } from '../../core/applications/add-application-goal.ts';
import { applicationGoalInput, goalChangeInput, INDICATOR_ROWS } from '../../core/applications/goal-input.ts';
import { removeApplicationGoal } from '../../core/applications/remove-application-goal.ts';
import { updateApplicationGoal } from '../../core/applications/update-application-goal.ts';
import { APPLICATION_STEPS, type ApplicationStep } from '../../core/applications/application-sections.ts';
import { getApplication } from '../../core/applications/get-application.ts';
import { MARKERS } from '../../core/applications/markers.ts';
import { addPlanFlow } from '../../core/applications/add-plan-flow.ts';
import { checkPlanFlow } from '../../core/applications/check-plan-flow.ts';
import { planFlowInput } from '../../core/applications/plan-flow-input.ts';
import { removePlanFlow } from '../../core/applications/remove-plan-flow.ts';
import { removeApplicationPartner } from '../../core/applications/remove-application-partner.ts';
import { SubmissionRefusedError, submitApplication } from '../../core/applications/submit-application.ts';
import { applicationBasicsInput, updateApplicationBasics } from '../../core/applications/update-application-basics.ts';
import { applicationFocusInput, updateApplicationFocus } from '../../core/applications/update-application-focus.ts';
import { emergencyPlanInput, updateEmergencyPlan } from '../../core/applications/update-emergency-plan.ts';
import type { CoreContext } from '../../core/context.ts';
import { DomainError } from '../../core/errors.ts';
import type { Translator } from '../../i18n/translator.ts';
import { domainFieldError, domainFieldErrors, mergeFieldErrors, problemFieldErrors, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { staleSave } from '../ui/stale-save.server.ts';
import { validFields } from '../ui/valid-fields.ts';

export interface StepResult {
  errors: FieldError[];
  /** What was typed, so a refused form comes back filled in. */
  values: Record<string, string | string[]>;
  problems?: SubmissionRefusedError['problems'];
}

interface StepRequest {
  ctx: CoreContext;
  t: Translator;
  id: string;
  step: ApplicationStep;
  form: FormData;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

/** The plan step's fields for one flow, top to bottom. */
const flowFields = ['round', 'sendingOrganisationId', 'hostOrganisationId', 'participants', 'months', 'startMonth', 'competence', 'purpose'];

/** Every value of the form as typed (repeated names as lists), without files. */
function typed(form: FormData): StepResult['values'] {
  const values: StepResult['values'] = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v) => typeof v === 'string') as string[];
    values[key] = all.length > 1 || key === 'sdgGoals' || key.endsWith('sdgTargets') ? all : (all[0] ?? '');
  }
  return values;
}

/** Saves a step and goes on: "save and continue" goes to the next step, other buttons stay on this one. */
export async function runStepAction({ ctx, t, id, step, form }: StepRequest) {
  const intent = text(form, 'intent') || 'save';
  const here = `/${t.locale}/applications/${id}/edit/${step}`;
  const next = APPLICATION_STEPS[APPLICATION_STEPS.indexOf(step) + 1];
  const values = typed(form);
  const refuse = (errors: FieldError[], status = 400) => data<StepResult>({ errors, values }, { status });
  const parse = <T>(schema: ZodType<T>, input: unknown): T | FieldError[] => {
    const parsed = schema.safeParse(input);
    return parsed.success ? parsed.data : zodFieldErrors(t, parsed.error);
  };

  try {
    // "Save and continue" and "Save" both save; they differ only in where the person goes next.
    const action = intent === 'continue' || intent === 'stay' ? 'save' : form.has('removeFile') ? 'remove-file' : intent;
    switch (`${step}:${action}`) {
      case 'basics:save': {
        const input = parse(applicationBasicsInput, { title: text(form, 'title'), summary: text(form, 'summary') });
        if (Array.isArray(input)) return refuse(input);
        await updateApplicationBasics(ctx, { applicationId: id, ...input, version: text(form, 'version') });
        break;
      }
      case 'partners:add':
        await addApplicationPartner(ctx, { applicationId: id, organisationId: text(form, 'organisationId') });
        return redirect(`${here}?saved=partner`);
      case 'partners:remove':
        await removeApplicationPartner(ctx, { applicationId: id, organisationId: text(form, 'organisationId') });
        return redirect(`${here}?saved=removed`);
      case 'focus:save': {
        const input = parse(applicationFocusInput, {
          sectorCode: text(form, 'sectorCode'),
          sdgGoals: form.getAll('sdgGoals').map(String),
          sdgTargets: form.getAll('sdgTargets').map(String),
          markers: Object.fromEntries(MARKERS.map((m) => [m.code, text(form, `marker-${m.code}`)])),
        });
        if (Array.isArray(input)) return refuse(input.map((e) => (e.field === 'markers' ? { ...e, field: `marker-${MARKERS[0].code}` } : e)));
        await updateApplicationFocus(ctx, { applicationId: id, ...input, version: text(form, 'version') });
        break;
      }
      case 'goals:add':
      case 'goals:update': {
        const rows = Array.from({ length: INDICATOR_ROWS }, (_, n) => ({
          description: text(form, `indicator-${n}-description`),
          baseline: text(form, `indicator-${n}-baseline`),
          target: text(form, `indicator-${n}-target`),
          level: text(form, `indicator-${n}-level`),
          countsPeople: text(form, `indicator-${n}-countsPeople`) === 'yes',
          sdgTargets: form.getAll(`indicator-${n}-sdgTargets`).map(String),
        }));
        // Indicator problems point at the exact box: indicators.1.target → indicator-1-target.
        const fieldOf = (path: readonly PropertyKey[]) => (path[0] === 'indicators' ? `indicator-${String(path[1])}-${String(path[2] ?? 'description')}` : String(path[0]));
        if (action === 'add') {
          const parsed = applicationGoalInput.safeParse({ owner: text(form, 'owner'), description: text(form, 'description'), indicators: rows });
          if (!parsed.success) return refuse(zodFieldErrors(t, parsed.error, {}, fieldOf));
          await addApplicationGoal(ctx, { applicationId: id, ...parsed.data });
        } else {
          const parsed = goalChangeInput.safeParse({ description: text(form, 'description'), indicators: rows });
          if (!parsed.success) return refuse(zodFieldErrors(t, parsed.error, {}, fieldOf));
          await updateApplicationGoal(ctx, { applicationId: id, goalId: text(form, 'goalId'), ...parsed.data });
        }
        return redirect(`${here}?saved=goal`);
      }
      case 'goals:remove':
        await removeApplicationGoal(ctx, { applicationId: id, goalId: text(form, 'goalId') });
        return redirect(`${here}?saved=removed`);
      case 'plan:add': {
        const typedFlow = Object.fromEntries(flowFields.map((k) => [k, text(form, k)]));
        const input = parse(planFlowInput, typedFlow);
        if (Array.isArray(input)) {
          // A partner, length or start month the rules refuse is said together with what is mistyped.
          const rules = problemFieldErrors(t, await checkPlanFlow(ctx, { applicationId: id, ...validFields(planFlowInput, typedFlow) }));
          return refuse(mergeFieldErrors([...input, ...rules], flowFields));
        }
        await addPlanFlow(ctx, { applicationId: id, ...input });
        return redirect(`${here}?saved=flow`);
      }
      case 'plan:remove':
        await removePlanFlow(ctx, { applicationId: id, flowId: text(form, 'flowId') });
        return redirect(`${here}?saved=removed`);
      case 'emergency:save':
      case 'emergency:upload':
      case 'emergency:remove-file': {
        // The plan and the files are one form: whatever the button, the plan as typed is saved first
        // (when it changed), then a chosen file is added or a file removed, so nothing typed is lost.
        const input = parse(emergencyPlanInput, { emergencyPlan: text(form, 'emergencyPlan') });
        if (Array.isArray(input)) return refuse(input);
        const current = await getApplication(ctx, { applicationId: id });
        if (action === 'save' || input.emergencyPlan !== current.application.emergencyPlan) {
          await updateEmergencyPlan(ctx, { applicationId: id, ...input, version: text(form, 'version') });
          values.version = (await getApplication(ctx, { applicationId: id })).application.updatedAt.toISOString();
        }
        const file = form.get('file');
        const chosen = file instanceof File && file.size > 0;
        if (chosen || action === 'upload') {
          const content = chosen ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
          await addAttachment(ctx, { applicationId: id, file: { name: chosen ? file.name : '', content } });
        }
        if (action === 'remove-file') await removeAttachment(ctx, { applicationId: id, attachmentId: text(form, 'removeFile') });
        if (action === 'upload') return redirect(`${here}?saved=file`);
        if (action === 'remove-file') return redirect(`${here}?saved=removed`);
        break;
      }
      case 'submit:submit':
        await submitApplication(ctx, { applicationId: id });
        return redirect(`/${t.locale}/applications/${id}?saved=submitted`);
      default:
        return refuse([{ field: 'form', message: t.t('error.invalid') }]);
    }
  } catch (error) {
    if (error instanceof SubmissionRefusedError) {
      return data<StepResult>({ errors: [domainFieldError(t, error, 'problems')], values, problems: error.problems }, { status: 422 });
    }
    if (error instanceof DomainError && error.status < 401) return refuse(domainFieldErrors(t, error, intent === 'upload' ? 'file' : 'form'), error.status);
    // Keep what was typed; the next save is made knowingly over the other person's (as for organisations).
    const stale = await staleSave(t, error, values, async () => (await getApplication(ctx, { applicationId: id })).application.updatedAt.toISOString());
    if (stale) return stale;
    if (error instanceof DomainError && error.status === 409) return refuse([domainFieldError(t, error, 'form')], 409);
    throw error;
  }
  return redirect(intent !== 'stay' && next ? `/${t.locale}/applications/${id}/edit/${next}?saved=1` : `${here}?saved=1`);
}
