import { osloDate } from '../../core/partnerships/check-deadline.ts';
import { createApplication } from '../factories/application-factory.ts';
import { createCall } from '../factories/call-factory.ts';
import type { OrganisationRow } from '../factories/organisation-factory.ts';
import { createPartnership } from '../factories/partnership-factory.ts';
import { createPartnershipStage } from '../factories/partnership-stage-factory.ts';
import type { ProgrammeRow } from '../factories/programme-factory.ts';
import type { Sequence } from '../factories/sequence.ts';
import type { Database } from '../database.ts';
import { applicationGoals, goalIndicators, planFlows } from '../schema/applications.ts';

/**
 * Two Professional partnerships of Addis Ababa College of Nursing part-way along the agreement chain,
 * for the open "Professional … exchange rounds" call (docs/decisions/006, addendum): one with its
 * collaboration agreement approved and no round yet, which can continue into round 1 and starts
 * filled in from the agreement; one with only a feasibility study, which cannot apply for a round.
 * tests/e2e/continue-partnership.spec.ts finds them by these titles.
 */
export const DEMO_CONTINUATIONS = {
  agreement: 'Clinical teaching between Addis Ababa and Bergen',
  feasibility: 'Simulation labs for nursing schools',
} as const;

const addDays = (iso: string, days: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
const addMonths = (iso: string, months: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
};

async function addGoal(tx: Database, applicationId: string, position: number, organisationId: string | null, description: string, indicators: [string, string, string][]) {
  const [goal] = await tx.insert(applicationGoals).values({ applicationId, organisationId, description, position }).returning({ id: applicationGoals.id });
  await tx.insert(goalIndicators).values(indicators.map(([what, baseline, target], n) => ({ goalId: goal!.id, description: what, baseline, target, position: n })));
}

/** Dated from the seed day, like the demo calls, so the agreement is in force whenever the demo starts. */
export async function seedDemoContinuations(
  tx: Database,
  organisations: Map<string, OrganisationRow>,
  programmes: Map<string, ProgrammeRow>,
  seq: Sequence,
  now = new Date(),
) {
  const addis = organisations.get('addis-nursing')!;
  const bergen = organisations.get('bergen-health')!;
  const moshi = organisations.get('moshi-nursing')!;
  const professional = programmes.get('professional')!;
  const today = osloDate(now);
  const thisMonth = `${today.slice(0, 7)}-01`;

  // The agreement: approved last spring in a closed call, three years from this month, rounds not yet applied for.
  const agreementCall = await createCall(
    tx,
    { fundedMinor: 0, programmeId: professional.id, stage: 'agreement', title: `Professional ${today.slice(0, 4)}: collaboration agreements (second intake)`, opensOn: addDays(today, -240), deadline: addDays(today, -150) },
    seq,
  );
  const startsOn = thisMonth;
  const endsOn = addDays(addMonths(startsOn, 36), -1);
  const partnership = await createPartnership(tx, { title: DEMO_CONTINUATIONS.agreement, programmeId: professional.id, partners: [addis, bergen], sectorCode: '12181', sdgGoals: ['3', '4'], status: 'active', startsOn, endsOn }, seq);
  const submittedAt = new Date(`${agreementCall.deadline}T10:00:00Z`);
  const agreement = await createApplication(
    tx,
    {
      partners: [addis, bergen],
      partnershipId: partnership.id,
      callId: agreementCall.id,
      title: DEMO_CONTINUATIONS.agreement,
      summary: 'Nurse teachers in Addis Ababa and clinical nurses in Bergen teach each other: simulation-based training in Bergen, bedside teaching in Addis Ababa.',
      status: 'active',
      sectorCode: '12181',
      sdgGoals: ['3', '4'],
      sdgTargets: ['3.c', '4.c'],
      markers: { human_rights: 0, gender_equality: 1, environment: 0, anti_corruption: 0 },
      emergencyPlan: 'Each host names a contact person reachable day and night; medical evacuation through the insurer; the coordinator keeps the next of kin list and calls the embassy.',
      submittedAt,
      decidedAt: new Date(submittedAt.getTime() + 45 * 86_400_000),
      approvedStartsOn: startsOn,
      approvedEndsOn: endsOn,
      approvedAmountMinor: 7_200_000_00,
      approvedCurrency: 'NOK',
      flows: [],
    },
    seq,
  );
  await addGoal(tx, agreement.id, 0, null, 'Nursing students in both countries learn clinical skills through simulation and supervised practice', [['Simulation sessions a year', '0', '24']]);
  await addGoal(tx, agreement.id, 1, addis.id, 'Addis Ababa College of Nursing runs its own simulation lab', [['Teachers certified as simulation instructors', '0', '6']]);
  await addGoal(tx, agreement.id, 2, bergen.id, 'Bergen’s nurses teach in settings with few resources', [['Nurses with teaching experience abroad', '1', '8']]);
  // Each round's exchanges start in the ninth month from now, a year apart: after any round call now open.
  const flows = [1, 2].flatMap((round) => {
    const startMonth = addMonths(thisMonth, 9 + 12 * (round - 1)).slice(0, 7);
    return [
      { round, from: addis.id, to: bergen.id, participants: 2, months: 12, startMonth, competence: 'Simulation-based teaching', purpose: 'Set up the simulation lab at home and train colleagues' },
      { round, from: bergen.id, to: addis.id, participants: 2, months: 6, startMonth, competence: 'Clinical teaching with few resources', purpose: 'Teach at the bedside and bring the methods back to Bergen' },
    ];
  });
  await tx.insert(planFlows).values(
    flows.map((f, n) => ({
      applicationId: agreement.id,
      round: f.round,
      sendingOrganisationId: f.from,
      hostOrganisationId: f.to,
      participants: f.participants,
      months: f.months,
      startMonth: f.startMonth,
      competence: f.competence,
      purpose: f.purpose,
      createdAt: new Date(submittedAt.getTime() + n),
    })),
  );
  await createPartnershipStage(tx, { partnership, kind: 'agreement', applicationId: agreement.id, startsOn, endsOn, amountCeilingMinor: 7_200_000_00 }, seq);

  // The feasibility study: a year from four months ago; it has no agreement, so no round yet.
  const studyCall = await createCall(
    tx,
    { fundedMinor: 0, programmeId: professional.id, stage: 'feasibility', title: `Professional ${addDays(today, -200).slice(0, 4)}: feasibility studies (second intake)`, opensOn: addDays(today, -260), deadline: addDays(today, -200), budgetCeilingMinor: 2_000_000_00 },
    seq,
  );
  const studyStarts = addMonths(thisMonth, -4);
  const studyEnds = addDays(addMonths(studyStarts, 12), -1);
  const study = await createPartnership(tx, { title: DEMO_CONTINUATIONS.feasibility, programmeId: professional.id, partners: [addis, moshi], sectorCode: '12181', sdgGoals: ['4'], status: 'active', startsOn: studyStarts, endsOn: studyEnds }, seq);
  const studySubmitted = new Date(`${studyCall.deadline}T10:00:00Z`);
  const studyApplication = await createApplication(
    tx,
    {
      partners: [addis, moshi],
      partnershipId: study.id,
      callId: studyCall.id,
      title: DEMO_CONTINUATIONS.feasibility,
      summary: 'Two nursing schools visit each other to see whether a shared simulation curriculum can work in both.',
      status: 'active',
      sectorCode: '12181',
      sdgGoals: ['4'],
      sdgTargets: ['4.c'],
      emergencyPlan: 'Short visits only; each host names a contact person.',
      submittedAt: studySubmitted,
      decidedAt: new Date(studySubmitted.getTime() + 30 * 86_400_000),
      approvedStartsOn: studyStarts,
      approvedEndsOn: studyEnds,
      approvedAmountMinor: 150_000_00,
      approvedCurrency: 'NOK',
      flows: [],
    },
    seq,
  );
  await addGoal(tx, studyApplication.id, 0, null, 'Decide whether a shared simulation curriculum fits both schools', [['Joint curriculum outline', 'none', 'agreed by both schools']]);
  await createPartnershipStage(tx, { partnership: study, kind: 'feasibility', applicationId: studyApplication.id, startsOn: studyStarts, endsOn: studyEnds, amountCeilingMinor: 150_000_00 }, seq);
}
