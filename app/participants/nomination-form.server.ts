import { DomainError } from '../../core/errors.ts';
import type { CoreContext } from '../../core/context.ts';
import { nominateParticipant, nominationInput } from '../../core/participants/nominate-participant.ts';
import type { NominationFlow } from '../../core/participants/list-nomination-flows.ts';
import type { Translator } from '../../i18n/translator.ts';
import { domainFieldErrors, mergeFieldErrors, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';

/** The nomination form's fields, top to bottom: the error summary lists refusals in this order. */
export const NOMINATION_FIELDS = ['planFlowId', 'givenName', 'familyName', 'birthDate', 'gender', 'nationality', 'residenceCountry', 'email', 'profession', 'startsOn', 'endsOn', 'locale'] as const;
export type NominationValues = Partial<Record<(typeof NOMINATION_FIELDS)[number], string>>;

export interface NominationRefused {
  errors: FieldError[];
  values: NominationValues;
  status: number;
}

/**
 * The nomination form posted: every refused field at once (the flow chosen, and each of the person's
 * values), with what was typed kept; else the new participant. A flow that is not one of `flows` (the
 * lines of this partnership's approved rounds the person's organisation sends on) is refused at its field.
 */
export async function runNomination({ ctx, t, flows, form }: { ctx: CoreContext; t: Translator; flows: NominationFlow[]; form: FormData }): Promise<NominationRefused | { participantId: string; overPlan: boolean }> {
  const values: NominationValues = Object.fromEntries(NOMINATION_FIELDS.map((name) => [name, typeof form.get(name) === 'string' ? String(form.get(name)) : '']));
  const errors: FieldError[] = [];
  const flow = flows.find((f) => f.id === values.planFlowId);
  if (!flow) errors.push({ field: 'planFlowId', message: t.t('error.choosePlanFlow') });
  const parsed = nominationInput.safeParse(values);
  if (!parsed.success) errors.push(...zodFieldErrors(t, parsed.error));
  if (!flow || !parsed.success) return { errors: mergeFieldErrors(errors, NOMINATION_FIELDS), values, status: 400 };
  try {
    const nomination = await nominateParticipant(ctx, { planFlowId: flow.id, ...parsed.data });
    return { participantId: nomination.participantId, overPlan: nomination.overPlan };
  } catch (error) {
    if (error instanceof DomainError && error.status !== 401 && error.status !== 403 && error.status !== 404) {
      return { errors: mergeFieldErrors(domainFieldErrors(t, error, 'planFlowId'), NOMINATION_FIELDS), values, status: error.status };
    }
    throw error;
  }
}
