import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApplication } from '../../db/factories/application-factory.ts';
import { createCall } from '../../db/factories/call-factory.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { applications } from '../../db/schema/applications.ts';
import { callCriteria, calls } from '../../db/schema/calls.ts';
import { ledgerEntries } from '../../db/schema/ledger.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { approveApplication } from '../applications/approve-application.ts';
import { addMonths } from '../applications/stage-period.ts';
import { scoreApplication } from '../applications/score-application.ts';
import { coreContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import { allocateFunds } from './allocate-funds.ts';
import { appropriateYear } from './appropriate-year.ts';
import { correctLedgerEntry } from './correct-ledger-entry.ts';
import { FundsShortError } from './funds-short-error.ts';
import { getBudgetYear } from './get-budget-year.ts';
import { ledgerAccount } from './ledger-accounts.ts';
import { listLedgerEntries } from './list-ledger-entries.ts';

const testDb = useTestDatabase();
const NOK = (kroner: number) => kroner * 100;

async function staff() {
  const db = testDb.db;
  const finance = await createUser(db, { agencyRoles: ['finance_officer'], name: 'Ingrid Solheim' });
  const adviser = await createUser(db, { agencyRoles: ['programme_adviser'], name: 'Tesfaye Bekele' });
  const as = (u: { actor: unknown }) => coreContext({ db, actor: u.actor as never });
  return { db, finance, adviser, as };
}

/** An application in review against `callId`, scored on every criterion, and a period its call can fund. */
async function readyToApprove(w: Awaited<ReturnType<typeof staff>>, callId: string) {
  const norway = await createOrganisation(w.db, { countryCode: 'NO', legalName: 'Haukeland universitetssjukehus' });
  const nepal = await createOrganisation(w.db, { countryCode: 'NP', legalName: 'Dhulikhel Hospital' });
  const application = await createApplication(w.db, { callId, partners: [norway, nepal], status: 'in_review', submittedAt: new Date() });
  const criteria = await w.db.select({ id: callCriteria.id }).from(callCriteria).where(eq(callCriteria.callId, callId));
  await scoreApplication(w.as(w.adviser), { applicationId: application.id, scores: Object.fromEntries(criteria.map((c) => [c.id, 4])) });
  const [call] = await w.db.select().from(calls).where(eq(calls.id, callId));
  const end = new Date(`${addMonths(call!.opensOn, 24)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  return { application, period: { startsOn: call!.opensOn, endsOn: end.toISOString().slice(0, 10) } };
}

describe('the ledger', () => {
  it('appropriates, allocates down to a call, and shows every level as sums over entries', async () => {
    const w = await staff();
    const programme = await createProgramme(w.db);
    const call = await createCall(w.db, { programmeId: programme.id, opensOn: '2031-02-01', deadline: '2031-04-01', budgetCeilingMinor: NOK(20_000_000), fundedMinor: 0 });
    await appropriateYear(w.as(w.finance), { year: 2031, amountMinor: NOK(150_000_000), reason: 'Statsbudsjettet 2031', documentRef: 'Prop. 1 S (2030–2031)' });
    await allocateFunds(w.as(w.finance), { to: 'programme', programmeId: programme.id, year: 2031, amountMinor: NOK(40_000_000), reason: 'Health programme 2031' });
    await allocateFunds(w.as(w.finance), { to: 'call', callId: call.id, amountMinor: NOK(15_000_000), reason: 'First call' });
    const view = await getBudgetYear(w.as(w.finance), 2031);
    expect(view.totals).toEqual({ appropriated: NOK(150_000_000), allocated: NOK(40_000_000), reserved: 0, committed: 0, disbursed: 0, unallocated: NOK(110_000_000), remaining: NOK(150_000_000) });
    const p = view.programmes.find((x) => x.id === programme.id)!;
    expect(p.figures).toMatchObject({ allocated: NOK(40_000_000), unallocated: NOK(25_000_000) });
    expect(p.calls).toMatchObject([{ id: call.id, figures: { allocated: NOK(15_000_000), committed: 0, unallocated: NOK(15_000_000) } }]);
    // The screen that shows a balance shows its entries, and they add up to it.
    const entries = await listLedgerEntries(w.as(w.finance), { account: ledgerAccount.programme(programme.id, 2031) });
    expect(entries.balanceMinor).toBe(NOK(25_000_000));
    expect(entries.entries.reduce((a, e) => a + e.signedMinor, 0)).toBe(NOK(25_000_000));
    expect(entries.entries.map((e) => [e.kind, e.signedMinor, e.postedBy])).toEqual([
      ['allocation', -NOK(15_000_000), w.finance.email],
      ['allocation', NOK(40_000_000), w.finance.email],
    ]);
  });

  it('never allocates more than the parent has left, and says how much, and where the rest went', async () => {
    const w = await staff();
    const [health, youth] = [await createProgramme(w.db), await createProgramme(w.db)];
    await appropriateYear(w.as(w.finance), { year: 2032, amountMinor: NOK(10_000_000), reason: 'Budget 2032' });
    await allocateFunds(w.as(w.finance), { to: 'programme', programmeId: health.id, year: 2032, amountMinor: NOK(7_000_000), reason: 'Health' });
    const refused = await allocateFunds(w.as(w.finance), { to: 'programme', programmeId: youth.id, year: 2032, amountMinor: NOK(4_000_000), reason: 'Youth' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FundsShortError);
    expect(refused).toMatchObject({ code: 'fundsShort', status: 409, neededMinor: NOK(4_000_000), leftMinor: NOK(3_000_000), params: { needed: 4_000_000, left: 3_000_000, currency: 'NOK' } });
    expect((refused as FundsShortError).usedBy).toMatchObject([{ label: health.name, amountMinor: NOK(7_000_000), postedBy: w.finance.email }]);
    const call = await createCall(w.db, { programmeId: youth.id, opensOn: '2032-01-15', deadline: '2032-03-01', budgetCeilingMinor: NOK(1_000_000), fundedMinor: 0 });
    await allocateFunds(w.as(w.finance), { to: 'programme', programmeId: youth.id, year: 2032, amountMinor: NOK(3_000_000), reason: 'Youth' });
    await expect(allocateFunds(w.as(w.finance), { to: 'call', callId: call.id, amountMinor: NOK(1_000_001), reason: 'Too much' })).rejects.toMatchObject({ code: 'allocationAboveCeiling', params: { ceiling: 1_000_000, allocated: 0 } });
  });

  it('commits a round’s amount on approval, and refuses an approval the call cannot pay for with the figures', async () => {
    const w = await staff();
    const call = await createCall(w.db, { fundedMinor: NOK(1_500_000) });
    const first = await readyToApprove(w, call.id);
    const second = await readyToApprove(w, call.id);
    await approveApplication(w.as(w.adviser), { applicationId: first.application.id, ...first.period, amount: 1_000_000 });
    const [stage] = await w.db.select().from(partnershipStages).where(eq(partnershipStages.applicationId, first.application.id));
    const commitments = await w.db.select().from(ledgerEntries).where(eq(ledgerEntries.kind, 'commitment'));
    expect(commitments).toMatchObject([{ amountMinor: NOK(1_000_000), fromAccount: ledgerAccount.call(call.id), toAccount: ledgerAccount.stage(stage!.id), callId: call.id, documentType: 'application', documentRef: first.application.id, postedByLabel: w.adviser.email }]);
    const refused = await approveApplication(w.as(w.adviser), { applicationId: second.application.id, ...second.period, amount: 600_000 }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'fundsShort', neededMinor: NOK(600_000), leftMinor: NOK(500_000) });
    expect((refused as FundsShortError).usedBy).toMatchObject([{ label: first.application.title, amountMinor: NOK(1_000_000), postedBy: w.adviser.email }]);
    // Nothing of the refused approval remains: no status change, no stage, no entry.
    const [after] = await w.db.select({ status: applications.status }).from(applications).where(eq(applications.id, second.application.id));
    expect(after!.status).toBe('in_review');
    expect(await w.db.select().from(partnershipStages).where(eq(partnershipStages.applicationId, second.application.id))).toEqual([]);
    expect(await w.db.select().from(ledgerEntries).where(eq(ledgerEntries.kind, 'commitment'))).toHaveLength(1);
  });

  it('corrects an entry by reversing it once, and only while the money is still there', async () => {
    const w = await staff();
    const programme = await createProgramme(w.db);
    const appropriation = await appropriateYear(w.as(w.finance), { year: 2033, amountMinor: NOK(5_000_000), reason: 'Budget 2033' });
    const allocation = await allocateFunds(w.as(w.finance), { to: 'programme', programmeId: programme.id, year: 2033, amountMinor: NOK(4_000_000), reason: 'Typo: meant 400 000' });
    await expect(correctLedgerEntry(w.as(w.finance), { entryId: appropriation.id, reason: 'Revised budget' })).rejects.toMatchObject({ code: 'fundsShort', field: 'reason', leftMinor: NOK(1_000_000) });
    const reversal = await correctLedgerEntry(w.as(w.finance), { entryId: allocation.id, reason: 'Wrong amount typed' });
    expect(reversal).toMatchObject({ kind: 'correction', fromAccount: allocation.toAccount, toAccount: allocation.fromAccount, amountMinor: allocation.amountMinor, correctsEntryId: allocation.id });
    await expect(correctLedgerEntry(w.as(w.finance), { entryId: allocation.id, reason: 'Again' })).rejects.toMatchObject({ code: 'alreadyCorrected', status: 409 });
    const view = await getBudgetYear(w.as(w.finance), 2033);
    expect(view.totals).toMatchObject({ appropriated: NOK(5_000_000), allocated: 0, unallocated: NOK(5_000_000) });
    const listed = await listLedgerEntries(w.as(w.finance), { year: 2033 });
    expect(listed.entries.find((e) => e.id === allocation.id)?.correctedBy).toBe(reversal.id);
  });

  it('is append-only: the database refuses to change or remove an entry', async () => {
    const w = await staff();
    const entry = await appropriateYear(w.as(w.finance), { year: 2034, amountMinor: NOK(1), reason: 'One krone' });
    await expect(w.db.execute(sql`update ledger_entries set amount_minor = 2 where id = ${entry.id}`)).rejects.toThrow();
    await expect(w.db.execute(sql`delete from ledger_entries where id = ${entry.id}`)).rejects.toThrow();
    await expect(w.db.execute(sql`truncate ledger_entries`)).rejects.toThrow();
  });

  it('lets finance officers and administrators move money; advisers read; partners see nothing', async () => {
    const w = await staff();
    const partner = await createUser(w.db, { memberships: [{ organisationId: (await createOrganisation(w.db)).id, role: 'partner_finance' }] });
    await expect(appropriateYear(w.as(w.adviser), { year: 2035, amountMinor: 100, reason: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getBudgetYear(w.as(w.adviser), 2035)).resolves.toMatchObject({ year: 2035 });
    await expect(getBudgetYear(w.as(partner), 2035)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listLedgerEntries(w.as(partner), {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});
