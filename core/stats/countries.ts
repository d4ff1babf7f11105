import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The regions of the public statistics: Norway, and the South split as the agency reports it into Africa,
 * Asia and Latin America (with the Caribbean). The groupings are the UN M49 geoscheme's regions Africa
 * (002), Asia (142) and Latin America and the Caribbean (419), as alpha-2 codes; any other country (Europe
 * outside Norway, North America, Oceania) is `other`. Norway is the "North" of the method; every other
 * country is the South (docs/architecture.md#partnership-shapes).
 */
export const REGIONS = ['norway', 'africa', 'asia', 'latin-america', 'other'] as const;
export type Region = (typeof REGIONS)[number];

const m49: Record<Exclude<Region, 'norway' | 'other'>, string> = {
  africa:
    'DZ EG LY MA SD TN EH IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW AO CM CF TD CG CD GQ GA ST BW SZ LS NA ZA BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG',
  asia: 'KZ KG TJ TM UZ CN HK MO KP JP MN KR BN KH ID LA MY MM PH SG TH TL VN AF BD BT IN IR MV NP PK LK AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE TW',
  'latin-america':
    'AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI BZ CR SV GT HN MX NI PA AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE',
};

const regionOf = new Map<string, Region>([['NO', 'norway']]);
for (const [region, codes] of Object.entries(m49)) for (const code of codes.split(' ')) regionOf.set(code, region as Region);

export function countryRegion(code: string): Region {
  return regionOf.get(code) ?? 'other';
}

/** The alpha-2 codes of a region (for `other`: none; it is everything not listed). */
export function regionCountries(region: Region): string[] {
  return [...regionOf].filter(([, r]) => r === region).map(([code]) => code);
}

/** Norway → South, South → Norway, or South ↔ South (a flow within Norway, or between two northern countries, is `other`). */
export const DIRECTIONS = ['norway-south', 'south-norway', 'south-south'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export function flowDirection(home: string, host: string): Direction | 'other' {
  if (home === 'NO') return host === 'NO' ? 'other' : 'norway-south';
  if (host === 'NO') return 'south-norway';
  return 'south-south';
}

let numericCodes: Map<string, string> | undefined;

/** ISO 3166-1 numeric code ("578" for NO), as world-atlas keys its countries; from reference/iso-codes. */
export function numericCountryCode(alpha2: string): string | undefined {
  if (!numericCodes) {
    const raw = JSON.parse(readFileSync(join(process.cwd(), 'reference', 'iso-codes', 'iso_3166-1.json'), 'utf8')) as { '3166-1': { alpha_2: string; numeric: string }[] };
    numericCodes = new Map(raw['3166-1'].map((c) => [c.alpha_2, c.numeric]));
  }
  return numericCodes.get(alpha2);
}
