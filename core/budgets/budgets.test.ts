import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApplication } from '../../db/factories/application-factory.ts';
import { createCall } from '../../db/factories/call-factory.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { createUnitCostTable, plausibleRates } from '../../db/factories/unit-cost-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { budgetOtherLines, exchangeRates } from '../../db/schema/budgets.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { addPlanFlow } from '../applications/add-plan-flow.ts';
import { planFlowInput } from '../applications/plan-flow-input.ts';
import { coreContext } from '../context.ts';
import { FieldProblemsError, NotFoundError } from '../errors.ts';
import { sumMinor } from '../finance/money.ts';
import type { Actor } from '../identity/actor.ts';
import { placeOfCity } from '../organisations/organisation-place.ts';
import { getApplicationBudget } from '../unit-costs/get-application-budget.ts';
import { publishUnitCostTable } from '../unit-costs/publish-unit-cost-table.ts';
import { addOtherLine } from './add-other-line.ts';
import { removeOtherLine } from './remove-other-line.ts';
import { updateOtherLine } from './update-other-line.ts';

const testDb = useTestDatabase();
const as = (actor: Actor) => coreContext({ db: testDb.db, actor });
const placed = (countryCode: string, city: string) => createOrganisation(testDb.db, { countryCode, city, ...placeOfCity({ countryCode, city }) });
const flow = (from: string, to: string, overrides: Record<string, unknown> = {}) =>
  planFlowInput.parse({ round: '1', sendingOrganisationId: from, hostOrganisationId: to, participants: '2', months: '12', startMonth: '2027-08', competence: 'Neonatal nursing', purpose: 'Set up a neonatal unit', ...overrides });

async function world(status: 'draft' | 'approved' = 'draft', programmeId?: string) {
  const kathmandu = await placed('NP', 'Kathmandu');
  const bergen = await placed('NO', 'Bergen');
  const programme = programmeId ? { id: programmeId } : await createProgramme(testDb.db);
  if (!programmeId) await createUnitCostTable(testDb.db, { programmeId: programme.id, year: 2027 });
  const call = await createCall(testDb.db, { programmeId: programme.id, stage: 'agreement' });
  const application = await createApplication(testDb.db, {
    callId: call.id,
    partners: [bergen, kathmandu],
    status,
    flows: [
      { from: 0, to: 1, participants: 2, months: 12, startMonth: '2027-08' },
      { from: 1, to: 0, participants: 2, months: 12, startMonth: '2027-08' },
    ],
  });
  const coordinator = await createUser(testDb.db, { memberships: [{ organisationId: bergen.id, role: 'partner_coordinator' }] });
  const nepali = await createUser(testDb.db, { memberships: [{ organisationId: kathmandu.id, role: 'partner_coordinator' }] });
  return { kathmandu, bergen, programme, call, application, coordinator, nepali };
}

describe('stored round budgets', () => {
  it('records a first version when first read, and a plan change records a new one (cause planChanged) with the right totals', async () => {
    const w = await world();
    const first = await getApplicationBudget(as(w.coordinator.actor), { applicationId: w.application.id });
    expect(first.rounds).toHaveLength(1);
    expect(first.rounds[0]!.version).toMatchObject({ number: 1, cause: 'created' });
    const before = first.rounds[0]!.budget!.totalMinor;

    await addPlanFlow(as(w.coordinator.actor), { applicationId: w.application.id, ...flow(w.bergen.id, w.kathmandu.id, { participants: '1' }) });
    const after = await getApplicationBudget(as(w.coordinator.actor), { applicationId: w.application.id });
    const round = after.rounds[0]!;
    expect(round.version).toMatchObject({ number: 2, cause: 'planChanged', computedBy: w.coordinator.actor.kind === 'user' ? w.coordinator.actor.name : null });
    expect(round.flows).toHaveLength(3);
    expect(round.budget!.totalMinor).toBeGreaterThan(before);
    expect(round.budget!.totalMinor).toBe(sumMinor(round.budget!.partners.map((p) => p.totalMinor)));
    expect(round.budget!.totalMinor).toBe(sumMinor(round.budget!.lines.map((l) => l.amountMinor ?? 0)));

    const { history } = await getApplicationBudget(as(w.coordinator.actor), { applicationId: w.application.id });
    expect(history.map((e) => [e.number, e.cause, e.oldTotalMinor, e.newTotalMinor])).toEqual([
      [2, 'planChanged', before, round.budget!.totalMinor],
      [1, 'created', null, before],
    ]);
    // Reading again records nothing: the result has not changed.
    await getApplicationBudget(as(w.coordinator.actor), { applicationId: w.application.id });
    expect((await getApplicationBudget(as(w.coordinator.actor), { applicationId: w.application.id })).history).toHaveLength(2);
  });

  it('publishing new unit costs changes a draft’s budget but not an approved one', async () => {
    const draft = await world('draft');
    const approved = await world('approved', draft.programme.id);
    const finance = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
    const draftBefore = (await getApplicationBudget(as(draft.coordinator.actor), { applicationId: draft.application.id })).rounds[0]!;
    const approvedBefore = (await getApplicationBudget(as(approved.coordinator.actor), { applicationId: approved.application.id })).rounds[0]!;
    expect(draftBefore.budget!.totalMinor).toBe(approvedBefore.budget!.totalMinor);

    const next = await createUnitCostTable(testDb.db, { programmeId: draft.programme.id, year: 2027, status: 'draft', rates: plausibleRates({ insurancePerMonthMinor: 900_00 }) });
    const published = await publishUnitCostTable(as(finance.actor), { tableId: next.id, version: next.updatedAt.toISOString() });
    expect(published.budgetsChanged).toBe(1);

    const draftAfter = (await getApplicationBudget(as(draft.coordinator.actor), { applicationId: draft.application.id })).rounds[0]!;
    expect(draftAfter.version).toMatchObject({ number: 2, cause: 'unitCostsPublished' });
    expect(draftAfter.table!.version).toBe(2);
    // Insurance is 2 flows × 2 people × 12 months at 300 kr more, and the administration share grows with it.
    expect(draftAfter.budget!.lines.filter((l) => l.kind === 'insurance').map((l) => l.unitCostMinor)).toEqual([900_00, 900_00]);
    expect(draftAfter.budget!.totalMinor).toBeGreaterThan(draftBefore.budget!.totalMinor);
    const approvedAfter = (await getApplicationBudget(as(approved.coordinator.actor), { applicationId: approved.application.id })).rounds[0]!;
    expect(approvedAfter.version.number).toBe(1);
    expect(approvedAfter.table!.version).toBe(1);
    expect(approvedAfter.budget!.totalMinor).toBe(approvedBefore.budget!.totalMinor);
  });
});

describe('partners’ other lines', () => {
  it('names every problem at once, counts in the partner’s and the round’s totals (not the administration share), and is versioned', async () => {
    const w = await world();
    const before = (await getApplicationBudget(as(w.nepali.actor), { applicationId: w.application.id })).rounds[0]!.budget!;
    const refused = await addOtherLine(as(w.nepali.actor), { applicationId: w.application.id, round: 3, organisationId: w.kathmandu.id, label: ' ', amount: '12,5', justification: '' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FieldProblemsError);
    expect((refused as FieldProblemsError).problems.map((p) => [p.field, p.code])).toEqual([
      ['round', 'roundNotInPlan'],
      ['label', 'required'],
      ['amount', 'chooseAmount'],
      ['justification', 'giveJustification'],
    ]);

    const line = await addOtherLine(as(w.nepali.actor), { applicationId: w.application.id, round: 1, organisationId: w.kathmandu.id, label: 'Interpreter for the induction week', amount: '25 000', justification: 'Nepali–English interpreting for the first week.' });
    const after = (await getApplicationBudget(as(w.nepali.actor), { applicationId: w.application.id })).rounds[0]!;
    expect(after.version.cause).toBe('otherLineChanged');
    const other = after.budget!.lines.find((l) => l.kind === 'other')!;
    expect(other).toMatchObject({ organisationId: w.kathmandu.id, amountMinor: 25_000_00, other: { label: 'Interpreter for the induction week' } });
    expect(after.budget!.totalMinor).toBe(before.totalMinor + 25_000_00);
    expect(after.budget!.administrationMinor).toBe(before.administrationMinor);
    const partner = (b: typeof before) => b.partners.find((p) => p.organisationId === w.kathmandu.id)!.totalMinor;
    expect(partner(after.budget!)).toBe(partner(before) + 25_000_00);

    // The Nepali coordinator cannot touch the Norwegian partner's part; a stale save is refused.
    await expect(addOtherLine(as(w.nepali.actor), { applicationId: w.application.id, round: 1, organisationId: w.bergen.id, label: 'x', amount: '1', justification: 'y' })).rejects.toMatchObject({ status: 403 });
    const changed = await updateOtherLine(as(w.nepali.actor), { applicationId: w.application.id, lineId: line.id, version: line.updatedAt.toISOString(), label: 'Interpreter', amount: '30 000', justification: 'Two weeks.' });
    await expect(updateOtherLine(as(w.nepali.actor), { applicationId: w.application.id, lineId: line.id, version: line.updatedAt.toISOString(), label: 'Old', amount: '1', justification: 'Old' })).rejects.toMatchObject({ code: 'staleEdit', status: 409 });
    expect((await getApplicationBudget(as(w.nepali.actor), { applicationId: w.application.id })).rounds[0]!.budget!.totalMinor).toBe(before.totalMinor + 30_000_00);
    await removeOtherLine(as(w.coordinator.actor), { applicationId: w.application.id, lineId: line.id, version: changed.updatedAt.toISOString() });
    expect((await getApplicationBudget(as(w.nepali.actor), { applicationId: w.application.id })).rounds[0]!.budget!.totalMinor).toBe(before.totalMinor);
    expect(await testDb.db.select().from(budgetOtherLines).where(eq(budgetOtherLines.applicationId, w.application.id))).toHaveLength(0);
    await expect(removeOtherLine(as(w.coordinator.actor), { applicationId: w.application.id, lineId: line.id, version: changed.updatedAt.toISOString() })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('cannot be added once the application is no longer editable', async () => {
    const w = await world('approved');
    await expect(addOtherLine(as(w.nepali.actor), { applicationId: w.application.id, round: 1, organisationId: w.kathmandu.id, label: 'Interpreter', amount: '25 000', justification: 'Why' })).rejects.toMatchObject({ code: 'applicationLocked' });
  });
});

describe('local-currency equivalents', () => {
  it('shows a partner’s total in its currency at the latest rate on or before the budget’s day, and none for NOK', async () => {
    const w = await world();
    await testDb.db.insert(exchangeRates).values([
      { currency: 'NPR', date: '2020-01-01', nokPerUnit: '0.0800', source: 'Norges Bank' },
      { currency: 'NPR', date: '2020-02-01', nokPerUnit: '0.0795', source: 'Norges Bank' },
      { currency: 'NPR', date: '2999-01-01', nokPerUnit: '1', source: 'Future' },
    ]);
    const round = (await getApplicationBudget(as(w.nepali.actor), { applicationId: w.application.id })).rounds[0]!;
    expect(round.equivalents).toHaveLength(1);
    const [npr] = round.equivalents;
    const total = round.budget!.partners.find((p) => p.organisationId === w.kathmandu.id)!.totalMinor;
    expect(npr).toMatchObject({ organisationId: w.kathmandu.id, currency: 'NPR', rate: { nokPerUnit: '0.0795', date: '2020-02-01', source: 'Norges Bank' } });
    // Exact: øre × 10^10 / (100 × 0.0795 × 10^10) NPR, in paisa, rounded half away from zero.
    const num = BigInt(total) * 10n ** 10n * 100n;
    const den = 100n * 795_000_000n;
    expect(BigInt(npr!.amountMinor)).toBe((2n * num + den) / (2n * den));
  });
});

it('a stranger finds no budget and no history', async () => {
  const w = await world();
  const stranger = await createUser(testDb.db, { memberships: [{ organisationId: (await createOrganisation(testDb.db)).id, role: 'partner_coordinator' }] });
  await expect(getApplicationBudget(as(stranger.actor), { applicationId: w.application.id })).rejects.toBeInstanceOf(NotFoundError);
  // With versions recorded (the coordinator's read records the first), the stranger still finds none.
  await getApplicationBudget(as(w.coordinator.actor), { applicationId: w.application.id });
  expect((await getApplicationBudget(as(w.coordinator.actor), { applicationId: w.application.id })).history.length).toBeGreaterThan(0);
  await expect(getApplicationBudget(as(stranger.actor), { applicationId: w.application.id })).rejects.toBeInstanceOf(NotFoundError);
});

it('the agency reads a sent application’s budget and history as its partners do (one statement), and finds no draft’s', async () => {
  const adviser = await createUser(testDb.db, { agencyRoles: ['programme_adviser'] });
  const sent = await world('approved');
  const id = { applicationId: sent.application.id };
  const partners = await getApplicationBudget(as(sent.coordinator.actor), id);
  // Twice: the agency's statements are prepared on the first read and reused on the second.
  for (let i = 0; i < 2; i++) expect(await getApplicationBudget(as(adviser.actor), id)).toEqual(partners);
  const draft = await world('draft');
  await getApplicationBudget(as(draft.coordinator.actor), { applicationId: draft.application.id });
  await expect(getApplicationBudget(as(adviser.actor), { applicationId: draft.application.id })).rejects.toBeInstanceOf(NotFoundError);
});
