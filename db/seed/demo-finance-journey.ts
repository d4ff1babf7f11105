import { osloDate } from '../../core/partnerships/check-deadline.ts';
import { createApplication } from '../factories/application-factory.ts';
import { createCall } from '../factories/call-factory.ts';
import type { OrganisationRow } from '../factories/organisation-factory.ts';
import { createPartnership } from '../factories/partnership-factory.ts';
import { createPartnershipStage } from '../factories/partnership-stage-factory.ts';
import type { ProgrammeRow } from '../factories/programme-factory.ts';
import type { Sequence } from '../factories/sequence.ts';
import type { Database } from '../database.ts';

/**
 * Money from Parliament to the people on exchange, ready to follow: a Health round call that has closed
 * and has no money yet, and two round-1 applications in review in it, each from a partnership whose
 * collaboration agreement is in force. One is the triangular Addis Ababa–Bergen–Kathmandu round whose
 * travel comes from the real distances between the three; the other, Lilongwe–Moshi, asks for more than
 * the call will have left once the first is approved. tests/e2e/finance-journey.spec.ts follows them by
 * these titles; `seedDemoFinance` leaves the call unfunded (the finance officer allocates to it there).
 */
export const DEMO_FINANCE_JOURNEY = {
  call: 'Health 2027: exchange rounds',
  triangular: 'Nurse teachers across Ethiopia, Norway and Nepal',
  southSouth: 'Community midwifery between Lilongwe and Moshi',
} as const;

const addDays = (iso: string, days: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

export async function seedDemoFinanceJourney(tx: Database, organisations: Map<string, OrganisationRow>, programmes: Map<string, ProgrammeRow>, seq: Sequence, now = new Date()) {
  const health = programmes.get('health')!;
  const today = osloDate(now);
  const roundCall = await createCall(
    tx,
    { fundedMinor: 0, programmeId: health.id, stage: 'round', title: DEMO_FINANCE_JOURNEY.call, opensOn: addDays(today, -45), deadline: addDays(today, -10), budgetCeilingMinor: 3_000_000_00 },
    seq,
  );
  const agreementCall = await createCall(
    tx,
    { fundedMinor: 0, programmeId: health.id, stage: 'agreement', title: 'Health 2026: collaboration agreements (spring)', opensOn: addDays(today, -400), deadline: addDays(today, -330) },
    seq,
  );
  const agreementPeriod = { startsOn: addDays(today, -240), endsOn: addDays(today, 3 * 365) };
  const partnershipWithRound = async (title: string, summary: string, partners: OrganisationRow[], flows: { from: number; to: number; participants: number; months: number }[], sectorCode: string) => {
    const partnership = await createPartnership(tx, { title, programmeId: health.id, partners, sectorCode, sdgGoals: ['3', '4'], status: 'active', ...agreementPeriod }, seq);
    const submittedAt = new Date(`${agreementCall.deadline}T10:00:00Z`);
    const agreement = await createApplication(
      tx,
      {
        partners,
        partnershipId: partnership.id,
        callId: agreementCall.id,
        title,
        summary,
        status: 'active',
        sectorCode,
        sdgGoals: ['3', '4'],
        sdgTargets: ['3.c', '4.c'],
        emergencyPlan: 'Each host names a contact person reachable day and night; medical evacuation through the insurer; the coordinator keeps the next of kin list and calls the embassy.',
        submittedAt,
        decidedAt: new Date(submittedAt.getTime() + 40 * 86_400_000),
        approvedStartsOn: agreementPeriod.startsOn,
        approvedEndsOn: agreementPeriod.endsOn,
        approvedAmountMinor: 6_000_000_00,
        approvedCurrency: 'NOK',
        flows: flows.map((f) => ({ ...f, round: 1 })),
      },
      seq,
    );
    await createPartnershipStage(tx, { partnership, kind: 'agreement', applicationId: agreement.id, ...agreementPeriod, amountCeilingMinor: 6_000_000_00 }, seq);
    // Round 1, submitted before the deadline and in review: its exchanges start the month after the deadline.
    await createApplication(
      tx,
      {
        partners,
        partnershipId: partnership.id,
        callId: roundCall.id,
        title: `${title}: round 1`,
        summary,
        status: 'in_review',
        sectorCode,
        sdgGoals: ['3', '4'],
        sdgTargets: ['3.c', '4.c'],
        emergencyPlan: 'Each host names a contact person reachable day and night; medical evacuation through the insurer; the coordinator keeps the next of kin list and calls the embassy.',
        submittedAt: new Date(`${addDays(roundCall.deadline, -3)}T09:00:00Z`),
        flows: flows.map((f) => ({ ...f, round: 1 })),
      },
      seq,
    );
  };
  await partnershipWithRound(
    DEMO_FINANCE_JOURNEY.triangular,
    'Nurse teachers from Addis Ababa, clinical nurses from Bergen and ward sisters from Kathmandu teach in each other’s wards and classrooms, each sending and each receiving.',
    [organisations.get('addis-nursing')!, organisations.get('bergen-health')!, organisations.get('kathmandu-hospital')!],
    [
      { from: 0, to: 1, participants: 2, months: 6 },
      { from: 1, to: 2, participants: 1, months: 6 },
      { from: 2, to: 0, participants: 2, months: 6 },
    ],
    '12181',
  );
  await partnershipWithRound(
    DEMO_FINANCE_JOURNEY.southSouth,
    'Community midwives from Lilongwe and Moshi work a year in each other’s districts: home visits, referral routines and teaching of traditional birth attendants.',
    [organisations.get('lilongwe-health')!, organisations.get('moshi-nursing')!],
    [
      { from: 0, to: 1, participants: 4, months: 12 },
      { from: 1, to: 0, participants: 4, months: 12 },
    ],
    '12220',
  );
  return roundCall;
}
