import { like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { coreContext } from '../../core/context.ts';
import { system } from '../../core/identity/actor.ts';
import { getPartnershipResults } from '../../core/results/get-partnership-results.ts';
import { getResultsDashboard } from '../../core/results/results-dashboard.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { organisations } from '../schema/organisations.ts';
import { partnerships } from '../schema/partnerships.ts';
import { resultReports } from '../schema/result-reports.ts';

// The demo as every run seeds it once (tests/support/global-database.ts), not seeded again here.
const testDb = useTestDatabase({ withDemo: true });

describe('the demo’s results', () => {
  it('has accepted reports on finished rounds, Kathmandu’s awaiting the adviser and its partner’s draft, none dated after now, and numbers on the dashboards', async () => {
    const before = Date.now();
    const [kathmandu] = await testDb.db.select().from(organisations).where(like(organisations.legalName, 'Kathmandu Model%'));
    const reports = await testDb.db.select().from(resultReports);
    expect(reports.filter((r) => r.status === 'submitted').map((r) => r.organisationId)).toEqual([kathmandu!.id]);
    expect(reports.filter((r) => r.status === 'draft')).toHaveLength(1);
    expect(reports.filter((r) => r.status === 'accepted').length).toBeGreaterThan(3);
    expect(reports.every((r) => (r.submittedAt?.getTime() ?? 0) <= before && (r.decidedAt?.getTime() ?? 0) <= before)).toBe(true);
    const ctx = coreContext({ db: testDb.db, actor: system('test') });
    const dashboard = await getResultsDashboard(ctx);
    expect(dashboard.total.people).toBeGreaterThan(0);
    // Some numeric indicators reach their target (the later rounds), not all.
    expect(dashboard.total.onTarget).toBeGreaterThan(0);
    expect(dashboard.total.onTarget).toBeLessThan(dashboard.total.measured);
    expect(dashboard.groups.programme.length).toBeGreaterThan(1);
    expect(dashboard.groups.theme.some((g) => g.key === 'gender_equality')).toBe(true);
    const [midwifery] = await testDb.db.select().from(partnerships).where(like(partnerships.title, 'Midwifery and emergency%'));
    const results = await getPartnershipResults(ctx, { partnershipId: midwifery!.id });
    const people = results.goals[0]!.indicators[0]!;
    expect(people.kind).toBe('people');
    expect(people.points.length).toBeGreaterThan(0);
  }, 90_000);
});
