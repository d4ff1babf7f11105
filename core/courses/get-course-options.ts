import { asc, inArray } from 'drizzle-orm';
import { organisations } from '../../db/schema/organisations.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';

/**
 * What the new-course form offers the actor: the programmes whose courses they may define (the agency's
 * staff) and the organisations they coordinate, and the time zones a course's place may be in.
 */
export async function getCourseOptions(ctx: CoreContext) {
  requirePermission(ctx.actor, 'course:manage');
  const actor = ctx.actor;
  const agency = actor.kind === 'system' || (actor.kind === 'user' && actor.agencyRoles.some((r) => r === 'administrator' || r === 'programme_adviser'));
  const own = actor.kind === 'user' ? actor.memberships.filter((m) => m.role === 'partner_coordinator').map((m) => m.organisationId) : [];
  const [programmeRows, organisationRows] = await Promise.all([
    agency ? ctx.db.select({ id: programmes.id, name: programmes.name }).from(programmes).orderBy(asc(programmes.name)) : [],
    own.length ? ctx.db.select({ id: organisations.id, name: organisations.legalName }).from(organisations).where(inArray(organisations.id, own)).orderBy(asc(organisations.legalName)) : [],
  ]);
  return { programmes: programmeRows, organisations: organisationRows, timeZones: Intl.supportedValuesOf('timeZone') };
}
