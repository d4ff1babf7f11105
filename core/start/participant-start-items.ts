import { and, desc, eq, inArray } from 'drizzle-orm';
import { alumniProfiles, engagementPlans } from '../../db/schema/care.ts';
import { participantDocuments, participantReports, participants } from '../../db/schema/participants.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import type { UserActor } from '../identity/actor.ts';
import { osloDate } from '../partnerships/check-deadline.ts';
import { attendedCourseKinds } from '../participants/move-participant.ts';
import { documentSlug } from '../participants/participant-documents.ts';
import { isOverdue } from '../participants/report-due-dates.ts';
import { CONSENT_VERSION, consentInForce } from '../participants/participant-self.ts';
import { addDays, DELIVERED, reportsDue } from './report-due.ts';
import type { StartItem, StartSection } from './start-item.ts';

const BEFORE_DEPARTURE = ['approved', 'preparing'] as const;

/**
 * A participant's start page: the next steps of their checklist. Before departure: consent and profile,
 * each document of the programme's checklist not yet sent or returned to them, the preparatory course;
 * during and after the placement: reports due within two weeks or overdue, each with its due date and whether
 * it has passed; back home: the engagement
 * plan; as alumni: the directory profile.
 */
export async function participantStartItems(ctx: CoreContext, actor: UserActor): Promise<StartSection[]> {
  if (actor.participantIds.length === 0) return [];
  const [me] = await ctx.db
    .select({ participant: participants, checklist: programmes.documents })
    .from(participants)
    .innerJoin(partnerships, eq(partnerships.id, participants.partnershipId))
    .innerJoin(programmes, eq(programmes.id, partnerships.programmeId))
    .where(inArray(participants.id, actor.participantIds))
    .orderBy(desc(participants.startsOn))
    .limit(1);
  if (!me) return [];
  const p = me.participant;
  const items: StartItem[] = [];
  const beforeDeparture = (BEFORE_DEPARTURE as readonly string[]).includes(p.status);
  // Consent is a step until the text in force (its current version) has been agreed to.
  if ((p.status === 'nominated' || beforeDeparture) && (await consentInForce(ctx.db, p.id))?.textVersion !== CONSENT_VERSION) items.push({ type: 'consent', href: '/exchange' });
  if (beforeDeparture) {
    const documents = await ctx.db.select({ kind: participantDocuments.kind, status: participantDocuments.status }).from(participantDocuments).where(eq(participantDocuments.participantId, p.id));
    for (const [index, kind] of me.checklist.entries()) {
      const doc = documents.find((d) => d.kind === kind);
      const href = `/exchange/documents/${documentSlug(kind, index)}`;
      if (!doc) items.push({ type: 'documentMissing', href, documentKind: kind });
      else if (doc.status === 'returned') items.push({ type: 'documentReturned', href, documentKind: kind });
    }
    if (!(await attendedCourseKinds(ctx.db, p.id)).includes('preparatory')) items.push({ type: 'course', href: '/exchange' });
  }
  const today = osloDate(ctx.now());
  const soon = addDays(today, 14);
  const due = reportsDue(p).filter((r) => r.dueOn <= soon);
  if (due.length) {
    const delivered = await ctx.db
      .select({ kind: participantReports.kind })
      .from(participantReports)
      .where(and(eq(participantReports.participantId, p.id), inArray(participantReports.status, [...DELIVERED])));
    for (const r of due) if (!delivered.some((d) => d.kind === r.kind)) items.push({ type: 'reportDue', href: `/exchange/reports/${r.kind}`, reportKind: r.kind, dueOn: r.dueOn, late: isOverdue(r.dueOn, null, today) });
  }
  if (p.status === 'returned' || p.status === 'completed') {
    const [plan] = await ctx.db.select({ plan: engagementPlans.plan }).from(engagementPlans).where(eq(engagementPlans.participantId, p.id));
    if (!plan?.plan) items.push({ type: 'engagement', href: '/exchange/engagement' });
  }
  if (p.status === 'alumni') {
    const [profile] = await ctx.db.select({ listed: alumniProfiles.listed }).from(alumniProfiles).where(eq(alumniProfiles.participantId, p.id));
    if (!profile) items.push({ type: 'alumni', href: '/exchange/engagement' });
  }
  return [{ kind: 'participant', items }];
}
