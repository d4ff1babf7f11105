import { osloDate } from '../../core/partnerships/check-deadline.ts';
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
  const partnership = await createPartnership(tx, { title: DEMO_RADIO_HEALTH, programmeId: professional.id, partners: [cochabamba, maya], sectorCode: '15153', sdgGoals: ['3', '16'], status: 'active', startsOn, endsOn }, seq);
  const flows = (round: number) => [
    { round, from: 0, to: 1, participants: 2, months: 6, startMonth: addMonths(startsOn, 12 * (round - 1)).slice(0, 7) },
    { round, from: 1, to: 0, participants: 2, months: 6, startMonth: addMonths(startsOn, 12 * (round - 1)).slice(0, 7) },
  ];
  await createPartnershipStage(tx, { partnership, kind: 'agreement', startsOn, endsOn, amountCeilingMinor: 4 * 2 * 6 * 15_000_00, flows: [...flows(1), ...flows(2)] }, seq);
  await createPartnershipStage(tx, { partnership, kind: 'round', roundNumber: 1, startsOn, endsOn: addDays(addMonths(startsOn, 12), -1), amountCeilingMinor: 4 * 6 * 15_000_00, flows: flows(1) }, seq);
}
