import { eq, max, and } from 'drizzle-orm';
import { writeDraftRates } from '../../core/unit-costs/unit-cost-table-record.ts';
import type { DraftRates } from '../../core/unit-costs/unit-cost-rates.ts';
import type { Database } from '../database.ts';
import { unitCostTables } from '../schema/unit-costs.ts';
import { createProgramme } from './programme-factory.ts';
import { defaultSequence, type Sequence } from './sequence.ts';

export type UnitCostTableRow = typeof unitCostTables.$inferSelect;

/** Plausible NOK rates (in øre): the allowance by host-country group, travel by distance band, lump sums, a 7 % share. */
export function plausibleRates(overrides: Partial<DraftRates> = {}): DraftRates {
  return {
    currency: 'NOK',
    allowances: { A: 12_000_00, B: 9_000_00, C: 6_500_00, D: 4_500_00 },
    countries: { A: ['DK', 'NO', 'SE'], B: ['ID', 'ZA'], C: ['BD', 'BO', 'GT', 'TZ', 'UG'], D: ['ET', 'MW', 'NP'] },
    travel: { '0-99': 1_500_00, '100-499': 3_000_00, '500-1999': 5_500_00, '2000-2999': 7_500_00, '3000-3999': 9_500_00, '4000-7999': 12_500_00, '8000+': 16_000_00 },
    insurancePerMonthMinor: 600_00,
    preparatoryCourseMinor: 9_000_00,
    visaMinor: 2_500_00,
    healthMinor: 1_800_00,
    adminShareBasisPoints: 700,
    ...overrides,
  };
}

/**
 * A version of a programme's unit-cost table, straight into the database: written as a draft, then
 * published unless `status: 'draft'` (a published version's rates cannot be written any more). Its
 * version number follows the programme's last one for that year.
 */
export async function createUnitCostTable(
  db: Database,
  { programmeId, year = 2026, status = 'published', rates = plausibleRates(), publishedAt = new Date('2025-11-14T09:00:00Z'), publishedBy = null }: { programmeId?: string; year?: number; status?: 'draft' | 'published'; rates?: DraftRates; publishedAt?: Date; publishedBy?: string | null } = {},
  seq: Sequence = defaultSequence,
): Promise<UnitCostTableRow> {
  const programme = programmeId ?? (await createProgramme(db, {}, seq)).id;
  const [{ latest } = { latest: null }] = await db
    .select({ latest: max(unitCostTables.version) })
    .from(unitCostTables)
    .where(and(eq(unitCostTables.programmeId, programme), eq(unitCostTables.year, year)));
  const [row] = await db
    .insert(unitCostTables)
    .values({ programmeId: programme, year, version: (latest ?? 0) + 1, status: 'draft', currency: rates.currency, createdAt: publishedAt, updatedAt: publishedAt })
    .returning();
  if (!row) throw new Error('unit-cost table insert returned nothing');
  const drafted = await writeDraftRates(db, row.id, rates, publishedAt);
  if (status === 'draft') return drafted!;
  const [published] = await db.update(unitCostTables).set({ status: 'published', publishedAt, publishedBy }).where(eq(unitCostTables.id, row.id)).returning();
  return published!;
}
