import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { createParticipant } from '../factories/participant-factory.ts';
import { createSequence } from '../factories/sequence.ts';
import { planFlows } from '../schema/applications.ts';
import { organisations } from '../schema/organisations.ts';
import { participantDocuments, participants, participantStatusHistory, type ParticipantStatus } from '../schema/participants.ts';
import { partnershipStages } from '../schema/partnership-stages.ts';
import { partnerships } from '../schema/partnerships.ts';
import { programmes } from '../schema/programmes.ts';

const started: readonly ParticipantStatus[] = ['in_placement', 'returned', 'completed', 'alumni', 'ended_early'];
const ended: readonly ParticipantStatus[] = ['returned', 'completed', 'alumni'];

const osloDay = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(now);

/**
 * Gives the demo participants the lifecycle their dates suggest (docs/architecture.md#participant-lifecycle),
 * after the agreement chains exist: in placement while their stay runs, preparing or approved before it,
 * returned, completed or alumni after it, a few ended early; each tied to the round and plan flow they
 * were sent under, with a status history and, once they left, the programme's documents accepted.
 * Then two nominations awaiting a decision in the midwifery exchange between Kathmandu and Bergen: one
 * the host has still to answer, and one beyond the plan that the host accepted and an adviser must allow.
 */
export async function seedDemoParticipants(tx: Database, now = new Date()) {
  const seq = createSequence(5001);
  const today = osloDay(now);
  const rows = await tx
    .select({ participant: participants, partnershipStatus: partnerships.status, checklist: programmes.documents })
    .from(participants)
    .innerJoin(partnerships, eq(partnerships.id, participants.partnershipId))
    .innerJoin(programmes, eq(programmes.id, partnerships.programmeId))
    .orderBy(asc(participants.startsOn), asc(participants.familyName), asc(participants.givenName));
  const rounds = await tx
    .select({ stage: partnershipStages, flow: planFlows })
    .from(partnershipStages)
    .innerJoin(planFlows, eq(planFlows.applicationId, partnershipStages.applicationId))
    .where(eq(partnershipStages.kind, 'round'));
  const history: (typeof participantStatusHistory.$inferInsert)[] = [];
  const documents: (typeof participantDocuments.$inferInsert)[] = [];
  for (const { participant: p, partnershipStatus, checklist } of rows) {
    let status: ParticipantStatus;
    let reason: string | null = null;
    let actualEndsOn: string | null = null;
    if (partnershipStatus === 'closed') status = 'alumni';
    else if (p.endsOn < today) status = seq.pick(['completed', 'completed', 'returned', 'returned', 'alumni', 'ended_early'] as const);
    else if (p.startsOn > today) status = seq.pick(['preparing', 'approved'] as const);
    else status = seq.next() < 0.9 ? 'in_placement' : 'ended_early';
    if (status === 'ended_early') {
      reason = seq.pick(['Serious illness in the family', 'The host ward closed for renovation', 'Took up a position at home']);
      const midway = new Date((Date.parse(p.startsOn) + Date.parse(p.endsOn < today ? p.endsOn : today)) / 2).toISOString().slice(0, 10);
      actualEndsOn = midway > p.startsOn ? midway : p.startsOn;
    }
    if (ended.includes(status)) actualEndsOn = p.endsOn;
    const round = rounds.find(
      (r) => r.stage.partnershipId === p.partnershipId && r.stage.startsOn <= p.startsOn && p.startsOn <= r.stage.endsOn && r.flow.sendingOrganisationId === p.homeOrganisationId && r.flow.hostOrganisationId === p.hostOrganisationId,
    );
    await tx
      .update(participants)
      .set({
        status,
        statusReason: reason,
        hostDecision: 'accepted',
        actualStartsOn: started.includes(status) ? p.startsOn : null,
        actualEndsOn,
        stageId: round?.stage.id ?? null,
        planFlowId: round?.flow.id ?? null,
      })
      .where(eq(participants.id, p.id));
    history.push({ participantId: p.id, fromStatus: null, toStatus: status, reason, actorLabel: 'system:demo', at: now });
    if (started.includes(status)) {
      for (const kind of checklist) documents.push({ participantId: p.id, kind, fileRef: `demo/${p.id}/${kind.toLowerCase().replace(/[^a-z]+/g, '-')}.pdf`, status: 'accepted', reviewedAt: now });
    }
  }
  if (history.length) await tx.insert(participantStatusHistory).values(history);
  if (documents.length) await tx.insert(participantDocuments).values(documents);

  // Two nominations in the current round of the midwifery exchange, from Kathmandu to Bergen.
  const [kathmandu] = await tx.select().from(organisations).where(eq(organisations.legalName, 'Kathmandu Model Hospital'));
  const [flow] = kathmandu
    ? rounds
        .filter((r) => r.flow.sendingOrganisationId === kathmandu.id && r.stage.startsOn <= today && today <= r.stage.endsOn)
        .sort((a, b) => (a.stage.startsOn < b.stage.startsOn ? 1 : -1))
    : [];
  if (!kathmandu || !flow) return;
  // From the first of next month, six months or to the round's end.
  const nextMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1)).toISOString().slice(0, 10);
  const startsOn = nextMonth < flow.stage.endsOn ? nextMonth : flow.stage.startsOn;
  const lastDay = new Date(Date.UTC(Number(startsOn.slice(0, 4)), Number(startsOn.slice(5, 7)) - 1 + 6, 0)).toISOString().slice(0, 10);
  const endsOn = lastDay <= flow.stage.endsOn ? lastDay : flow.stage.endsOn;
  const taken = await tx.select({ id: participants.id }).from(participants).where(and(eq(participants.planFlowId, flow.flow.id), inArray(participants.status, ['nominated', 'approved', 'preparing', ...started])));
  const common = {
    partnershipId: flow.stage.partnershipId,
    homeOrganisationId: kathmandu.id,
    hostOrganisationId: flow.flow.hostOrganisationId,
    homeCountry: 'NP',
    stageId: flow.stage.id,
    planFlowId: flow.flow.id,
    status: 'nominated' as const,
    startsOn,
    endsOn,
  };
  const pending = await createParticipant(tx, { ...common, givenName: 'Manisha', familyName: 'Gurung', gender: 'female', birthDate: '1995-07-14', profession: 'Midwife', overPlan: taken.length >= flow.flow.participants, hostDecision: 'pending' }, seq);
  const extra = await createParticipant(tx, { ...common, givenName: 'Bikash', familyName: 'Tamang', gender: 'male', birthDate: '1992-11-02', profession: 'Anaesthesia nurse', overPlan: true, hostDecision: 'accepted', hostDecidedAt: now }, seq);
  await tx.insert(participantStatusHistory).values([pending, extra].map((p) => ({ participantId: p.id, fromStatus: null, toStatus: 'nominated' as const, actorLabel: 'system:demo', at: now })));
}
