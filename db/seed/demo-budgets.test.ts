import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { coreContext } from '../../core/context.ts';
import { system } from '../../core/identity/actor.ts';
import { getApplicationBudget } from '../../core/unit-costs/get-application-budget.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { applications } from '../schema/applications.ts';
import { exchangeRates, roundBudgetVersions } from '../schema/budgets.ts';
import { demoExchangeRates } from './demo-budgets.ts';
import { DEMO_RADIO_HEALTH } from './demo-radio-health.ts';

// The demo as every run seeds it once (tests/support/global-database.ts), not seeded again here.
const testDb = useTestDatabase({ withDemo: true });

describe('the demo budgets', () => {
  it('seed monthly 2026 rates for five currencies, other lines on the Latin American round, and a first budget version of every application', async () => {
    expect(demoExchangeRates()).toEqual(demoExchangeRates());
    expect(await testDb.db.select().from(exchangeRates)).toHaveLength(5 * 12);
    const [round] = await testDb.db.select().from(applications).where(eq(applications.title, `${DEMO_RADIO_HEALTH}: round 1`));
    const versions = await testDb.db.select().from(roundBudgetVersions).where(eq(roundBudgetVersions.applicationId, round!.id));
    expect(versions.map((v) => [v.number, v.cause])).toEqual([[1, 'created']]);
    const { rounds } = await getApplicationBudget(coreContext({ db: testDb.db, actor: system('test') }), { applicationId: round!.id });
    expect(rounds[0]!.budget!.lines.filter((l) => l.kind === 'other').map((l) => l.amountMinor)).toEqual([18_500_00, 12_000_00]);
    expect(rounds[0]!.equivalents.map((e) => e.currency).sort()).toEqual(['BOB', 'GTQ']);
  });
});
