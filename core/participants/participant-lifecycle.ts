import { PARTICIPANT_STATUSES, type ParticipantStatus } from '../../db/schema/participants.ts';
import { DomainError } from '../errors.ts';

export { PARTICIPANT_STATUSES, type ParticipantStatus };

/**
 * Who stands where to a participant: the agency (an administrator, or a programme adviser following the
 * participant's programme), the sending partner's coordinators, the host partner's coordinators.
 */
export type ParticipantParty = 'adviser' | 'sending' | 'host';

/**
 * The lifecycle (docs/architecture.md#participant-lifecycle): every legal move and who may make it. The
 * only place moves are decided, so the use-cases, the pages' buttons and the tests agree. `satisfies`
 * makes the compiler insist on a row for every status, final ones included.
 *
 * `withdrawn` ends a participation before the person left (nominated, approved or preparing);
 * `ended_early` ends one that began (in placement, or returned without completing the follow-up).
 * Nominated → withdrawn is also what the host's decline does (core/participants/decline-nomination.ts).
 */
const MOVES = {
  nominated: { approved: ['adviser'], withdrawn: ['adviser', 'sending'] },
  approved: { preparing: ['adviser', 'sending'], withdrawn: ['adviser', 'sending', 'host'] },
  preparing: { in_placement: ['adviser', 'sending', 'host'], withdrawn: ['adviser', 'sending', 'host'] },
  in_placement: { returned: ['adviser', 'sending', 'host'], ended_early: ['adviser', 'sending', 'host'] },
  returned: { completed: ['adviser', 'sending'], ended_early: ['adviser', 'sending'] },
  completed: { alumni: ['adviser', 'sending'] },
  alumni: {},
  withdrawn: {},
  ended_early: {},
} as const satisfies Record<ParticipantStatus, Partial<Record<ParticipantStatus, readonly ParticipantParty[]>>>;

/** Statuses from which the participation can still go on. */
export const ACTIVE_STATUSES = ['nominated', 'approved', 'preparing', 'in_placement', 'returned'] as const satisfies readonly ParticipantStatus[];

/** The person went on exchange: these count as actual exchanges against the plan (core/partnerships/planned-vs-actual.ts). */
export const EXCHANGED_STATUSES = ['in_placement', 'returned', 'completed', 'alumni', 'ended_early'] as const satisfies readonly ParticipantStatus[];

/** Moves that need a reason. */
export const MOVES_WITH_REASON: readonly ParticipantStatus[] = ['withdrawn', 'ended_early'];

/** Moves that record a date: the placement's actual start (in_placement) or end (returned, or ended early from in placement). */
export function recordsDate(from: ParticipantStatus, to: ParticipantStatus): 'actualStartsOn' | 'actualEndsOn' | null {
  if (to === 'in_placement') return 'actualStartsOn';
  if (to === 'returned' || (to === 'ended_early' && from === 'in_placement')) return 'actualEndsOn';
  return null;
}

export function nextStatuses(from: ParticipantStatus): ParticipantStatus[] {
  return Object.keys(MOVES[from]) as ParticipantStatus[];
}

/** Who may make this move; empty when the move is not in the lifecycle. */
export function movers(from: ParticipantStatus, to: ParticipantStatus): readonly ParticipantParty[] {
  return (MOVES[from] as Partial<Record<ParticipantStatus, readonly ParticipantParty[]>>)[to] ?? [];
}

export function canMove(from: ParticipantStatus, to: ParticipantStatus): boolean {
  return movers(from, to).length > 0;
}

/** The moves these parties may make from `from` (for the buttons a page offers). */
export function movesFor(from: ParticipantStatus, parties: readonly ParticipantParty[]): ParticipantStatus[] {
  return nextStatuses(from).filter((to) => movers(from, to).some((p) => parties.includes(p)));
}

/** Returns `to`, or refuses (409: the request is sound but the participant is elsewhere in the lifecycle). */
export function moveParticipantStatus(from: ParticipantStatus, to: ParticipantStatus): ParticipantStatus {
  if (!canMove(from, to)) throw new DomainError('participantIllegalMove', { params: { from, to }, status: 409 });
  return to;
}
