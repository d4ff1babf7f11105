import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listCalls } from '../../core/calls/list-calls.ts';
import { callCriteria, calls } from '../schema/calls.ts';
import { programmes } from '../schema/programmes.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../../core/context.ts';

// The demo as every run seeds it once (tests/support/global-database.ts), not seeded again here.
const testDb = useTestDatabase({ withDemo: true });

describe('the demo calls', () => {
  it('are open, closed and upcoming relative to the day the demo was seeded', async () => {
    const byTitle = new Map((await listCalls(coreContext({ db: testDb.db }))).map((c) => [c.title, c]));
    expect(byTitle.get('Health 2027: collaboration agreements')).toMatchObject({ phase: 'open', stage: 'agreement', programmeName: 'Health (ESTHER)', budgetCeilingMinor: 30_000_000_00 });
    expect(byTitle.get('Professional 2027: feasibility studies')).toMatchObject({ phase: 'open', stage: 'feasibility', budgetCeilingMinor: 2_000_000_00 });
    expect(byTitle.get('Professional 2027: exchange rounds')).toMatchObject({ phase: 'open', stage: 'round', budgetCeilingMinor: 12_000_000_00 });
    expect(byTitle.get('Volunteer/Youth 2026: collaboration agreements')).toMatchObject({ phase: 'closed' });
    expect([...byTitle.values()].some((c) => c.phase === 'upcoming')).toBe(true);
  });

  it('give the health call its priorities and criteria weighing 100, and every programme its documents checklist', async () => {
    const [health] = await testDb.db.select().from(calls).where(eq(calls.title, 'Health 2027: collaboration agreements'));
    expect(health?.priorities).toEqual(['Maternal and newborn health', 'Nursing education']);
    const criteria = await testDb.db.select().from(callCriteria).where(eq(callCriteria.callId, health!.id)).orderBy(asc(callCriteria.position));
    expect(criteria.map((c) => [c.name, c.weight])).toEqual([['Relevance', 40], ['Reciprocity and mutual learning', 35], ['Feasibility and duty of care', 25]]);
    for (const p of await testDb.db.select().from(programmes)) {
      expect(p.documents).toEqual(expect.arrayContaining(['Signed contract', 'Insurance', 'Visa / work permit', 'Police certificate', 'Health certificate', 'Emergency contacts']));
    }
  });
});
