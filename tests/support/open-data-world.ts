import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createParticipant } from '../../db/factories/participant-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { createPartnershipStage } from '../../db/factories/partnership-stage-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { createGoalWithIndicators, createResultReport } from '../../db/factories/result-report-factory.ts';
import type { Database } from '../../db/database.ts';

/**
 * Hand-made records for the open datasets: a Førde–Lilongwe partnership (a feasibility study, a collaboration
 * agreement and two rounds), one still applied for (not public), result reports accepted with lessons
 * published, accepted without the opt-in, submitted and returned (with lessons opted in, never to be seen),
 * and people who went: 6 from Malawi to Norway, 2 from Norway to Malawi (a small cell) in 2024.
 */
export async function openDataWorld(db: Database) {
  const programme = await createProgramme(db, { code: 'health-od', name: 'Health exchange' });
  const forde = await createOrganisation(db, { countryCode: 'NO', city: 'Førde', legalName: 'Helse Førde HF', shortName: 'Helse Førde', registrationScheme: 'NO-BRC', registrationNumber: '983974732', website: 'https://helse-forde.no', organisationType: '10' });
  const lilongwe = await createOrganisation(db, { countryCode: 'MW', city: 'Lilongwe', legalName: '=Kamuzu Central Hospital', organisationType: '10' });
  const nairobi = await createOrganisation(db, { countryCode: 'KE', city: 'Nairobi', legalName: 'Nairobi Nursing School' });
  const partnership = await createPartnership(db, { partners: [forde, lilongwe], programmeId: programme.id, title: 'Newborn care in Førde and Lilongwe', sdgGoals: ['5', '3'], sectorCode: '12181', startsOn: '2024-06-01', endsOn: '2027-12-31' });
  const applied = await createPartnership(db, { partners: [nairobi, forde], programmeId: programme.id, title: 'Nursing schools applying', status: 'approved' });
  await createPartnershipStage(db, { partnership, kind: 'feasibility', startsOn: '2024-06-01', endsOn: '2024-12-31', amountCeilingMinor: 150_000_00 });
  await createPartnershipStage(db, { partnership, kind: 'agreement', startsOn: '2025-01-01', endsOn: '2027-12-31', amountCeilingMinor: 4_500_000_00 });
  const round1 = await createPartnershipStage(db, { partnership, kind: 'round', roundNumber: 1, startsOn: '2025-03-01', endsOn: '2026-02-28', amountCeilingMinor: 1_500_000_00 });
  const round2 = await createPartnershipStage(db, { partnership, kind: 'round', roundNumber: 2, startsOn: '2026-03-01', endsOn: '2027-02-28', amountCeilingMinor: 1_600_000_00 });
  const shared = await createGoalWithIndicators(db, {
    applicationId: round1.applicationId,
    indicators: [
      { description: 'Nurses trained in newborn resuscitation', baseline: '4', target: '40', level: 'organisational', countsPeople: true, sdgTargets: ['3.2'] },
      { description: 'How the simulation lab is used', baseline: 'No lab', target: 'Used weekly', level: 'organisational' },
    ],
  });
  const [people, lab] = shared.indicators as [(typeof shared.indicators)[number], (typeof shared.indicators)[number]];
  const published = await createResultReport(db, { stageId: round1.id, organisationId: lilongwe.id, status: 'accepted', narrative: 'Not for the public', lessons: 'Training in pairs worked better than courses.', publishLessons: true, decidedAt: new Date('2026-03-20T10:00:00Z'), values: [{ indicatorId: people.id, women: 12, men: 6, other: 0 }, { indicatorId: lab.id, valueText: 'Used twice a month' }] });
  const private_ = await createResultReport(db, { stageId: round1.id, organisationId: forde.id, status: 'accepted', narrative: 'Ours only', lessons: 'Secret lessons of Førde.', publishLessons: false, values: [{ indicatorId: people.id, women: 3, men: 2, other: 1 }] });
  const submitted = await createResultReport(db, { stageId: round2.id, organisationId: lilongwe.id, status: 'submitted', lessons: 'Lessons still under review.', publishLessons: true, values: [{ indicatorId: people.id, women: 99, men: 99, other: 0 }] });
  const returned = await createResultReport(db, { stageId: round2.id, organisationId: forde.id, status: 'returned', lessons: 'Lessons sent back.', publishLessons: true, values: [{ indicatorId: people.id, women: 77, men: 0, other: 0 }] });
  const go = (home: typeof forde, host: typeof forde, n: number) =>
    Promise.all(Array.from({ length: n }, () => createParticipant(db, { partnershipId: partnership.id, homeOrganisationId: home.id, hostOrganisationId: host.id, homeCountry: home.countryCode, gender: 'female', birthDate: '1997-01-01', startsOn: '2024-08-01', endsOn: '2025-01-31', status: 'alumni' })));
  await go(lilongwe, forde, 6);
  await go(forde, lilongwe, 2);
  return { programme, forde, lilongwe, nairobi, partnership, applied, round1, round2, people, lab, reports: { published, private: private_, submitted, returned } };
}
