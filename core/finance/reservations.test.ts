import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApplication } from '../../db/factories/application-factory.ts';
import { createCall } from '../../db/factories/call-factory.ts';
import { fundCall } from '../../db/factories/ledger-factory.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { createUnitCostTable } from '../../db/factories/unit-cost-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { callCriteria } from '../../db/schema/calls.ts';
import { ledgerEntries } from '../../db/schema/ledger.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { approveApplication } from '../applications/approve-application.ts';
import { getApplicationReview } from '../applications/get-application-review.ts';
import { rejectApplication } from '../applications/reject-application.ts';
import { returnApplication } from '../applications/return-application.ts';
import { scoreApplication } from '../applications/score-application.ts';
import { startReview } from '../applications/start-review.ts';
import { coreContext } from '../context.ts';
import type { Actor } from '../identity/actor.ts';
import { placeOfCity } from '../organisations/organisation-place.ts';
import { getApplicationBudget } from '../unit-costs/get-application-budget.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { accountBalance } from './account-balance.ts';
import { accountLabel } from './account-label.ts';
import { describeLedgerAccounts } from './describe-ledger-accounts.ts';
import { FundsShortError } from './funds-short-error.ts';
import { getBudgetYear } from './get-budget-year.ts';
import { ledgerAccount } from './ledger-accounts.ts';

const testDb = useTestDatabase();
const as = (actor: Actor) => coreContext({ db: testDb.db, actor });
const NOK = (kroner: number) => kroner * 100;
const placed = (countryCode: string, city: string) => createOrganisation(testDb.db, { countryCode, city, ...placeOfCity({ countryCode, city }) });

/** A call of 2027 funded with `fundedMinor`, and an application to it (Bergen ↔ Kathmandu, two nurses each way) waiting for review. */
async function world(fundedMinor: number) {
  const programme = await createProgramme(testDb.db);
  await createUnitCostTable(testDb.db, { programmeId: programme.id, year: 2027 });
  const call = await createCall(testDb.db, { programmeId: programme.id, opensOn: '2027-02-01', deadline: '2027-04-01', fundedMinor });
  const bergen = await placed('NO', 'Bergen');
  const kathmandu = await placed('NP', 'Kathmandu');
  const application = await createApplication(testDb.db, {
    callId: call.id,
    partners: [bergen, kathmandu],
    status: 'submitted',
    submittedAt: new Date(),
    flows: [
      { from: 0, to: 1, participants: 2, months: 12, startMonth: '2027-08' },
      { from: 1, to: 0, participants: 2, months: 12, startMonth: '2027-08' },
    ],
  });
  const adviser = await createUser(testDb.db, { agencyRoles: ['programme_adviser'], name: 'Tesfaye Bekele' });
  const finance = await createUser(testDb.db, { agencyRoles: ['finance_officer'], name: 'Ingrid Solheim' });
  const budget = await getApplicationBudget(as(adviser.actor), { applicationId: application.id });
  const budgetMinor = budget.rounds.reduce((sum, r) => sum + (r.budget?.totalMinor ?? 0), 0);
  return { programme, call, application, adviser, finance, budgetMinor };
}

type World = Awaited<ReturnType<typeof world>>;
const reserved = (w: World) => accountBalance(testDb.db, ledgerAccount.reservation(w.application.id));
const callLeft = (w: World) => accountBalance(testDb.db, ledgerAccount.call(w.call.id));
const entriesOf = async (w: World) =>
  (await testDb.db.select().from(ledgerEntries).where(eq(ledgerEntries.documentRef, w.application.id)).orderBy(ledgerEntries.seq)).map((e) => [e.kind, e.fromAccount, e.toAccount, e.amountMinor]);

async function scored(w: World) {
  const criteria = await testDb.db.select({ id: callCriteria.id }).from(callCriteria).where(eq(callCriteria.callId, w.call.id));
  await scoreApplication(as(w.adviser.actor), { applicationId: w.application.id, scores: Object.fromEntries(criteria.map((c) => [c.id, 4])) });
}

describe('reservations: money is set aside while the agency reviews an application', () => {
  it('reserves the round budget when review starts, shows it in the year view, and on approval releases it before committing the approved amount', async () => {
    const w = await world(NOK(1_000_000));
    expect(w.budgetMinor).toBeGreaterThan(0);
    await startReview(as(w.adviser.actor), { applicationId: w.application.id });
    expect(await reserved(w)).toBe(w.budgetMinor);
    expect(await callLeft(w)).toBe(NOK(1_000_000) - w.budgetMinor);
    expect((await getApplicationReview(as(w.adviser.actor), { applicationId: w.application.id })).reservedMinor).toBe(w.budgetMinor);
    const year = await getBudgetYear(as(w.finance.actor), 2027);
    const figures = year.programmes.find((p) => p.id === w.programme.id)!.calls.find((c) => c.id === w.call.id)!.figures;
    expect(figures).toMatchObject({ reserved: w.budgetMinor, committed: 0, unallocated: NOK(1_000_000) - w.budgetMinor });
    expect(year.totals.reserved).toBe(w.budgetMinor);
    // The ledger names the account after the application, in the reader's language.
    const account = (await describeLedgerAccounts(as(w.finance.actor), [ledgerAccount.reservation(w.application.id)])).get(ledgerAccount.reservation(w.application.id))!;
    expect(accountLabel(createTranslator('nb'), account)).toBe(`Reservert til ${w.application.title}`);

    await scored(w);
    const approved = Math.ceil(w.budgetMinor / 100);
    await approveApplication(as(w.adviser.actor), { applicationId: w.application.id, startsOn: '2027-02-01', endsOn: '2029-01-31', amount: approved });
    expect(await reserved(w)).toBe(0);
    expect(await entriesOf(w)).toEqual([
      ['reservation', ledgerAccount.call(w.call.id), ledgerAccount.reservation(w.application.id), w.budgetMinor],
      ['release', ledgerAccount.reservation(w.application.id), ledgerAccount.call(w.call.id), w.budgetMinor],
      ['commitment', ledgerAccount.call(w.call.id), expect.stringMatching(/^stage:/), NOK(approved)],
    ]);
    const after = (await getBudgetYear(as(w.finance.actor), 2027)).programmes.find((p) => p.id === w.programme.id)!.calls.find((c) => c.id === w.call.id)!.figures;
    expect(after).toMatchObject({ reserved: 0, committed: NOK(approved) });
  });

  it('releases the reservation when the application is returned, and when it is rejected', async () => {
    const w = await world(NOK(1_000_000));
    await startReview(as(w.adviser.actor), { applicationId: w.application.id });
    await returnApplication(as(w.adviser.actor), { applicationId: w.application.id, remarks: { plan: 'Say who hosts the second nurse.' } });
    expect(await reserved(w)).toBe(0);
    expect(await callLeft(w)).toBe(NOK(1_000_000));
    const v = await world(NOK(1_000_000));
    await startReview(as(v.adviser.actor), { applicationId: v.application.id });
    expect(await reserved(v)).toBe(v.budgetMinor);
    await rejectApplication(as(v.adviser.actor), { applicationId: v.application.id, reason: 'Outside the call’s priorities.' });
    expect(await reserved(v)).toBe(0);
    expect(await callLeft(v)).toBe(NOK(1_000_000));
    expect((await entriesOf(v)).map((e) => e[0])).toEqual(['reservation', 'release']);
  });

  it('does not stop a review when the call cannot cover the budget: nothing is reserved, and approval still checks what is left', async () => {
    const w = await world(NOK(1_000));
    await startReview(as(w.adviser.actor), { applicationId: w.application.id });
    expect(await reserved(w)).toBe(0);
    expect(await entriesOf(w)).toEqual([]);
    expect((await getApplicationReview(as(w.adviser.actor), { applicationId: w.application.id })).reservedMinor).toBe(0);
    await scored(w);
    const refused = await approveApplication(as(w.adviser.actor), { applicationId: w.application.id, startsOn: '2027-02-01', endsOn: '2029-01-31', amount: Math.ceil(w.budgetMinor / 100) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FundsShortError);
    expect(await callLeft(w)).toBe(NOK(1_000));
  });

  it('counts another application’s reservation as used: an approval cannot take money reserved for an application still in review', async () => {
    const w = await world(0);
    const other = await createApplication(testDb.db, { callId: w.call.id, status: 'in_review', submittedAt: new Date() });
    // Fund the call with exactly twice the budget, then let a second review reserve one budget of it.
    await fundCall(testDb.db, w.call, 2 * w.budgetMinor - NOK(1));
    await startReview(as(w.adviser.actor), { applicationId: w.application.id });
    expect(await callLeft(w)).toBe(w.budgetMinor - NOK(1));
    const criteria = await testDb.db.select({ id: callCriteria.id }).from(callCriteria).where(eq(callCriteria.callId, w.call.id));
    await scoreApplication(as(w.adviser.actor), { applicationId: other.id, scores: Object.fromEntries(criteria.map((c) => [c.id, 4])) });
    const refused = await approveApplication(as(w.adviser.actor), { applicationId: other.id, startsOn: '2027-02-01', endsOn: '2029-01-31', amount: Math.ceil(w.budgetMinor / 100) }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'fundsShort', leftMinor: w.budgetMinor - NOK(1) });
    expect((refused as FundsShortError).usedBy.map((u) => u.label)).toContain(w.application.title);
  });
});
