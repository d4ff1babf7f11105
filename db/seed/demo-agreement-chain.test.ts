import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checkReciprocity } from '../../core/partnerships/check-reciprocity.ts';
import { getPartnershipChain } from '../../core/partnerships/get-partnership-chain.ts';
import { listPublicPartnerships } from '../../core/partnerships/list-public-partnerships.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { applicationPartners, applications } from '../schema/applications.ts';
import { calls } from '../schema/calls.ts';
import { partnerships } from '../schema/partnerships.ts';
import { DEMO_CONTINUATIONS } from './demo-continuations.ts';
import { DEMO_FINANCE_JOURNEY } from './demo-finance-journey.ts';
import { coreContext } from '../../core/context.ts';

// The demo as every run seeds it once (tests/support/global-database.ts), not seeded again here.
const testDb = useTestDatabase({ withDemo: true });
const ctx = () => coreContext({ db: testDb.db });

describe('demo agreement chains', () => {
  it('gives every demo partnership a closed call, an approved agreement with rounds, a reciprocal plan matching its participants, and SDGs', async () => {
    const ships = await testDb.db.select().from(partnerships);
    const today = new Date().toISOString().slice(0, 10);
    for (const p of ships) {
      expect(p.sdgGoals.length, p.title).toBeGreaterThan(0);
      const chain = await getPartnershipChain(ctx(), { partnershipId: p.id });
      // Four are part-way along the chain on purpose: a study and an agreement without rounds
      // (db/seed/demo-continuations.ts), and two agreements whose round 1 is in review (db/seed/demo-finance-journey.ts).
      expect(chain.stages[0]!.kind, p.title).toBe(p.title === DEMO_CONTINUATIONS.feasibility ? 'feasibility' : 'agreement');
      const rounds = chain.stages.filter((s) => s.kind === 'round').length;
      if ([...Object.values(DEMO_CONTINUATIONS), DEMO_FINANCE_JOURNEY.triangular, DEMO_FINANCE_JOURNEY.southSouth].includes(p.title as never)) expect(rounds, p.title).toBe(0);
      else expect(rounds, p.title).toBeGreaterThanOrEqual(1);
      for (const stage of chain.stages) {
        for (const round of stage.rounds) {
          const partners = chain.partners.map((o) => ({ id: o.id, name: o.name }));
          expect(checkReciprocity(partners, round.flows), `${p.title}, round ${round.round}`).toEqual([]);
        }
      }
      const flagged = chain.balance.partners.filter((b) => b.flags.length > 0);
      if (p.title === 'Community health workers exchange') expect(flagged.map((b) => b.flags).flat().sort()).toEqual(['hostsBehind', 'sendsBehind']);
      else expect(flagged, p.title).toEqual([]);

      const apps = await testDb.db.select().from(applications).innerJoin(calls, eq(calls.id, applications.callId)).where(eq(applications.partnershipId, p.id));
      for (const { applications: a, calls: c } of apps) {
        const inReview = a.title.endsWith(': round 1') && (p.title === DEMO_FINANCE_JOURNEY.triangular || p.title === DEMO_FINANCE_JOURNEY.southSouth);
        expect(a.status).toBe(inReview ? 'in_review' : p.status === 'closed' ? 'closed' : 'active');
        expect(a.sdgGoals).toEqual(p.sdgGoals);
        expect(c.deadline < today, c.title).toBe(true);
        const confirmed = await testDb.db.select().from(applicationPartners).where(eq(applicationPartners.applicationId, a.id));
        expect(confirmed).toHaveLength(chain.partners.length);
        expect(confirmed.every((row) => row.confirmedAt !== null)).toBe(true);
      }
    }
    const health = await listPublicPartnerships(ctx(), { sdg: '3' });
    expect(health.items.map((p) => p.title)).toContain('Midwifery and emergency care exchange');
    expect(health.items.map((p) => p.title)).not.toContain('Teachers learning from teachers');
  });
});
