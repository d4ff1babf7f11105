import { approvalInput } from '../../core/applications/approval-input.ts';
import { advanceApplication } from '../../core/applications/advance-application.ts';
import { approveApplication } from '../../core/applications/approve-application.ts';
import { checkApproval } from '../../core/applications/check-approval.ts';
import { rejectApplication, rejectionInput } from '../../core/applications/reject-application.ts';
import { returnApplication, returnInput } from '../../core/applications/return-application.ts';
import { commentInput, commentOnApplication } from '../../core/applications/comment-on-application.ts';
import { scoreApplication, scoresInput } from '../../core/applications/score-application.ts';
import { startReview } from '../../core/applications/start-review.ts';
import type { CoreContext } from '../../core/context.ts';
import { DomainError } from '../../core/errors.ts';
import { FundsShortError } from '../../core/finance/funds-short-error.ts';
import { fundsUseLines, type FundsUseLine } from '../finance/funds-use-lines.ts';
import type { Translator } from '../../i18n/translator.ts';
import { domainFieldErrors, mergeFieldErrors, problemFieldErrors, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { validFields } from '../ui/valid-fields.ts';

export interface ReviewResult {
  errors: FieldError[];
  values: Record<string, string>;
  status: number;
  /** An approval the call could not pay for: where the call's money went, as the page shows it. */
  fundsUsedBy?: FundsUseLine[];
}

/** Where an approval's problems show, top to bottom: the scores panel (id `scores`), then the decision form. */
const approvalFields = ['scores', 'startsOn', 'endsOn', 'amount'];

/** One of the review page's forms: start review, score, comment, approve, reject, return, or move an agreement on. */
export async function runReviewAction({ ctx, t, id, form }: { ctx: CoreContext; t: Translator; id: string; form: FormData }): Promise<ReviewResult | { saved: string }> {
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, String(v)]));
  const intent = values.intent ?? '';
  const refuse = (errors: FieldError[], status = 400): ReviewResult => ({ errors, values, status });
  try {
    switch (intent) {
      case 'start-review':
        await startReview(ctx, { applicationId: id });
        break;
      case 'score': {
        const scores = Object.fromEntries(Object.entries(values).filter(([k, v]) => k.startsWith('score-') && v !== '').map(([k, v]) => [k.slice('score-'.length), v]));
        const parsed = scoresInput.safeParse(scores);
        if (!parsed.success) return refuse(zodFieldErrors(t, parsed.error, {}, (path) => `score-${String(path[0])}`));
        await scoreApplication(ctx, { applicationId: id, scores: parsed.data });
        break;
      }
      case 'comment': {
        const parsed = commentInput.safeParse({ body: values.body });
        if (!parsed.success) return refuse(zodFieldErrors(t, parsed.error));
        await commentOnApplication(ctx, { applicationId: id, body: parsed.data.body });
        break;
      }
      case 'approve': {
        const typedApproval = { startsOn: values.startsOn, endsOn: values.endsOn, amount: values.amount ?? '' };
        const parsed = approvalInput.safeParse(typedApproval);
        if (!parsed.success) {
          // Missing scores or a period outside the call are said together with a mistyped date or amount.
          const rules = problemFieldErrors(t, await checkApproval(ctx, { applicationId: id, ...validFields(approvalInput, typedApproval) }));
          return refuse(mergeFieldErrors([...zodFieldErrors(t, parsed.error), ...rules], approvalFields));
        }
        await approveApplication(ctx, { applicationId: id, ...parsed.data });
        break;
      }
      case 'reject': {
        const parsed = rejectionInput.safeParse({ reason: values.reason });
        if (!parsed.success) return refuse(zodFieldErrors(t, parsed.error));
        await rejectApplication(ctx, { applicationId: id, reason: parsed.data.reason });
        break;
      }
      case 'return': {
        const remarks = Object.fromEntries(Object.entries(values).filter(([k]) => k.startsWith('remark-')).map(([k, v]) => [k.slice('remark-'.length), v]));
        const parsed = returnInput.safeParse(remarks);
        if (!parsed.success) return refuse(zodFieldErrors(t, parsed.error, {}, (path) => `remark-${String(path[0])}`));
        await returnApplication(ctx, { applicationId: id, remarks: parsed.data });
        break;
      }
      case 'active':
      case 'closing':
      case 'closed':
        await advanceApplication(ctx, { applicationId: id, to: intent });
        break;
      default:
        return refuse([{ field: 'form', message: t.t('error.invalid') }]);
    }
  } catch (error) {
    if (error instanceof DomainError && error.status !== 401 && error.status !== 403 && error.status !== 404) {
      const refused = refuse(mergeFieldErrors(domainFieldErrors(t, error, 'form'), approvalFields), error.status);
      return error instanceof FundsShortError ? { ...refused, fundsUsedBy: fundsUseLines(t, error) } : refused;
    }
    throw error;
  }
  return { saved: intent };
}
