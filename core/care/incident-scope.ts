import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { incidents } from '../../db/schema/care.ts';
import type { Actor } from '../identity/actor.ts';
import { staffOrOwnScope } from '../participants/participant-scope.ts';

/**
 * The where-clause (over `incidents` joined to `participants`) that limits incidents to those who need to
 * know: administrators; programme advisers following the participant's programme; coordinators of the
 * participant's sending or host organisation; and a participant for the incidents they reported themselves.
 * Partner finance staff and finance officers see none. A guessed id outside it is "not found".
 * Returns null when the actor sees nothing at all.
 */
export function incidentScope(actor: Actor): SQL | undefined | null {
  return staffOrOwnScope(actor, (ids) => and(inArray(incidents.participantId, ids), eq(incidents.reportedBy, actor.kind === 'user' ? actor.userId : '')));
}

/** Whether the actor follows incidents up (notes, status, who was told): everyone who sees them except the participant. */
export function followsUp(actor: Actor, row: { homeOrganisationId: string; hostOrganisationId: string }, advisesProgramme: boolean): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  if (actor.agencyRoles.includes('administrator') || advisesProgramme) return true;
  return actor.memberships.some((m) => m.role === 'partner_coordinator' && (m.organisationId === row.homeOrganisationId || m.organisationId === row.hostOrganisationId));
}
