import { acceptNomination } from '../../core/participants/accept-nomination.ts';
import { approveOverPlan } from '../../core/participants/approve-over-plan.ts';
import type { CoreContext } from '../../core/context.ts';
import { declineNomination, reasonInput } from '../../core/participants/decline-nomination.ts';
import { DomainError, FieldProblemsError, type FieldProblem } from '../../core/errors.ts';
import { eligibilityExceptionInput, grantEligibilityException } from '../../core/participants/grant-eligibility-exception.ts';
import { moveInput, moveParticipant } from '../../core/participants/move-participant.ts';
import type { Translator } from '../../i18n/translator.ts';
import { zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { catalogs, type MessageKey } from '../../i18n/catalogs.ts';
import { moveField } from './move-fields.ts';

export interface ParticipantActionResult {
  errors: FieldError[];
  /** What was typed, so a refused form comes back filled in. */
  values: Record<string, string>;
  status: number;
}

export const PARTICIPANT_INTENTS = ['accept', 'decline', 'over-plan', 'exception', 'move'] as const;
export type ParticipantIntent = (typeof PARTICIPANT_INTENTS)[number];


function message(t: Translator, code: string, params: Record<string, string | number> = {}): string {
  const key = `error.${code}`;
  return key in catalogs.en ? t.t(key as MessageKey, params) : t.t('error.invalid');
}

/**
 * A move's refusals as the form shows them: a missing reason or date at its field, and every reason the
 * move cannot be made yet (the host has not accepted, an open eligibility problem, a document missing…)
 * each with an id of its own beside the move's button, so that the error summary names them all.
 */
function moveErrors(t: Translator, to: string, problems: FieldProblem[]): FieldError[] {
  const seen = new Set<string>();
  let guard = 0;
  return problems.flatMap((p) => {
    if (p.field === 'reason' || p.field === 'on') {
      const field = moveField(to, p.field);
      if (seen.has(field)) return [];
      seen.add(field);
      return [{ field, message: message(t, p.code, p.params) }];
    }
    guard += 1;
    return [{ field: guard === 1 ? moveField(to) : `${moveField(to)}--${guard}`, message: message(t, p.code, p.params) }];
  });
}

/** The problems a refusal names: all of a FieldProblemsError's, or the one of another DomainError. */
const problemsOf = (error: DomainError): FieldProblem[] => (error instanceof FieldProblemsError ? error.problems : [{ field: error.field ?? 'form', code: error.code, params: error.params }]);

/**
 * One of the participant page's forms: the host's answer (accept, or decline with a reason), the adviser's
 * approval of going over the plan or exception to an eligibility problem, or a move along the lifecycle.
 * Each carries the participant's version: a stale one is refused with one clear message, and the page
 * shows the participant as they now are with what was typed kept.
 */
export async function runParticipantAction({ ctx, t, participantId, form }: { ctx: CoreContext; t: Translator; participantId: string; form: FormData }): Promise<ParticipantActionResult | { saved: ParticipantIntent }> {
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, String(v)]));
  const intent = values.intent ?? '';
  const version = values.version ?? '';
  const refuse = (errors: FieldError[], status = 400): ParticipantActionResult => ({ errors, values, status });
  const to = values.to ?? '';
  try {
    switch (intent) {
      case 'accept':
        await acceptNomination(ctx, { participantId, version });
        break;
      case 'decline': {
        const parsed = reasonInput.safeParse({ reason: values.declineReason });
        if (!parsed.success) return refuse(zodFieldErrors(t, parsed.error, {}, () => 'declineReason'));
        await declineNomination(ctx, { participantId, version, reason: parsed.data.reason });
        break;
      }
      case 'over-plan': {
        const parsed = reasonInput.safeParse({ reason: values.overPlanReason });
        if (!parsed.success) return refuse(zodFieldErrors(t, parsed.error, {}, () => 'overPlanReason'));
        await approveOverPlan(ctx, { participantId, version, reason: parsed.data.reason });
        break;
      }
      case 'exception': {
        const parsed = eligibilityExceptionInput.safeParse({ problem: values.exceptionProblem, reason: values.exceptionReason });
        if (!parsed.success) return refuse(zodFieldErrors(t, parsed.error, {}, (path) => (path[0] === 'problem' ? 'exceptionProblem' : 'exceptionReason')));
        await grantEligibilityException(ctx, { participantId, ...parsed.data });
        break;
      }
      case 'move': {
        const parsed = moveInput.safeParse({ to, reason: values[moveField(to, 'reason')] || undefined, on: values[moveField(to, 'on')] || undefined });
        if (!parsed.success) {
          const fields = zodFieldErrors(t, parsed.error, {}, (path) => (path[0] === 'to' ? 'form' : moveField(to, path[0] === 'on' ? 'on' : 'reason')));
          return refuse(fields);
        }
        await moveParticipant(ctx, { participantId, version, ...parsed.data });
        break;
      }
      default:
        return refuse([{ field: 'form', message: t.t('error.invalid') }]);
    }
  } catch (error) {
    if (error instanceof DomainError && error.status !== 401 && error.status !== 403 && error.status !== 404) {
      if (error.code === 'staleEdit' || error.code === 'participantIllegalMove' || error.code === 'nominationDecided' || error.code === 'notOverPlan') {
        // The statuses a refused move names are said in the reader's language.
        const params = Object.fromEntries(Object.entries(error.params).map(([k, v]) => [k, (k === 'from' || k === 'to') && `participantStatus.${v}` in catalogs.en ? t.t(`participantStatus.${v}` as MessageKey) : v]));
        return refuse([{ field: 'form', message: message(t, error.code, params) }], error.status);
      }
      const problems = problemsOf(error);
      if (intent === 'move') return refuse(moveErrors(t, to, problems), error.status);
      const fieldOf = (field: string) => (intent === 'exception' ? (field === 'reason' ? 'exceptionReason' : 'exceptionProblem') : intent === 'decline' ? 'declineReason' : intent === 'over-plan' ? 'overPlanReason' : 'form');
      return refuse(problems.slice(0, 1).map((p) => ({ field: fieldOf(p.field), message: message(t, p.code, p.params) })), error.status);
    }
    throw error;
  }
  return { saved: intent };
}
