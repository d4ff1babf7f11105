import { and, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { participantReports, participants } from '../../db/schema/participants.ts';
import type { CoreContext } from '../context.ts';
import { osloDate } from '../partnerships/check-deadline.ts';
import { DELIVERED, reportsDue } from './report-due.ts';
import type { StartItem } from './start-item.ts';

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


/**
 * Overdue reports as start items, one per participant rather than one per report (a person back home a year
 * owes four at once): a link to the first owed, and every kind owed, in the order they fell due.
 */
export function overdueItems(overdue: Awaited<ReturnType<typeof overdueReports>>): StartItem[] {
  const byPerson = new Map<string, StartItem & { reportKinds: string[] }>();
  for (const r of overdue) {
    const item = byPerson.get(r.participantId);
    if (item) {
      item.reportKinds.push(r.kind);
      item.count = item.reportKinds.length;
    } else byPerson.set(r.participantId, { type: 'reportOverdue', href: `/participants/${r.participantId}/reports/${r.kind}`, participant: r.participant, reportKind: r.kind, reportKinds: [r.kind], count: 1 });
  }
  return [...byPerson.values()];
}
