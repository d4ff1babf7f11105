import { asc, desc, eq, sql } from 'drizzle-orm';
import { osloDate } from '../../core/partnerships/check-deadline.ts';
import { createCall, type CallRow } from '../factories/call-factory.ts';
import { createSequence } from '../factories/sequence.ts';
import type { Database } from '../database.ts';
import { applicationPartners, applications, planFlows } from '../schema/applications.ts';
import type { CallStage } from '../schema/calls.ts';
import { organisations } from '../schema/organisations.ts';
import { participants } from '../schema/participants.ts';
import { partnershipStages } from '../schema/partnership-stages.ts';
import { partnershipPartners, partnerships } from '../schema/partnerships.ts';
import { programmes } from '../schema/programmes.ts';

/** SDGs by DAC sector of the demo partnerships (UNSDG-Goals codes). */
const sdgsBySector: Record<string, string[]> = {
  '12191': ['3'],
  '12181': ['3', '4'],
  '12220': ['3', '10'],
  '11130': ['4'],
  '11330': ['4', '8'],
  '15153': ['16'],
  '15150': ['16', '13'],
  '23210': ['7', '13'],
  '31120': ['2', '5'],
  '25010': ['8', '9'],
};

/** One demo partnership is behind its plan, so its page shows what a flagged partner looks like. */
const behindPlan = 'Community health workers exchange';
const NOK_PER_PARTICIPANT_MONTH = 15_000_00;

interface Flow {
  from: string;
  to: string;
  participants: number;
}

const addMonths = (iso: string, months: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
};
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const minIso = (a: string, b: string) => (a < b ? a : b);

/**
 * Gives every demo partnership the agreement chain its approval would have made (docs/architecture.md#agreement-chain): a past,
 * closed call of its programme, an approved collaboration-agreement application with the same partners
 * (all confirmed) and an exchange plan matching its participants, and a round stage per year that has
 * begun, each with its own application and plan. Also sets the SDGs on partnership and applications.
 */
export async function seedDemoAgreementChain(tx: Database, now = new Date()) {
  const seq = createSequence(2024);
  const today = osloDate(now);
  const calls = new Map<string, CallRow>();
  const callFor = async (programme: { id: string; name: string }, stage: CallStage, year: number) => {
    const key = `${programme.id}:${stage}:${year}`;
    let call = calls.get(key);
    if (!call) {
      call = await createCall(
        tx,
        {
          fundedMinor: 0,
          programmeId: programme.id,
          stage,
          title: `${programme.name} ${year}: ${stage === 'agreement' ? 'collaboration agreements' : 'exchange rounds'}`,
          opensOn: `${year - 1}-${stage === 'agreement' ? '08' : '10'}-01`,
          deadline: `${year - 1}-${stage === 'agreement' ? '10' : '11'}-15`,
          budgetCeilingMinor: stage === 'agreement' ? 30_000_000_00 : 12_000_000_00,
        },
        seq,
      );
      calls.set(key, call);
    }
    return call;
  };

  const ships = await tx
    .select({ partnership: partnerships, programme: { id: programmes.id, name: programmes.name } })
    .from(partnerships)
    .innerJoin(programmes, eq(programmes.id, partnerships.programmeId))
    .orderBy(asc(partnerships.title));
  for (const { partnership: p, programme } of ships) {
    const partners = await tx
      .select({ id: partnershipPartners.organisationId, isCoordinator: partnershipPartners.isCoordinator })
      .from(partnershipPartners)
      .innerJoin(organisations, eq(organisations.id, partnershipPartners.organisationId))
      .where(eq(partnershipPartners.partnershipId, p.id))
      .orderBy(desc(partnershipPartners.isCoordinator), asc(organisations.legalName));
    const actual: Flow[] = await tx
      .select({ from: participants.homeOrganisationId, to: participants.hostOrganisationId, participants: sql<number>`count(*)::int` })
      .from(participants)
      .where(eq(participants.partnershipId, p.id))
      .groupBy(participants.homeOrganisationId, participants.hostOrganisationId);
    const startsOn = p.startsOn ?? '2025-01-01';
    const endsOn = p.endsOn ?? addMonths(startsOn, 24);
    const sdgGoals = sdgsBySector[p.sectorCode ?? ''] ?? [];
    const status = p.status === 'closed' ? 'closed' : 'active';

    // Up to two yearly rounds share the participants; a partnership too short for two has one.
    const years = Math.max(1, Math.round((Date.parse(endsOn) - Date.parse(startsOn)) / (365.25 * 86_400_000)));
    const roundCount = Math.min(2, years, Math.min(...actual.map((f) => f.participants)));
    const rounds = Array.from({ length: Math.max(1, roundCount) }, (_, i) => {
      const roundStart = addMonths(startsOn, 12 * i);
      const flows = actual.map((f) => ({ ...f, participants: i === 0 ? Math.ceil(f.participants / roundCount) : Math.floor(f.participants / roundCount) }));
      if (p.title === behindPlan && i === 0 && flows[0]) flows[0] = { ...flows[0], participants: flows[0].participants + 1 };
      return { number: i + 1, startsOn: roundStart, endsOn: minIso(dayBefore(addMonths(roundStart, 12)), endsOn), flows };
    });
    const roundAmount = (flows: Flow[]) => flows.reduce((sum, f) => sum + f.participants * 12 * NOK_PER_PARTICIPANT_MONTH, 0);

    const grant = async (stage: CallStage, title: string, period: { startsOn: string; endsOn: string }, amount: number, plan: { round: number; startsOn: string; flows: Flow[] }[], roundNumber: number | null) => {
      const call = await callFor(programme, stage, Number(period.startsOn.slice(0, 4)));
      const submittedAt = new Date(`${call.deadline}T10:00:00Z`);
      const [application] = await tx
        .insert(applications)
        .values({
          callId: call.id,
          partnershipId: p.id,
          coordinatorOrganisationId: partners[0]!.id,
          title,
          summary: 'Partners exchange staff both ways and bring new methods home to their colleagues.',
          status,
          shape: p.shape,
          sectorCode: p.sectorCode,
          sdgGoals,
          emergencyPlan: 'Each host names a contact person; evacuation through the embassy; the coordinator keeps the list of next of kin.',
          submittedAt,
          decidedAt: new Date(submittedAt.getTime() + 45 * 86_400_000),
          approvedStartsOn: period.startsOn,
          approvedEndsOn: period.endsOn,
          approvedAmountMinor: amount,
          approvedCurrency: 'NOK',
        })
        .returning({ id: applications.id });
      await tx
        .insert(applicationPartners)
        .values(partners.map((o, position) => ({ applicationId: application!.id, organisationId: o.id, isCoordinator: o.isCoordinator, position, confirmedAt: submittedAt })));
      const lines = plan.flatMap((r) =>
        r.flows.map((f) => ({
          applicationId: application!.id,
          round: r.round,
          sendingOrganisationId: f.from,
          hostOrganisationId: f.to,
          participants: f.participants,
          months: 12,
          startMonth: r.startsOn.slice(0, 7),
          competence: 'Day-to-day practice in the host’s field',
          purpose: 'Share methods both ways and train colleagues after return',
        })),
      );
      if (lines.length) await tx.insert(planFlows).values(lines);
      await tx.insert(partnershipStages).values({ partnershipId: p.id, applicationId: application!.id, kind: stage, roundNumber, ...period, amountCeilingMinor: amount, currency: 'NOK' });
    };

    const agreementAmount = rounds.reduce((sum, r) => sum + roundAmount(r.flows), 0);
    await grant('agreement', p.title, { startsOn, endsOn }, agreementAmount, rounds.map((r) => ({ round: r.number, startsOn: r.startsOn, flows: r.flows })), null);
    for (const r of rounds.filter((r) => r.startsOn <= today)) {
      await grant('round', `${p.title}: round ${r.number}`, r, roundAmount(r.flows), [{ round: r.number, startsOn: r.startsOn, flows: r.flows }], r.number);
    }
    await tx.update(partnerships).set({ sdgGoals }).where(eq(partnerships.id, p.id));
  }
}
