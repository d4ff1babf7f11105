import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApplication } from '../../db/factories/application-factory.ts';
import { createCall } from '../../db/factories/call-factory.ts';
import { distanceBetweenOrganisations } from '../geography/distance-between-organisations.ts';
import { placeOfCity } from '../organisations/organisation-place.ts';
import { organisationDistanceBands } from './distance-bands.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { createUnitCostTable, plausibleRates } from '../../db/factories/unit-cost-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { unitCostCountries, unitCostTables } from '../../db/schema/unit-costs.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import { shareOf } from '../finance/money.ts';
import { computeRoundBudget } from './compute-round-budget.ts';
import { getUnitCostTable } from './get-unit-cost-table.ts';
import { getUnitCostVersion } from './get-unit-cost-version.ts';
import { listUnitCostTables } from './list-unit-cost-tables.ts';
import { previewUnitCostPublication } from './preview-unit-cost-publication.ts';
import { publishUnitCostTable } from './publish-unit-cost-table.ts';
import { startUnitCostDraft } from './start-unit-cost-draft.ts';
import { unitCostDraftInput } from './unit-cost-input.ts';
import { completeRates } from './unit-cost-rates.ts';
import { updateUnitCostDraft } from './update-unit-cost-draft.ts';

const testDb = useTestDatabase();
const staff = async (role: 'administrator' | 'programme_adviser' | 'finance_officer') => coreContext({ db: testDb.db, actor: (await createUser(testDb.db, { agencyRoles: [role] })).actor });

/** The editor's form, as it posts: every field a string, empty for "not set". */
const form = (overrides: Record<string, unknown> = {}) => ({
  allowances: { A: '12 000', B: '9.000', C: '6,500', D: '4500' },
  countries: { A: 'no, se\nDK', B: 'ID ZA', C: 'BD BO GT TZ UG', D: 'ET; MW; NP' },
  travel: { '0-99': '1 500', '100-499': '3 000', '500-1999': '5 500', '2000-2999': '7 500', '3000-3999': '9 500', '4000-7999': '12 500', '8000+': '16 000' },
  insurancePerMonth: '600',
  preparatoryCourse: '9\u00a0000',
  visa: '2\u202f500',
  health: '1 800',
  adminShare: '7',
  ...overrides,
});

describe('a draft’s rates as the editor sends them', () => {
  it('reads whole kroner as people group them, countries as typed, and the share as a percentage', () => {
    const parsed = unitCostDraftInput.parse(form({ adminShare: '7,25 %' }));
    expect(parsed.allowances).toEqual({ A: 12_000_00, B: 9_000_00, C: 6_500_00, D: 4_500_00 });
    expect(parsed.countries).toEqual({ A: ['DK', 'NO', 'SE'], B: ['ID', 'ZA'], C: ['BD', 'BO', 'GT', 'TZ', 'UG'], D: ['ET', 'MW', 'NP'] });
    expect(parsed.travel['8000+']).toBe(16_000_00);
    expect([parsed.preparatoryCourse, parsed.visa, parsed.adminShare]).toEqual([9_000_00, 2_500_00, 725]);
    // From the API: numbers and lists; whatever is left out is not set yet.
    expect(unitCostDraftInput.parse({ allowances: { A: 12000 }, countries: { A: ['no'] }, adminShare: 7.5 })).toMatchObject({ allowances: { A: 12_000_00, B: null }, countries: { A: ['NO'], B: [] }, travel: { '0-99': null }, visa: null, adminShare: 750 });
  });

  it('names every refused value at once, at its own place', () => {
    const result = unitCostDraftInput.safeParse(
      form({ allowances: { A: '12,5', B: '-3', C: '6 500', D: '99999999999' }, countries: { A: 'NO XX', B: 'NP', C: '', D: 'np' }, travel: { '0-99': 'abc' }, visa: 1.5, adminShare: '100,5' }),
    );
    const issues = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['allowances.A', 'invalidRate'],
        ['allowances.B', 'invalidRate'],
        ['allowances.D', 'invalidRate'],
        ['countries.A', 'unknownCountryCodes'],
        ['travel.0-99', 'invalidRate'],
        ['visa', 'invalidRate'],
        ['adminShare', 'invalidShare'],
      ]),
    );
    // A country in two groups is named at the second, once the codes themselves are fine.
    const twice = unitCostDraftInput.safeParse(form({ countries: { A: 'NO', B: 'NP', C: '', D: 'np ET' } }));
    expect(twice.error!.issues).toEqual([expect.objectContaining({ path: ['countries', 'D'], message: 'countryInTwoGroups', params: { country: 'NP', first: 'B', second: 'D' } })]);
  });
});

describe('drafting and publishing a programme’s table', () => {
  it('starts a draft from the year’s published version, else the year before, else empty; one at a time', async () => {
    const finance = await staff('finance_officer');
    const programme = await createProgramme(testDb.db);
    const old = await createUnitCostTable(testDb.db, { programmeId: programme.id, year: 2025, rates: plausibleRates({ visaMinor: 2_000_00 }) });

    const first = await startUnitCostDraft(finance, { programmeId: programme.id, year: 2026 });
    expect(first).toMatchObject({ version: 1, basedOn: { year: 2025, version: 1 } });
    const draft = await getUnitCostVersion(finance, { tableId: first.id });
    expect(draft.table).toMatchObject({ status: 'draft', year: 2026, version: 1, basedOnId: old.id, rates: { visaMinor: 2_000_00, countries: { D: ['ET', 'MW', 'NP'] } } });
    await expect(startUnitCostDraft(finance, { programmeId: programme.id, year: 2026 })).rejects.toMatchObject({ code: 'unitCostDraftExists', status: 409, params: { year: '2026', version: 1 } });
    const [audit] = await testDb.db.select().from(auditLog).where(and(eq(auditLog.recordId, first.id), eq(auditLog.action, 'unit-cost-table.draft-started')));
    expect(audit?.after).toMatchObject({ year: 2026, version: 1, basedOn: '2025 v1', visaMinor: 2_000_00 });

    // With a published 2026 version, the next draft copies it rather than 2025.
    const fresh = await createProgramme(testDb.db);
    await createUnitCostTable(testDb.db, { programmeId: fresh.id, year: 2025 });
    await createUnitCostTable(testDb.db, { programmeId: fresh.id, year: 2026, rates: plausibleRates({ healthMinor: 2_222_00 }) });
    const next = await startUnitCostDraft(finance, { programmeId: fresh.id, year: 2026 });
    expect(next).toMatchObject({ version: 2, basedOn: { year: 2026, version: 1 } });
    expect((await getUnitCostVersion(finance, { tableId: next.id })).table.rates.healthMinor).toBe(2_222_00);

    // Nothing to copy: everything unset.
    const empty = await startUnitCostDraft(await staff('administrator'), { programmeId: (await createProgramme(testDb.db)).id, year: 2030 });
    const emptyTable = (await getUnitCostVersion(finance, { tableId: empty.id })).table;
    expect(emptyTable).toMatchObject({ version: 1, basedOnId: null, rates: { allowances: { A: null }, countries: { A: [] }, visaMinor: null } });

    await expect(startUnitCostDraft(await staff('programme_adviser'), { programmeId: programme.id, year: 2027 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startUnitCostDraft(coreContext({ db: testDb.db }), { programmeId: programme.id, year: 2027 })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(startUnitCostDraft(finance, { programmeId: 'not-an-id', year: 2027 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('saves a draft with the version seen, audits what changed, and refuses a stale save', async () => {
    const finance = await staff('finance_officer');
    const programme = await createProgramme(testDb.db);
    await createUnitCostTable(testDb.db, { programmeId: programme.id, year: 2026 });
    const { id } = await startUnitCostDraft(finance, { programmeId: programme.id, year: 2026 });
    const seen = (await getUnitCostVersion(finance, { tableId: id })).table.updatedAt.toISOString();

    const saved = await updateUnitCostDraft(finance, { tableId: id, ...unitCostDraftInput.parse(form({ visa: '2 800', countries: { A: 'NO', B: 'ID ZA', C: 'BD BO GT TZ UG', D: 'ET MW NP' } })), version: seen });
    const table = (await getUnitCostVersion(finance, { tableId: id })).table;
    expect(table.rates).toMatchObject({ visaMinor: 2_800_00, countries: { A: ['NO'] } });
    expect(table.updatedAt.toISOString()).toBe(saved.updatedAt.toISOString());
    const [entry] = await testDb.db.select().from(auditLog).where(and(eq(auditLog.recordId, id), eq(auditLog.action, 'unit-cost-table.draft-updated')));
    expect(entry?.before).toEqual({ visaMinor: 2_500_00, 'countries.A': 'DK NO SE' });
    expect(entry?.after).toEqual({ visaMinor: 2_800_00, 'countries.A': 'NO' });

    await expect(updateUnitCostDraft(finance, { tableId: id, ...unitCostDraftInput.parse(form()), version: seen })).rejects.toMatchObject({ code: 'staleEdit', status: 409 });
    await expect(updateUnitCostDraft(finance, { tableId: id, ...unitCostDraftInput.parse(form()), version: 'yesterday' })).rejects.toMatchObject({ code: 'staleEdit' });
    await expect(updateUnitCostDraft(await staff('programme_adviser'), { tableId: id, ...unitCostDraftInput.parse(form()), version: saved.updatedAt.toISOString() })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getUnitCostVersion(finance, { tableId: id })).table.rates.visaMinor).toBe(2_800_00);
  });

  it('publishes only a complete draft, with the version seen; a published version never changes, in core or in the database', async () => {
    const admin = await staff('administrator');
    const programme = await createProgramme(testDb.db);
    const { id } = await startUnitCostDraft(admin, { programmeId: programme.id, year: 2031 });
    let version = (await getUnitCostVersion(admin, { tableId: id })).table.updatedAt.toISOString();
    const incomplete = await publishUnitCostTable(admin, { tableId: id, version }).catch((e: unknown) => e);
    expect(incomplete).toMatchObject({ code: 'unitCostDraftIncomplete', status: 409, missing: expect.arrayContaining(['allowances.A', 'travel.8000+', 'insurancePerMonth', 'adminShare']) });
    expect((incomplete as { missing: string[] }).missing).toHaveLength(4 + 7 + 4 + 1);

    version = (await updateUnitCostDraft(admin, { tableId: id, ...unitCostDraftInput.parse(form()), version })).updatedAt.toISOString();
    await expect(publishUnitCostTable(admin, { tableId: id, version: new Date(0).toISOString() })).rejects.toMatchObject({ code: 'staleEdit' });
    await expect(publishUnitCostTable(await staff('programme_adviser'), { tableId: id, version })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await publishUnitCostTable(await staff('finance_officer'), { tableId: id, version })).toMatchObject({ version: 1 });

    const year = await getUnitCostTable(await staff('programme_adviser'), { programmeId: programme.id, year: 2031 });
    expect(year).toMatchObject({ shown: { id, status: 'published', version: 1 }, current: { id }, draft: null, canManage: false });
    expect(completeRates(year.shown!.rates)?.groupOf.NP).toBe('D');
    await expect(publishUnitCostTable(admin, { tableId: id, version })).rejects.toMatchObject({ code: 'unitCostTableNotDraft', status: 409 });
    await expect(updateUnitCostDraft(admin, { tableId: id, ...unitCostDraftInput.parse(form()), version })).rejects.toMatchObject({ code: 'unitCostTableNotDraft' });

    // The database refuses too, whoever asks.
    await expect(testDb.db.update(unitCostTables).set({ visaMinor: 1 }).where(eq(unitCostTables.id, id))).rejects.toThrow();
    await expect(testDb.db.delete(unitCostTables).where(eq(unitCostTables.id, id))).rejects.toThrow();
    await expect(testDb.db.insert(unitCostCountries).values({ tableId: id, countryCode: 'FI', groupCode: 'A' })).rejects.toThrow();
    await expect(testDb.db.delete(unitCostCountries).where(eq(unitCostCountries.tableId, id))).rejects.toThrow();
    // A draft of the same year is the next version; the list shows the year with both.
    const second = await startUnitCostDraft(admin, { programmeId: programme.id, year: 2031 });
    expect(second.version).toBe(2);
    const list = await listUnitCostTables(admin, { programmeId: programme.id });
    expect(list.years).toEqual([expect.objectContaining({ year: 2031, published: expect.objectContaining({ id, version: 1 }), draft: { id: second.id, version: 2 }, versions: 2 })]);
    const history = await getUnitCostTable(admin, { programmeId: programme.id, year: 2031, version: 2 });
    expect(history.versions.map((v) => [v.version, v.status])).toEqual([[2, 'draft'], [1, 'published']]);
    await expect(getUnitCostTable(admin, { programmeId: programme.id, year: 2031, version: 9 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('is read by the agency’s staff only', async () => {
    const programme = await createProgramme(testDb.db);
    const partner = await createUser(testDb.db, { memberships: [{ organisationId: (await createOrganisation(testDb.db)).id, role: 'partner_finance' }] });
    await expect(listUnitCostTables(coreContext({ db: testDb.db, actor: partner.actor }), { programmeId: programme.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getUnitCostTable(coreContext({ db: testDb.db }), { programmeId: programme.id, year: 2026 })).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(await getUnitCostTable(await staff('programme_adviser'), { programmeId: programme.id, year: 2026 })).toMatchObject({ shown: null, versions: [] });
  });
});

describe('previewing a publication', () => {
  it('reprices every open round budget of the programme and year, with distances measured between the partners’ cities', async () => {
    const finance = await staff('finance_officer');
    const programme = await createProgramme(testDb.db);
    const call = await createCall(testDb.db, { programmeId: programme.id, stage: 'round', opensOn: '2025-10-01', deadline: '2025-11-15' });
    const kathmandu = await createOrganisation(testDb.db, { countryCode: 'NP', city: 'Kathmandu', ...placeOfCity({ countryCode: 'NP', city: 'Kathmandu' }) });
    const bergen = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Bergen', ...placeOfCity({ countryCode: 'NO', city: 'Bergen' }) });
    const lilongwe = await createOrganisation(testDb.db, { countryCode: 'MW', city: 'Lilongwe', ...placeOfCity({ countryCode: 'MW', city: 'Lilongwe' }) });
    const mzuzu = await createOrganisation(testDb.db, { countryCode: 'MW', city: 'Mzuzu', ...placeOfCity({ countryCode: 'MW', city: 'Mzuzu' }) });
    const nowhere = await createOrganisation(testDb.db, { countryCode: 'MW', city: 'Nkhata Bay' });
    const submitted = await createApplication(testDb.db, {
      callId: call.id,
      status: 'submitted',
      title: 'A submitted round',
      partners: [bergen, kathmandu],
      flows: [
        { from: 1, to: 0, participants: 2, months: 6, startMonth: '2026-03' },
        { from: 0, to: 1, participants: 1, months: 12, startMonth: '2026-01' },
      ],
    });
    // An agreement's plan of two rounds: only the round that starts in 2026 is budgeted in 2026.
    const returned = await createApplication(testDb.db, {
      callId: call.id,
      status: 'returned',
      title: 'B returned agreement',
      partners: [lilongwe, mzuzu, nowhere],
      flows: [
        { from: 0, to: 1, participants: 1, months: 6, startMonth: '2026-02', round: 1 },
        { from: 1, to: 2, participants: 1, months: 6, startMonth: '2026-02', round: 1 },
        { from: 2, to: 0, participants: 1, months: 6, startMonth: '2027-02', round: 2 },
      ],
    });
    const draftApp = await createApplication(testDb.db, { callId: call.id, status: 'draft', title: 'C private draft', partners: [kathmandu, bergen], flows: [{ from: 0, to: 1, participants: 3, months: 6, startMonth: '2026-05' }] });
    // Not repriced: approved, another year, another programme.
    await createApplication(testDb.db, { callId: call.id, status: 'approved', partners: [kathmandu, bergen], flows: [{ from: 0, to: 1, startMonth: '2026-04' }] });
    await createApplication(testDb.db, { callId: call.id, status: 'submitted', partners: [kathmandu, bergen], flows: [{ from: 0, to: 1, startMonth: '2027-01' }] });
    await createApplication(testDb.db, { status: 'submitted', partners: [kathmandu, bergen], flows: [{ from: 0, to: 1, startMonth: '2026-04' }] });

    const published = plausibleRates();
    await createUnitCostTable(testDb.db, { programmeId: programme.id, year: 2026, rates: published });
    const { id } = await startUnitCostDraft(finance, { programmeId: programme.id, year: 2026 });
    const version = (await getUnitCostVersion(finance, { tableId: id })).table.updatedAt.toISOString();
    // The draft: Norway's allowance up 1 000 kr, travel over 4 000 km up 500 kr.
    await updateUnitCostDraft(finance, { tableId: id, ...unitCostDraftInput.parse(form({ allowances: { A: '13 000', B: '9 000', C: '6 500', D: '4 500' }, travel: { ...form().travel, '4000-7999': '13 000' } })), version });

    const bandsFor = organisationDistanceBands(testDb.db);
    const preview = await previewUnitCostPublication(finance, { tableId: id, bandsFor });
    expect(preview).toMatchObject({ draft: { id, year: 2026, version: 2 }, current: { version: 1 }, missing: [] });
    expect(preview.rows.map((r) => [r.title, r.status, r.round, r.flows])).toEqual([
      ['A submitted round', 'submitted', 1, 2],
      ['B returned agreement', 'returned', 1, 2],
    ]);

    // Kathmandu–Bergen is some 6 900 km (4 000–7 999): by hand, the submitted round goes up by
    // 2 × 6 person-months in Norway × 1 000 kr and three trips × 500 kr, plus 7 % of that.
    expect(await distanceBetweenOrganisations(testDb.db, kathmandu.id, bergen.id)).toMatchObject({ band: '4000-7999' });
    const [a, b] = preview.rows;
    expect(a!.differenceMinor).toBe(12 * 1_000_00 + 3 * 500_00 + shareOf(12 * 1_000_00 + 3 * 500_00, 700));
    expect(a!.newTotalMinor - a!.oldTotalMinor!).toBe(a!.differenceMinor);
    const bands = await bandsFor([{ id: 'x', sendingOrganisationId: kathmandu.id, hostOrganisationId: bergen.id, sendingCountryCode: 'NP', hostCountryCode: 'NO' }]);
    const flows = [
      { id: 'x', sendingOrganisationId: bergen.id, hostOrganisationId: kathmandu.id, sendingCountryCode: 'NO', hostCountryCode: 'NP', participants: 1, months: 12 },
      { id: 'y', sendingOrganisationId: kathmandu.id, hostOrganisationId: bergen.id, sendingCountryCode: 'NP', hostCountryCode: 'NO', participants: 2, months: 6 },
    ];
    const byHand = computeRoundBudget({ flows, coordinatorOrganisationId: bergen.id, rates: completeRates(published)!, bands: new Map([['x', bands.get('x')!], ['y', bands.get('x')!]]) });
    expect(a!.oldTotalMinor).toBe(byHand.totalMinor);
    expect(a!.problems).toBe(0);

    // Lilongwe–Mzuzu is within Malawi (no visa); Nkhata Bay is not among the known places, so that travel is unknown.
    expect(b!.problems).toBe(1);
    expect(b!.differenceMinor).toBe(0);
    // The draft application (three people from Kathmandu to Bergen for six months) is counted, not shown.
    expect(preview.drafts).toMatchObject({ applications: 1, rounds: 1, differenceMinor: 18 * 1_000_00 + 3 * 500_00 + shareOf(18 * 1_000_00 + 3 * 500_00, 700) });
    expect(preview.rows.some((r) => r.applicationId === draftApp.id)).toBe(false);
    expect(preview.totals).toEqual({
      oldTotalMinor: a!.oldTotalMinor! + b!.oldTotalMinor! + preview.drafts!.oldTotalMinor!,
      newTotalMinor: a!.newTotalMinor + b!.newTotalMinor + preview.drafts!.newTotalMinor,
      differenceMinor: a!.differenceMinor! + b!.differenceMinor! + preview.drafts!.differenceMinor!,
    });
    expect([submitted.id, returned.id]).toEqual(preview.rows.map((r) => r.applicationId));

    // Publishing the draft changes no application, and a second preview of it is refused.
    await publishUnitCostTable(finance, { tableId: id, version: (await getUnitCostVersion(finance, { tableId: id })).table.updatedAt.toISOString() });
    await expect(previewUnitCostPublication(finance, { tableId: id, bandsFor })).rejects.toMatchObject({ code: 'unitCostTableNotDraft' });
    await expect(previewUnitCostPublication(await staff('programme_adviser'), { tableId: id, bandsFor })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('shows no old totals for a year without a published version, and nothing for a draft with rates missing', async () => {
    const admin = await staff('administrator');
    const programme = await createProgramme(testDb.db);
    const call = await createCall(testDb.db, { programmeId: programme.id, stage: 'round' });
    await createApplication(testDb.db, { callId: call.id, status: 'in_review', partners: [await createOrganisation(testDb.db, { countryCode: 'NP', city: 'Pokhara', ...placeOfCity({ countryCode: 'NP', city: 'Pokhara' }) }), await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Oslo', ...placeOfCity({ countryCode: 'NO', city: 'Oslo' }) })], flows: [{ from: 0, to: 1, startMonth: '2033-03' }, { from: 1, to: 0, startMonth: '2033-03' }] });
    const empty = await startUnitCostDraft(admin, { programmeId: programme.id, year: 2033 });
    expect(await previewUnitCostPublication(admin, { tableId: empty.id, bandsFor: organisationDistanceBands(testDb.db) })).toMatchObject({ missing: expect.arrayContaining(['allowances.A']), rows: [], totals: null });
    await updateUnitCostDraft(admin, { tableId: empty.id, ...unitCostDraftInput.parse(form()), version: (await getUnitCostVersion(admin, { tableId: empty.id })).table.updatedAt.toISOString() });
    const preview = await previewUnitCostPublication(admin, { tableId: empty.id, bandsFor: organisationDistanceBands(testDb.db) });
    expect(preview.current).toBeNull();
    expect(preview.rows).toEqual([expect.objectContaining({ status: 'in_review', oldTotalMinor: null, differenceMinor: null, problems: 0 })]);
    expect(preview.totals).toMatchObject({ oldTotalMinor: null, differenceMinor: null });
  });
});
