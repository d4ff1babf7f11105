import { and, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import { programmeAdvisers } from '../../db/schema/access.ts';
import { incidents } from '../../db/schema/care.ts';
import { participants } from '../../db/schema/participants.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import type { Actor } from '../identity/actor.ts';

/**
 * The where-clause (over `incidents` joined to `participants`) that limits incidents to those who need to
 * know: administrators; programme advisers following the participant's programme; coordinators of the
 * participant's sending or host organisation; and a participant for the incidents they reported themselves.
 * Partner finance staff and finance officers see none. A guessed id outside it is "not found".
 * Returns null when the actor sees nothing at all.
 */
export function incidentScope(actor: Actor): SQL | undefined | null {
  if (actor.kind === 'system') return undefined;
  if (actor.kind !== 'user') return null;
  if (actor.agencyRoles.includes('administrator')) return undefined;
  const clauses: SQL[] = [];
  if (actor.agencyRoles.includes('programme_adviser')) {
    clauses.push(
      exists(
        sql`(select 1 from ${partnerships} join ${programmeAdvisers} on ${programmeAdvisers.programmeId} = ${partnerships.programmeId}
          where ${partnerships.id} = ${participants.partnershipId} and ${programmeAdvisers.userId} = ${actor.userId})`,
      ),
    );
  }
  const coordinated = actor.memberships.filter((m) => m.role === 'partner_coordinator').map((m) => m.organisationId);
  if (coordinated.length) clauses.push(or(inArray(participants.homeOrganisationId, coordinated), inArray(participants.hostOrganisationId, coordinated))!);
  if (actor.participantIds.length) clauses.push(and(inArray(incidents.participantId, actor.participantIds), eq(incidents.reportedBy, actor.userId))!);
  if (clauses.length === 0) return null;
  return clauses.length === 1 ? clauses[0] : or(...clauses);
}

/** Whether the actor follows incidents up (notes, status, who was told): everyone who sees them except the participant. */
export function followsUp(actor: Actor, row: { homeOrganisationId: string; hostOrganisationId: string }, advisesProgramme: boolean): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  if (actor.agencyRoles.includes('administrator') || advisesProgramme) return true;
  return actor.memberships.some((m) => m.role === 'partner_coordinator' && (m.organisationId === row.homeOrganisationId || m.organisationId === row.hostOrganisationId));
}
