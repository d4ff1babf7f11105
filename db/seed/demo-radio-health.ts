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
 * A Professional partnership between Radio Comunitaria Cochabamba (Bolivia) and Asociación Maya de Salud
 * (Quetzaltenango, Guatemala) with its agreement and a running round 1 whose plan sends two people each
 * way, nobody nominated yet: tests/e2e/participant-journey.spec.ts nominates on it, by this title.
 * Dated from the seed day: round 1 began on the first of the month six months ago and lasts a year, so a
 * stay of six months that began in the past and ends in the future fits in it whenever the demo starts.
 */
export const DEMO_RADIO_HEALTH = 'Community radio for health in the Andes and the Mayan highlands';

const addDays = (iso: string, days: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
const addMonths = (iso: string, months: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
};

export async function seedDemoRadioHealth(tx: Database, organisations: Map<string, OrganisationRow>, programmes: Map<string, ProgrammeRow>, seq: Sequence, now = new Date()) {
  const cochabamba = organisations.get('cochabamba-radio')!;
  const maya = organisations.get('maya-health')!;
  const professional = programmes.get('professional')!;
  const startsOn = addMonths(`${osloDate(now).slice(0, 7)}-01`, -6);
  const endsOn = addDays(addMonths(startsOn, 36), -1);
  const sdgGoals = ['3', '16'];
  const partnership = await createPartnership(tx, { title: DEMO_RADIO_HEALTH, programmeId: professional.id, partners: [cochabamba, maya], sectorCode: '15153', sdgGoals, status: 'active', startsOn, endsOn }, seq);
  const flows = (round: number) => [
    { round, from: 0, to: 1, participants: 2, months: 6, startMonth: addMonths(startsOn, 12 * (round - 1)).slice(0, 7) },
    { round, from: 1, to: 0, participants: 2, months: 6, startMonth: addMonths(startsOn, 12 * (round - 1)).slice(0, 7) },
  ];
  // Each stage granted in a call that closed before it began, like every demo chain.
  const grant = async (stage: 'agreement' | 'round', period: { startsOn: string; endsOn: string }, amountCeilingMinor: number, plan: ReturnType<typeof flows>) => {
    const year = period.startsOn.slice(0, 4);
    const call = await createCall(
      tx,
      { fundedMinor: 0, programmeId: professional.id, stage, title: `Professional ${year}: ${stage === 'agreement' ? 'collaboration agreements' : 'exchange rounds'} (Latin America)`, opensOn: addDays(period.startsOn, -150), deadline: addDays(period.startsOn, -90) },
      seq,
    );
    const submittedAt = new Date(`${call.deadline}T10:00:00Z`);
    const application = await createApplication(
      tx,
      {
        partners: [cochabamba, maya],
        partnershipId: partnership.id,
        callId: call.id,
        title: stage === 'agreement' ? DEMO_RADIO_HEALTH : `${DEMO_RADIO_HEALTH}: round 1`,
        summary: 'Community radio journalists and Maya health promoters work side by side: health programmes on the radio in Cochabamba, radio spots in Mam and K’iche’ in Quetzaltenango.',
        status: 'active',
        sectorCode: '15153',
        sdgGoals,
        sdgTargets: ['3.7', '16.10'],
        emergencyPlan: 'Each host names a contact person reachable day and night; medical evacuation through the insurer; the coordinator keeps the next of kin list and calls the embassy.',
        submittedAt,
        decidedAt: new Date(submittedAt.getTime() + 45 * 86_400_000),
        approvedStartsOn: period.startsOn,
        approvedEndsOn: period.endsOn,
        approvedAmountMinor: amountCeilingMinor,
        approvedCurrency: 'NOK',
        flows: plan,
      },
      seq,
    );
    await createPartnershipStage(tx, { partnership, kind: stage, applicationId: application.id, ...period, amountCeilingMinor, ...(stage === 'round' ? { roundNumber: 1 } : {}) }, seq);
  };
  await grant('agreement', { startsOn, endsOn }, 2 * 4 * 6 * 15_000_00, [...flows(1), ...flows(2)]);
  await grant('round', { startsOn, endsOn: addDays(addMonths(startsOn, 12), -1) }, 4 * 6 * 15_000_00, flows(1));
}
