import type { DemoOrganisationKey } from './demo-organisations.ts';

export interface DemoPartnership {
  title: string;
  programme: 'professional' | 'volunteer-youth' | 'health';
  /** The first partner coordinates. */
  partners: DemoOrganisationKey[];
  sectorCode: string;
  status: 'active' | 'closed';
  startsOn: string;
  endsOn: string;
  /** Participants per sending → host flow; every partner both sends and hosts. */
  perFlow: number;
}

export const demoPartnerships: DemoPartnership[] = [
  { title: 'Midwifery and emergency care exchange', programme: 'health', partners: ['bergen-health', 'kathmandu-hospital'], sectorCode: '12191', status: 'active', startsOn: '2025-01-01', endsOn: '2027-12-31', perFlow: 2 },
  { title: 'Nursing education across three countries', programme: 'health', partners: ['addis-nursing', 'bergen-health', 'moshi-nursing'], sectorCode: '12181', status: 'active', startsOn: '2024-08-01', endsOn: '2027-07-31', perFlow: 1 },
  { title: 'Teachers learning from teachers', programme: 'professional', partners: ['mzuzu-teachers', 'himalayan-teachers'], sectorCode: '11130', status: 'active', startsOn: '2025-03-01', endsOn: '2027-02-28', perFlow: 2 },
  { title: 'Folk high school youth exchange', programme: 'volunteer-youth', partners: ['sunnfjord', 'blantyre-youth'], sectorCode: '11330', status: 'active', startsOn: '2024-08-01', endsOn: '2026-07-31', perFlow: 3 },
  { title: 'Community radio for accountability', programme: 'professional', partners: ['oslo-media', 'pokhara-radio', 'cochabamba-radio'], sectorCode: '15153', status: 'active', startsOn: '2025-01-01', endsOn: '2028-12-31', perFlow: 1 },
  { title: 'Solar skills for rural clinics', programme: 'professional', partners: ['stavanger-green', 'bahir-dar-energy'], sectorCode: '23210', status: 'active', startsOn: '2025-09-01', endsOn: '2027-08-31', perFlow: 2 },
  { title: 'Young leaders for climate action', programme: 'volunteer-youth', partners: ['hawassa-youth', 'gulu-women', 'blantyre-youth'], sectorCode: '15150', status: 'active', startsOn: '2025-08-01', endsOn: '2026-07-31', perFlow: 1 },
  { title: 'Women in agricultural cooperatives', programme: 'professional', partners: ['arusha-coop', 'gulu-women'], sectorCode: '31120', status: 'active', startsOn: '2024-01-01', endsOn: '2026-12-31', perFlow: 2 },
  { title: 'Indigenous rights and community health', programme: 'health', partners: ['maya-health', 'ayni'], sectorCode: '12220', status: 'active', startsOn: '2025-01-01', endsOn: '2027-12-31', perFlow: 1 },
  { title: 'Hospital management South–South', programme: 'health', partners: ['sylhet-hospital', 'kathmandu-hospital'], sectorCode: '12191', status: 'active', startsOn: '2025-06-01', endsOn: '2027-05-31', perFlow: 1 },
  { title: 'Journalism for good governance', programme: 'professional', partners: ['kampala-media', 'oslo-media'], sectorCode: '15153', status: 'closed', startsOn: '2021-01-01', endsOn: '2023-12-31', perFlow: 2 },
  { title: 'Green business incubators', programme: 'professional', partners: ['yogya-business', 'stavanger-green', 'bahir-dar-energy'], sectorCode: '25010', status: 'active', startsOn: '2025-01-01', endsOn: '2027-12-31', perFlow: 1 },
  { title: 'Youth participation in local democracy', programme: 'volunteer-youth', partners: ['tromso-youth', 'ayni'], sectorCode: '15150', status: 'active', startsOn: '2025-08-01', endsOn: '2026-07-31', perFlow: 2 },
  { title: 'Community health workers exchange', programme: 'health', partners: ['lilongwe-health', 'maya-health'], sectorCode: '12220', status: 'active', startsOn: '2025-02-01', endsOn: '2027-01-31', perFlow: 1 },
];
