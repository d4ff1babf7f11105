import type { DraftRates } from '../../core/unit-costs/unit-cost-rates.ts';
import type { Database } from '../database.ts';
import type { ProgrammeRow } from '../factories/programme-factory.ts';
import { createUnitCostTable } from '../factories/unit-cost-factory.ts';
import type { CostGroup, DistanceBand } from '../schema/unit-costs.ts';

/**
 * Host countries by cost group: A the most expensive (Norway and its neighbours), D the least. The
 * demo's ten countries are all placed (Norway A, Indonesia B, Bangladesh, Bolivia, Guatemala, Tanzania
 * and Uganda C, Ethiopia, Malawi and Nepal D), with others the agency's partners come from.
 */
const countries: Record<CostGroup, string[]> = {
  A: ['CH', 'DK', 'FI', 'IS', 'NO', 'SE'],
  B: ['BR', 'CL', 'CN', 'ID', 'MX', 'TH', 'ZA'],
  C: ['BD', 'BO', 'EC', 'GT', 'HN', 'IN', 'KE', 'LK', 'NI', 'PE', 'PH', 'TZ', 'UG', 'VN'],
  D: ['BI', 'ET', 'MW', 'MZ', 'NP', 'RW', 'ZM', 'ZW'],
};

const kroner = (n: number) => n * 100;
const whole = <K extends string>(rates: Record<K, number>) => Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, kroner(v as number)])) as Record<K, number>;

/** One year's rates in whole kroner: allowance by group, travel by band, the lump sums; a 7 % share. */
function rates({ allowances, travel, insurance, course, visa, health }: { allowances: Record<CostGroup, number>; travel: Record<DistanceBand, number>; insurance: number; course: number; visa: number; health: number }): DraftRates {
  return {
    currency: 'NOK',
    allowances: whole(allowances),
    countries,
    travel: whole(travel),
    insurancePerMonthMinor: kroner(insurance),
    preparatoryCourseMinor: kroner(course),
    visaMinor: kroner(visa),
    healthMinor: kroner(health),
    adminShareBasisPoints: 700,
  };
}

const travel2025: Record<DistanceBand, number> = { '0-99': 1_450, '100-499': 2_900, '500-1999': 5_300, '2000-2999': 7_200, '3000-3999': 9_100, '4000-7999': 12_000, '8000+': 15_400 };
const travel2026: Record<DistanceBand, number> = { '0-99': 1_500, '100-499': 3_000, '500-1999': 5_500, '2000-2999': 7_500, '3000-3999': 9_500, '4000-7999': 12_500, '8000+': 16_000 };
const travel2027: Record<DistanceBand, number> = { '0-99': 1_550, '100-499': 3_100, '500-1999': 5_700, '2000-2999': 7_700, '3000-3999': 9_800, '4000-7999': 12_900, '8000+': 16_500 };
/** Professionals and health workers: a professional's allowance. Young volunteers: a lower one. */
const allowances: Record<'professional' | 'volunteer', Record<2025 | 2026 | 2027, Record<CostGroup, number>>> = {
  professional: { 2025: { A: 11_500, B: 8_600, C: 6_200, D: 4_300 }, 2026: { A: 12_000, B: 9_000, C: 6_500, D: 4_500 }, 2027: { A: 12_400, B: 9_300, C: 6_700, D: 4_650 } },
  volunteer: { 2025: { A: 9_000, B: 6_900, C: 5_000, D: 3_800 }, 2026: { A: 9_500, B: 7_200, C: 5_200, D: 4_000 }, 2027: { A: 9_800, B: 7_400, C: 5_350, D: 4_100 } },
};

/**
 * A published unit-cost table for 2025, 2026 and 2027 (published in November 2026, for rounds that start
 * next year) for each demo programme. Health's 2026 table has a second version (insurance raised in
 * March), so the demo shows a version history.
 */
export async function seedDemoUnitCosts(tx: Database, programmesByCode: Map<string, ProgrammeRow>) {
  for (const [code, programme] of programmesByCode) {
    const kind = code === 'volunteer-youth' ? 'volunteer' : 'professional';
    const y2025 = rates({ allowances: allowances[kind][2025], travel: travel2025, insurance: 580, course: 8_700, visa: 2_400, health: 1_750 });
    const y2026 = rates({ allowances: allowances[kind][2026], travel: travel2026, insurance: 600, course: 9_000, visa: 2_500, health: 1_800 });
    await createUnitCostTable(tx, { programmeId: programme.id, year: 2025, rates: y2025, publishedAt: new Date('2024-11-15T10:00:00Z') });
    if (code === 'health') {
      await createUnitCostTable(tx, { programmeId: programme.id, year: 2026, rates: { ...y2026, insurancePerMonthMinor: kroner(560) }, publishedAt: new Date('2025-11-14T10:00:00Z') });
      await createUnitCostTable(tx, { programmeId: programme.id, year: 2026, rates: y2026, publishedAt: new Date('2026-03-02T09:30:00Z') });
    } else {
      await createUnitCostTable(tx, { programmeId: programme.id, year: 2026, rates: y2026, publishedAt: new Date('2025-11-14T10:00:00Z') });
    }
    const y2027 = rates({ allowances: allowances[kind][2027], travel: travel2027, insurance: 620, course: 9_300, visa: 2_600, health: 1_850 });
    await createUnitCostTable(tx, { programmeId: programme.id, year: 2027, rates: y2027, publishedAt: new Date('2026-11-13T10:00:00Z') });
  }
}
