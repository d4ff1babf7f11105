import { and, inArray, or, sql, type SQL } from 'drizzle-orm';
import { programmeAdvisers } from '../../db/schema/access.ts';
import { participants } from '../../db/schema/participants.ts';
import type { Actor } from '../identity/actor.ts';

/**
 * The where-clause that limits participant rows to what the actor may see. Applied inside every
 * participant query, so a guessed id outside it simply finds nothing:
 * - administrators: everyone;
 * - programme advisers: participants in partnerships of the programmes they follow;
 * - partner coordinators: participants their organisation sends or hosts;
 * - a participant: their own record.
 * Returns null when the actor sees nothing.
 */
export function participantScope(actor: Actor, advisedProgrammeIds?: string[]): SQL | undefined | null {
  return staffOrOwnScope(actor, (ids) => inArray(participants.id, ids), advisedProgrammeIds);
}

/**
 * The staff part of the scope (administrators, advisers following the programme, coordinators of the
 * sending or host organisation), plus what a participant sees of their own, given by `own` for the
 * participant ids of their accounts. Participant rows use their own records; incidents (core/care) the
 * ones the participant reported. `advisedProgrammeIds`: the programmes an adviser follows, when the caller
 * has read them (resolveFilterValues in list-participants.ts); otherwise a subquery reads them. As values, the planner can use what it
 * knows of each programme (the list: a programme's ages, decision 018's addendum).
 */
export function staffOrOwnScope(actor: Actor, own: (participantIds: string[]) => SQL | undefined, advisedProgrammeIds?: string[]): SQL | undefined | null {
  if (actor.kind === 'system') return undefined;
  if (actor.kind !== 'user') return null;
  if (actor.agencyRoles.includes('administrator')) return undefined;
  const clauses: SQL[] = [];
  if (actor.agencyRoles.includes('programme_adviser')) {
    // The programme is a column of the participant (decision 018): a filter on the row itself, so the list
    // can walk its name-ordered indexes instead of joining every partnership of the programme.
    clauses.push(
      advisedProgrammeIds
        ? advisedProgrammeIds.length ? inArray(participants.programmeId, advisedProgrammeIds) : sql`false`
        : inArray(participants.programmeId, sql`(select ${programmeAdvisers.programmeId} from ${programmeAdvisers} where ${programmeAdvisers.userId} = ${actor.userId})`),
    );
  }
  const coordinated = actor.memberships.filter((m) => m.role === 'partner_coordinator').map((m) => m.organisationId);
  if (coordinated.length) {
    clauses.push(or(inArray(participants.homeOrganisationId, coordinated), inArray(participants.hostOrganisationId, coordinated))!);
  }
  const ownClause = actor.participantIds.length ? own(actor.participantIds) : undefined;
  if (ownClause) clauses.push(ownClause);
  if (clauses.length === 0) return null;
  return clauses.length === 1 ? clauses[0] : or(...clauses);
}

/** Convenience: the scope combined with further conditions; `null` scope means no rows at all. */
export function withinScope(scope: SQL | undefined | null, ...conditions: (SQL | undefined)[]): SQL | undefined {
  if (scope === null) return sql`false`;
  return and(scope, ...conditions);
}
