import { data, redirect } from 'react-router';
import type { CoreContext } from '../../core/context.ts';
import { DomainError } from '../../core/errors.ts';
import { getOwnReport } from '../../core/participants/get-own-report.ts';
import { reportInput, type ReportInput } from '../../core/participants/participant-report-record.ts';
import { reviewReport } from '../../core/participants/review-report.ts';
import { saveReportDraft } from '../../core/participants/save-report-draft.ts';
import { submitReport } from '../../core/participants/submit-report.ts';
import type { Translator } from '../../i18n/translator.ts';
import { domainFieldErrors, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { staleSave } from '../ui/stale-save.server.ts';

export type OwnReportValues = Record<keyof ReportInput, string> & { version: string };

export interface OwnReportResult {
  errors: FieldError[];
  values: OwnReportValues;
  version: string;
}

export interface ReviewResult {
  errors: FieldError[];
  remark: string;
}

/** Refusals the form shows beside its fields; not found, forbidden and sign-in are left to `guarded`. */
const shownOnForm = (error: unknown): error is DomainError => error instanceof DomainError && error.status < 500 && !['notFound', 'forbidden', 'unauthenticated'].includes(error.code);

/**
 * The participant's report form: `intent` save (a draft) or submit. Every refusal comes back with what was
 * typed; a stale save (another tab saved first) with the current version, so saving again replaces it knowingly.
 */
export async function runOwnReportAction({ ctx, t, kind, form }: { ctx: CoreContext; t: Translator; kind: string; form: FormData }) {
  const field = (name: string) => String(form.get(name) ?? '');
  const values: OwnReportValues = { learned: field('learned'), hostGained: field('hostGained'), homeGains: field('homeGains'), community: field('community'), body: field('body'), version: field('version') };
  const intent = field('intent') === 'submit' ? 'submit' : 'save';
  const parsed = reportInput.safeParse(values);
  if (!parsed.success) return data<OwnReportResult>({ errors: zodFieldErrors(t, parsed.error), values, version: values.version }, { status: 400 });
  const input = { kind, version: values.version || null, ...parsed.data };
  try {
    await (intent === 'submit' ? submitReport(ctx, input) : saveReportDraft(ctx, input));
  } catch (error) {
    const stale = await staleSave(t, error, values, async () => (await getOwnReport(ctx, { kind })).version ?? '', 'learned');
    if (stale) return stale;
    if (shownOnForm(error)) return data<OwnReportResult>({ errors: domainFieldErrors(t, error), values, version: values.version }, { status: error.status });
    throw error;
  }
  return redirect(`/${t.locale}/exchange/reports/${kind}?saved=${intent === 'submit' ? 'submitted' : 'draft'}`);
}

/** The adviser's decision form: `intent` accept, or return with the remark. */
export async function runReviewReportAction({ ctx, t, participantId, kind, form }: { ctx: CoreContext; t: Translator; participantId: string; kind: string; form: FormData }) {
  const decision = form.get('intent') === 'accept' ? 'accept' : 'return';
  const remark = String(form.get('remark') ?? '');
  try {
    await reviewReport(ctx, { participantId, kind, version: String(form.get('version') ?? ''), decision, remark });
  } catch (error) {
    if (shownOnForm(error)) return data<ReviewResult>({ errors: domainFieldErrors(t, error, 'remark'), remark }, { status: error.status });
    throw error;
  }
  return redirect(`/${t.locale}/participants/${participantId}/reports/${kind}?saved=${decision === 'accept' ? 'accepted' : 'returned'}`);
}
