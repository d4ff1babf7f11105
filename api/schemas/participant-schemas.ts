import { z } from '@hono/zod-openapi';
import { reasonInput } from '../../core/participants/decline-nomination.ts';
import { eligibilityExceptionInput } from '../../core/participants/grant-eligibility-exception.ts';
import type { ParticipantDetail } from '../../core/participants/get-participant-detail.ts';
import { moveInput } from '../../core/participants/move-participant.ts';
import { nominationInput } from '../../core/participants/nominate-participant.ts';
import { PARTICIPANT_STATUSES } from '../../core/participants/participant-lifecycle.ts';
import { describeFields } from '../described-fields.ts';

/**
 * The participant endpoints' bodies: the web forms' own schemas from core/participants (their messages
 * are the error codes), with descriptions, and the participant as the people who work with them read it.
 */
const uuidParam = (name: string) => z.string().openapi({ param: { name, in: 'path' }, format: 'uuid', example: '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b' });
export const IdParams = z.object({ id: uuidParam('id') });

const version = z.string().optional().openapi({ description: 'The version you read (the ETag without quotes), when not sent in If-Match.', example: '2026-11-22T10:00:00.000Z' });
export const ParticipantIfMatch = z.object({
  'if-match': z.string().optional().openapi({ description: 'The ETag from GET /v1/participants/{id} (or from the answer to your last change).', example: '"2026-11-22T10:00:00.000Z"' }),
});

export const NominationSchema = describeFields(nominationInput, {
  givenName: '1–100 characters.',
  familyName: '1–100 characters.',
  birthDate: 'YYYY-MM-DD.',
  nationality: 'ISO 3166-1 alpha-2.',
  residenceCountry: 'ISO 3166-1 alpha-2; must be the sending organisation’s country (an eligibility rule).',
  email: 'Where the person’s invitation to their own pages is sent.',
  startsOn: 'Planned start, YYYY-MM-DD.',
  endsOn: 'Planned end, YYYY-MM-DD, after the start.',
  locale: 'The language of the invitation and of the emails to the person until they choose one.',
})
  .safeExtend({ planFlowId: z.uuid().openapi({ description: 'The plan line (a flow of an approved round of this partnership) your organisation sends on, as the nomination page lists them.' }) })
  .openapi('Nomination');

export const HostDecisionSchema = z
  .object({
    decision: z.enum(['accept', 'decline']),
    reason: z.string().optional().openapi({ description: 'Required to decline: the sending partner and the person read it. 1–2000 characters.' }),
    version,
  })
  .openapi('HostDecision');

export const OverPlanApprovalSchema = describeFields(reasonInput, { reason: 'Why going beyond the plan’s number of people is allowed. 1–2000 characters.' }).safeExtend({ version }).openapi('OverPlanApproval');

export const EligibilityExceptionSchema = describeFields(eligibilityExceptionInput, { problem: 'One of the problems the participant has now (`eligibility.problems[].code`).', reason: '1–2000 characters.' }).openapi('EligibilityExceptionRequest');

export const MoveSchema = describeFields(moveInput, {
  to: 'The status to move to: one of `moves[].to` of GET /v1/participants/{id}.',
  reason: 'Required for withdrawn and ended_early.',
  on: 'The actual start (to in_placement) or end (to returned, or ended_early from in_placement), YYYY-MM-DD, today or earlier.',
})
  .safeExtend({ version })
  .openapi('Move');

const date = z.string().openapi({ format: 'date', example: '2026-03-01' });
const instant = z.string().openapi({ format: 'date-time', example: '2026-11-22T10:00:00.000Z' });
const status = z.enum(PARTICIPANT_STATUSES);
const organisation = z.object({ id: z.uuid(), name: z.string(), countryCode: z.string() });
const params = z.record(z.string(), z.union([z.string(), z.number()]));
const exception = z.object({ problem: z.string(), reason: z.string(), grantedAt: instant });

export const ParticipantSchema = z
  .object({
    id: z.uuid(),
    givenName: z.string(),
    familyName: z.string(),
    gender: z.enum(['female', 'male', 'other', 'undisclosed']),
    birthDate: date,
    email: z.string().nullable(),
    nationality: z.string().nullable(),
    residenceCountry: z.string().nullable(),
    profession: z.string(),
    locale: z.string().openapi({ description: 'The language of the person’s emails until they choose one on their account.' }),
    status,
    statusReason: z.string().nullable(),
    partnership: z.object({ id: z.uuid(), title: z.string(), programme: z.string() }),
    sending: organisation,
    host: organisation,
    startsOn: date,
    endsOn: date,
    actualStartsOn: date.nullable(),
    actualEndsOn: date.nullable(),
    hostDecision: z.enum(['pending', 'accepted', 'declined']),
    hostDecidedAt: instant.nullable(),
    hostDeclineReason: z.string().nullable(),
    overPlan: z.boolean().openapi({ description: 'Nominated when the plan line’s number of people was already taken.' }),
    overPlanApprovedAt: instant.nullable(),
    overPlanReason: z.string().nullable(),
    plan: z.object({ planned: z.number().int(), nominated: z.number().int() }).nullable().openapi({ description: 'The plan line’s number of people, and how many are nominated on it (withdrawn aside).' }),
    eligibility: z.object({
      problems: z.array(z.object({ code: z.string(), field: z.string(), params, exception: exception.nullable() })),
      warnings: z.array(z.object({ code: z.string(), params })),
      passes: z.boolean().openapi({ description: 'Every problem has an exception (or there is none).' }),
    }),
    eligibilityExceptions: z.array(exception),
    statusHistory: z.array(z.object({ from: status.nullable(), to: status, reason: z.string().nullable(), by: z.string().nullable(), at: instant })),
    may: z.object({ decideAsHost: z.boolean(), approveOverPlan: z.boolean(), grantException: z.boolean() }).openapi({ description: 'What you may do now.' }),
    moves: z.array(z.object({ to: status, needsReason: z.boolean(), recordsDate: z.enum(['actualStartsOn', 'actualEndsOn']).nullable() })).openapi({ description: 'The moves you may make now.' }),
    version: instant.openapi({ description: 'The participant’s version: send it back (If-Match or `version`) with a decision or a move.' }),
  })
  .openapi('Participant');

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function participantBodyOf(detail: ParticipantDetail): z.infer<typeof ParticipantSchema> {
  const p = detail.participant;
  return {
    id: p.id,
    givenName: p.givenName,
    familyName: p.familyName,
    gender: p.gender,
    birthDate: p.birthDate,
    email: p.email,
    nationality: p.nationality,
    residenceCountry: p.residenceCountry,
    profession: p.profession,
    locale: p.locale,
    status: p.status,
    statusReason: p.statusReason,
    partnership: { id: p.partnershipId, title: detail.names.partnershipTitle, programme: detail.names.programmeName },
    sending: { id: p.homeOrganisationId, name: detail.names.homeName, countryCode: detail.names.homeCountry },
    host: { id: p.hostOrganisationId, name: detail.names.hostName, countryCode: detail.names.hostCountry },
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    actualStartsOn: p.actualStartsOn,
    actualEndsOn: p.actualEndsOn,
    hostDecision: p.hostDecision,
    hostDecidedAt: iso(p.hostDecidedAt),
    hostDeclineReason: p.hostDeclineReason,
    overPlan: p.overPlan,
    overPlanApprovedAt: iso(p.overPlanApprovedAt),
    overPlanReason: p.overPlanReason,
    plan: detail.plan,
    eligibility: {
      problems: detail.eligibility.problems.map((e) => ({ code: e.code, field: e.field, params: e.params ?? {}, exception: e.exception ? { problem: e.exception.problem, reason: e.exception.reason, grantedAt: e.exception.grantedAt.toISOString() } : null })),
      warnings: detail.eligibility.warnings.map((w) => ({ code: w.code, params: w.params })),
      passes: detail.eligibility.passes,
    },
    eligibilityExceptions: p.eligibilityExceptions.map((e) => ({ problem: e.problem, reason: e.reason, grantedAt: e.grantedAt.toISOString() })),
    statusHistory: p.statusHistory.map((h) => ({ from: h.from, to: h.to, reason: h.reason, by: h.by, at: h.at.toISOString() })),
    may: detail.may,
    moves: detail.moves,
    version: p.version,
  };
}
