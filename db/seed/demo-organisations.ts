/**
 * The demo partner organisations: invented, but shaped like the agency's real partners. Each city is
 * spelt as the GeoNames cities list has it, so that the seed matches every one to its place
 * (Lalitpur is Pātan there).
 */
export const demoOrganisations = [
  { key: 'sunnfjord', legalName: 'Sunnfjord Folkehøgskule', countryCode: 'NO', city: 'Førde', organisationType: '80', sectorCode: '11330', registrationScheme: 'NO-BRC', registrationNumber: '971254823' },
  { key: 'bergen-health', legalName: 'Bergen Kystsjukehus', countryCode: 'NO', city: 'Bergen', organisationType: '15', sectorCode: '12191', registrationScheme: 'NO-BRC', registrationNumber: '983974791' },
  { key: 'oslo-media', legalName: 'Norsk Mediesamarbeid', countryCode: 'NO', city: 'Oslo', organisationType: '22', sectorCode: '15153', registrationScheme: 'NO-BRC', registrationNumber: '994122418' },
  { key: 'stavanger-green', legalName: 'Grønn Ingeniørkompetanse AS', countryCode: 'NO', city: 'Stavanger', organisationType: '70', sectorCode: '23210', registrationScheme: 'NO-BRC', registrationNumber: '918337561' },
  { key: 'tromso-youth', legalName: 'Tromsø Ungdomsråd', countryCode: 'NO', city: 'Tromsø', organisationType: '22', sectorCode: '15150', registrationScheme: 'NO-BRC', registrationNumber: '977412093' },
  { key: 'kathmandu-hospital', legalName: 'Kathmandu Model Hospital', countryCode: 'NP', city: 'Kathmandu', organisationType: '24', sectorCode: '12191' },
  { key: 'pokhara-radio', legalName: 'Pokhara Community Radio Network', countryCode: 'NP', city: 'Pokhara', organisationType: '24', sectorCode: '15153' },
  { key: 'himalayan-teachers', legalName: "Himalayan Teachers' Forum", countryCode: 'NP', city: 'Pātan', organisationType: '24', sectorCode: '11130' },
  { key: 'addis-nursing', legalName: 'Addis Ababa College of Nursing', countryCode: 'ET', city: 'Addis Ababa', organisationType: '80', sectorCode: '12181' },
  { key: 'hawassa-youth', legalName: 'Hawassa Youth Development Association', countryCode: 'ET', city: 'Hawassa', organisationType: '24', sectorCode: '15150' },
  { key: 'bahir-dar-energy', legalName: 'Bahir Dar Green Energy PLC', countryCode: 'ET', city: 'Bahir Dar', organisationType: '72', sectorCode: '23210' },
  { key: 'mzuzu-teachers', legalName: 'Mzuzu Teachers Training College', countryCode: 'MW', city: 'Mzuzu', organisationType: '80', sectorCode: '11130' },
  { key: 'blantyre-youth', legalName: 'Blantyre Youth Network', countryCode: 'MW', city: 'Blantyre', organisationType: '24', sectorCode: '15150' },
  { key: 'lilongwe-health', legalName: 'Lilongwe Community Health Trust', countryCode: 'MW', city: 'Lilongwe', organisationType: '24', sectorCode: '12220' },
  { key: 'gulu-women', legalName: "Gulu Women's Economic Network", countryCode: 'UG', city: 'Gulu', organisationType: '24', sectorCode: '15170' },
  { key: 'kampala-media', legalName: 'Kampala Media Institute', countryCode: 'UG', city: 'Kampala', organisationType: '80', sectorCode: '15153' },
  { key: 'arusha-coop', legalName: 'Arusha Farmers Cooperative Union', countryCode: 'TZ', city: 'Arusha', organisationType: '72', sectorCode: '31120' },
  { key: 'moshi-nursing', legalName: 'Moshi School of Nursing', countryCode: 'TZ', city: 'Moshi', organisationType: '80', sectorCode: '12181' },
  { key: 'ayni', legalName: 'Fundación Ayni', countryCode: 'BO', city: 'La Paz', organisationType: '24', sectorCode: '15160' },
  { key: 'cochabamba-radio', legalName: 'Radio Comunitaria Cochabamba', countryCode: 'BO', city: 'Cochabamba', organisationType: '24', sectorCode: '15153' },
  { key: 'maya-health', legalName: 'Asociación Maya de Salud', countryCode: 'GT', city: 'Quetzaltenango', organisationType: '24', sectorCode: '12220' },
  { key: 'sylhet-hospital', legalName: 'Sylhet Community Hospital', countryCode: 'BD', city: 'Sylhet', organisationType: '24', sectorCode: '12191' },
  { key: 'yogya-business', legalName: 'Yogyakarta Sustainable Business Forum', countryCode: 'ID', city: 'Yogyakarta', organisationType: '72', sectorCode: '25010' },
] as const;

export type DemoOrganisationKey = (typeof demoOrganisations)[number]['key'];
