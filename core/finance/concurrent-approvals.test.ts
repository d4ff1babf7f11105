import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApplication } from '../../db/factories/application-factory.ts';
import { createCall } from '../../db/factories/call-factory.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { applications } from '../../db/schema/applications.ts';
import { callCriteria } from '../../db/schema/calls.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { approveApplication } from '../applications/approve-application.ts';
import { scoreApplication } from '../applications/score-application.ts';
import { addMonths } from '../applications/stage-period.ts';
import { coreContext } from '../context.ts';
import { accountBalance } from './account-balance.ts';
import { FundsShortError } from './funds-short-error.ts';
import { ledgerAccount } from './ledger-accounts.ts';

// Twenty connections on PostgreSQL, so the twenty approvals really run at the same moment (PGlite has one).
const testDb = useTestDatabase({ maxConnections: 20 });

describe('twenty advisers approving against one call at the same moment', () => {
  it('never commit more than the call was allocated', async () => {
    const db = testDb.db;
    const call = await createCall(db, { fundedMinor: 10 * 1_000_000_00 });
    const criteria = await db.select({ id: callCriteria.id }).from(callCriteria).where(eq(callCriteria.callId, call.id));
    const end = new Date(`${addMonths(call.opensOn, 24)}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() - 1);
    const period = { startsOn: call.opensOn, endsOn: end.toISOString().slice(0, 10) };
    const norway = await createOrganisation(db, { countryCode: 'NO', legalName: 'Høgskulen på Vestlandet' });
    const ready = [];
    for (let i = 0; i < 20; i++) {
      const partner = await createOrganisation(db, { countryCode: 'ET', legalName: `Addis Ababa Health Office ${i + 1}` });
      const application = await createApplication(db, { callId: call.id, partners: [norway, partner], status: 'in_review', submittedAt: new Date() });
      const adviser = await createUser(db, { agencyRoles: ['programme_adviser'] });
      const ctx = coreContext({ db, actor: adviser.actor });
      await scoreApplication(ctx, { applicationId: application.id, scores: Object.fromEntries(criteria.map((c) => [c.id, 4])) });
      ready.push({ ctx, applicationId: application.id });
    }
    const outcomes = await Promise.allSettled(ready.map(({ ctx, applicationId }) => approveApplication(ctx, { applicationId, ...period, amount: 1_000_000 })));
    const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason as unknown);
    expect(refused.filter((e) => !(e instanceof FundsShortError)).map((e) => String((e as { cause?: unknown }).cause ?? e))).toEqual([]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
    expect(await accountBalance(db, ledgerAccount.call(call.id))).toBe(0);
    const approved = await db.select({ id: applications.id }).from(applications).where(eq(applications.status, 'approved'));
    expect(approved).toHaveLength(10);
  });
});
