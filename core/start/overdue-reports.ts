import { and, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { participantReports, participants } from '../../db/schema/participants.ts';
import type { CoreContext } from '../context.ts';
import { osloDate } from '../partnerships/check-deadline.ts';
import { DELIVERED, reportsDue } from './report-due.ts';

/** Reports past their due day (report-due.ts) and not yet submitted, of the participants `where` selects. At most 200 participants are looked at. */
export async function overdueReports(ctx: CoreContext, where: SQL | undefined) {
  const today = osloDate(ctx.now());
  const people = await ctx.db
    .select({
      id: participants.id,
      participant: sql<string>`${participants.givenName} || ' ' || ${participants.familyName}`,
      status: participants.status,
      startsOn: participants.startsOn,
      endsOn: participants.endsOn,
      actualStartsOn: participants.actualStartsOn,
      actualEndsOn: participants.actualEndsOn,
      homeOrganisationId: participants.homeOrganisationId,
      hostOrganisationId: participants.hostOrganisationId,
    })
    .from(participants)
    .where(and(where, isNotNull(participants.actualStartsOn), inArray(participants.status, ['in_placement', 'returned', 'completed', 'ended_early'])))
    .limit(200);
  if (people.length === 0) return [];
  const delivered = await ctx.db
    .select({ participantId: participantReports.participantId, kind: participantReports.kind })
    .from(participantReports)
    .where(and(inArray(participantReports.participantId, people.map((p) => p.id)), inArray(participantReports.status, [...DELIVERED])));
  const done = new Set(delivered.map((d) => `${d.participantId}:${d.kind}`));
  return people.flatMap((p) =>
    reportsDue(p)
      .filter((r) => r.dueOn < today && !done.has(`${p.id}:${r.kind}`))
      .map((r) => ({ participantId: p.id, participant: p.participant, kind: r.kind, dueOn: r.dueOn, homeOrganisationId: p.homeOrganisationId, hostOrganisationId: p.hostOrganisationId })),
  );
}

