import { describe, expect, it } from 'vitest';
import { coreContext } from '../../core/context.ts';
import { getUnitCostTable } from '../../core/unit-costs/get-unit-cost-table.ts';
import { completeRates } from '../../core/unit-costs/unit-cost-rates.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { createUser } from '../factories/user-factory.ts';
import { organisations } from '../schema/organisations.ts';
import { programmes } from '../schema/programmes.ts';

// The demo as every run seeds it once (tests/support/global-database.ts), not seeded again here.
const testDb = useTestDatabase({ withDemo: true });

describe('the demo unit-cost tables', () => {
  it('give every programme a complete published table for 2025 and 2026, placing every demo country in a group', async () => {
    const reader = coreContext({ db: testDb.db, actor: (await createUser(testDb.db, { agencyRoles: ['finance_officer'] })).actor });
    const countries = new Set((await testDb.db.select({ code: organisations.countryCode }).from(organisations)).map((o) => o.code));
    for (const programme of await testDb.db.select().from(programmes)) {
      for (const year of [2025, 2026]) {
        const { shown, draft } = await getUnitCostTable(reader, { programmeId: programme.id, year });
        expect(shown?.status, `${programme.code} ${year}`).toBe('published');
        expect(draft).toBeNull();
        const rates = completeRates(shown!.rates)!;
        expect(rates, `${programme.code} ${year}`).not.toBeNull();
        for (const country of countries) expect(rates.groupOf[country], country).toBeDefined();
        expect(rates.groupOf).toMatchObject({ NO: 'A', NP: 'D', ET: 'D', MW: 'D', BO: 'C', GT: 'C' });
        // NOK 4 000–12 000 a month by group, travel NOK 1 500 to 16 000 by distance, a 7 % share.
        for (const monthly of Object.values(rates.allowances)) expect(monthly).toBeGreaterThanOrEqual(3_500_00);
        expect(rates.allowances.A).toBeLessThanOrEqual(12_000_00);
        expect(rates.allowances.A).toBeGreaterThan(rates.allowances.D);
        expect(Object.values(rates.travel)).toEqual([...Object.values(rates.travel)].sort((a, b) => a - b));
        expect(rates.travel['8000+']).toBeLessThanOrEqual(16_000_00);
        expect(rates.adminShareBasisPoints).toBe(700);
      }
    }
    // Next year's rates are out too, a little higher.
    for (const programme of await testDb.db.select().from(programmes)) {
      const next = await getUnitCostTable(reader, { programmeId: programme.id, year: 2027 });
      expect(next.shown?.status, programme.code).toBe('published');
      expect(completeRates(next.shown!.rates)!.travel['8000+']).toBe(16_500_00);
    }
    // Health's 2026 table has a history of two versions.
    const [health] = (await testDb.db.select().from(programmes)).filter((p) => p.code === 'health');
    const history = await getUnitCostTable(reader, { programmeId: health!.id, year: 2026 });
    expect(history.versions.map((v) => [v.version, v.status])).toEqual([[2, 'published'], [1, 'published']]);
    expect(history.shown).toMatchObject({ version: 2, rates: { insurancePerMonthMinor: 600_00 } });
  });
});
