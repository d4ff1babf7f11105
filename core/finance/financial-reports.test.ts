import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFinancialReport } from '../../db/factories/financial-report-factory.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { createPartnershipStage } from '../../db/factories/partnership-stage-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { createUnitCostTable } from '../../db/factories/unit-cost-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { emailOutbox } from '../../db/schema/email-outbox.ts';
import { samplePdf } from '../../tests/support/sample-pdf.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { DomainError, FieldProblemsError, ForbiddenError, NotFoundError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { placeOfCity } from '../organisations/organisation-place.ts';
import { getApplicationBudget } from '../unit-costs/get-application-budget.ts';
import { addFinancialReportReceipt } from './add-financial-report-receipt.ts';
import { approveFinancialReport, returnFinancialReport } from './decide-financial-report.ts';
import { exportFinancialReportsCsv, exportFinancialReportsXlsx } from './export-financial-reports.ts';
import { lineField, needsExplanation, submissionProblems } from './financial-report-rules.ts';
import { getFinancialReportReceipt } from './get-financial-report-receipt.ts';
import { getFinancialReport } from './get-financial-report.ts';
import { listFinancialReports } from './list-financial-reports.ts';
import { listReportableRounds } from './list-reportable-rounds.ts';
import { snapshotLines } from './start-financial-report.ts';
import { removeFinancialReportReceipt } from './remove-financial-report-receipt.ts';
import { saveFinancialReport } from './save-financial-report.ts';
import { stageReportSettlement } from './stage-report-settlement.ts';
import { startFinancialReport } from './start-financial-report.ts';
import { submitFinancialReport } from './submit-financial-report.ts';

const testDb = useTestDatabase();
const as = (actor: Actor) => coreContext({ db: testDb.db, actor, publicUrl: 'https://exchange.example' });
const placed = (countryCode: string, city: string, legalName: string) => createOrganisation(testDb.db, { countryCode, city, legalName, ...placeOfCity({ countryCode, city }) });
/** A 1×1 PNG. */
const png = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));

/** A Kathmandu–Bergen round in `year` (budgeted when the programme has a published table for it), with each side's staff and the agency. */
async function world({ year = 2027, table = true } = {}) {
  const db = testDb.db;
  const kathmandu = await placed('NP', 'Kathmandu', `Kathmandu Model Hospital ${year}`);
  const bergen = await placed('NO', 'Bergen', `Haukeland universitetssjukehus ${year}`);
  const programme = await createProgramme(db);
  if (table) await createUnitCostTable(db, { programmeId: programme.id, year });
  const partnership = await createPartnership(db, { partners: [kathmandu, bergen], programmeId: programme.id });
  const stage = await createPartnershipStage(db, {
    partnership,
    kind: 'round',
    startsOn: `${year}-03-01`,
    endsOn: `${year + 1}-02-28`,
    flows: [
      { from: 0, to: 1, participants: 2, months: 6, startMonth: `${year}-03` },
      { from: 1, to: 0, participants: 1, months: 6, startMonth: `${year}-04` },
    ],
  });
  const coordinator = await createUser(db, { memberships: [{ organisationId: kathmandu.id, role: 'partner_coordinator' }], locale: 'nb' });
  const finance = await createUser(db, { memberships: [{ organisationId: kathmandu.id, role: 'partner_finance' }] });
  const bergenCoordinator = await createUser(db, { memberships: [{ organisationId: bergen.id, role: 'partner_coordinator' }] });
  const officer = await createUser(db, { agencyRoles: ['finance_officer'] });
  const adviser = await createUser(db, { agencyRoles: ['programme_adviser'] });
  return { kathmandu, bergen, programme, partnership, stage, coordinator, finance, bergenCoordinator, officer, adviser };
}

describe('the variance rule', () => {
  it('asks for an explanation beyond the threshold only, and always for spending on a 0 budget', () => {
    expect(needsExplanation(10_000_00, 11_000_00, 1000)).toBe(false);
    expect(needsExplanation(10_000_00, 11_000_01, 1000)).toBe(true);
    expect(needsExplanation(10_000_00, 9_000_00, 1000)).toBe(false);
    expect(needsExplanation(10_000_00, 8_999_99, 1000)).toBe(true);
    expect(needsExplanation(0, 1, 1000)).toBe(true);
    expect(needsExplanation(0, 0, 1000)).toBe(false);
    expect(needsExplanation(10_000_00, null, 1000)).toBe(false);
  });

  it('is |actual − budget| > budget × threshold / 10,000, exactly, symmetric and monotone', () => {
    const amount = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
    const threshold = fc.integer({ min: 0, max: 10_000 });
    fc.assert(
      fc.property(amount, amount, threshold, (budget, actual, t) => {
        const exact = (BigInt(actual) - BigInt(budget) < 0n ? BigInt(budget) - BigInt(actual) : BigInt(actual) - BigInt(budget)) * 10_000n > BigInt(budget) * BigInt(t);
        expect(needsExplanation(budget, actual, t)).toBe(exact);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 1e12 }), threshold, (budget, d, more, t) => {
        // As far above the budget as below it, and further away never needs less.
        expect(needsExplanation(budget, budget + d, t)).toBe(budget - d >= 0 ? needsExplanation(budget, budget - d, t) : needsExplanation(budget, budget + d, t));
        if (needsExplanation(budget, budget + d, t)) expect(needsExplanation(budget, budget + d + more, t)).toBe(true);
        // Within the threshold (rounded down to whole øre) is never asked about.
        expect(needsExplanation(budget, budget + Number((BigInt(budget) * BigInt(t)) / 10_000n), t)).toBe(false);
      }),
    );
  });

  it('names every problem at once, each on its line', () => {
    const problems = submissionProblems(
      [
        { id: 'a', position: 1, kind: 'travel', budgetMinor: 100_00, actualMinor: null, explanation: '' },
        { id: 'b', position: 2, kind: 'allowance', budgetMinor: 100_00, actualMinor: 150_00, explanation: '' },
        { id: 'c', position: 3, kind: 'other', budgetMinor: 0, actualMinor: null, explanation: '' },
        { id: 'd', position: 4, kind: 'visa', budgetMinor: 100_00, actualMinor: 105_00, explanation: '' },
      ],
      1000,
    );
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      [lineField('a', 'actual'), 'financialReportActualMissing'],
      [lineField('b', 'explanation'), 'financialReportExplanationMissing'],
      [lineField('c', 'actual'), 'financialReportActualMissing'],
      [lineField('c', 'explanation'), 'financialReportOtherLineUnexplained'],
    ]);
    expect(problems[1]!.params).toEqual({ line: 2, threshold: 10 });
  });
});

describe('a partner’s financial report on a round', () => {
  it('starts as a snapshot of the partner’s lines of the round budget, the administration share its own line, once per partner', async () => {
    const w = await world();
    const { id } = await startFinancialReport(as(w.finance.actor), { stageId: w.stage.id });
    const report = await getFinancialReport(as(w.finance.actor), { reportId: id });
    const { rounds } = await getApplicationBudget(as(w.officer.actor), { applicationId: w.stage.applicationId });
    const budget = rounds.find((r) => r.round === 1)!.budget!;
    const mine = budget.lines.filter((l) => l.organisationId === w.kathmandu.id);
    expect(report.lines.map((l) => [l.kind, l.flowId, l.budgetMinor, l.actualMinor])).toEqual(mine.map((l) => [l.kind, l.flowId, l.amountMinor ?? 0, null]));
    expect(report.lines.filter((l) => l.kind === 'administration')).toHaveLength(1);
    expect(report.totals.budgetMinor).toBe(budget.partners.find((p) => p.organisationId === w.kathmandu.id)!.totalMinor);
    expect(report).toMatchObject({ status: 'draft', version: 1, thresholdBasisPoints: 1000, canEdit: true, canDecide: false, organisation: { name: w.kathmandu.legalName } });
    const [audit] = await testDb.db.select().from(auditLog).where(and(eq(auditLog.recordId, id), eq(auditLog.action, 'financial-report.started')));
    expect(audit?.after).toMatchObject({ stageId: w.stage.id, organisationId: w.kathmandu.id, lines: mine.length });
    // One per round and partner; the host partner has no administration line.
    await expect(startFinancialReport(as(w.coordinator.actor), { stageId: w.stage.id })).rejects.toMatchObject({ code: 'financialReportExists', status: 409 });
    const bergen = await getFinancialReport(as(w.bergenCoordinator.actor), { reportId: (await startFinancialReport(as(w.bergenCoordinator.actor), { stageId: w.stage.id })).id });
    expect(bergen.lines.some((l) => l.kind === 'administration')).toBe(false);
    expect(bergen.lines.length).toBeGreaterThan(0);
    // The partner's list of rounds shows the report.
    expect((await listReportableRounds(as(w.coordinator.actor))).map((r) => [r.stageId, r.reportId, r.status])).toEqual([[w.stage.id, id, 'draft']]);
  });

  it('starts without budget lines when the round has no budget, and only for the round’s partners', async () => {
    const w = await world({ year: 2031, table: false });
    const { id } = await startFinancialReport(as(w.coordinator.actor), { stageId: w.stage.id });
    expect((await getFinancialReport(as(w.coordinator.actor), { reportId: id })).lines).toEqual([]);
    const stranger = await createUser(testDb.db, { memberships: [{ organisationId: (await createOrganisation(testDb.db)).id, role: 'partner_coordinator' }] });
    await expect(startFinancialReport(as(stranger.actor), { stageId: w.stage.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(startFinancialReport(as(w.officer.actor), { stageId: w.stage.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startFinancialReport(as(w.coordinator.actor), { stageId: 'not-a-stage' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps an incomplete draft, refuses a stale save, and names every problem on submission at once', async () => {
    const w = await world({ year: 2032 });
    const { id } = await startFinancialReport(as(w.finance.actor), { stageId: w.stage.id });
    const report = await getFinancialReport(as(w.finance.actor), { reportId: id });
    const [first, second, ...rest] = report.lines;
    // Only the first two lines typed in, the second far over budget; one other cost without a reason.
    const saved = await saveFinancialReport(as(w.finance.actor), {
      reportId: id,
      version: 1,
      lines: [
        { id: first!.id, actualMinor: first!.budgetMinor, explanation: '' },
        { id: second!.id, actualMinor: second!.budgetMinor * 2 + 100_00, explanation: '' },
        { label: 'Taxi from the airport at night', actualMinor: 850_00, explanation: '' },
      ],
    });
    expect(saved.version).toBe(2);
    await expect(saveFinancialReport(as(w.coordinator.actor), { reportId: id, version: 1, lines: [] })).rejects.toMatchObject({ code: 'staleEdit', status: 409 });
    const refused = await submitFinancialReport(as(w.finance.actor), { reportId: id, version: 2 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FieldProblemsError);
    const after = await getFinancialReport(as(w.finance.actor), { reportId: id });
    const other = after.lines.find((l) => l.kind === 'other')!;
    expect(other).toMatchObject({ label: 'Taxi from the airport at night', budgetMinor: 0, actualMinor: 850_00, explanationRequired: true });
    expect((refused as FieldProblemsError).problems.map((p) => p.field)).toEqual([
      lineField(second!.id, 'explanation'),
      ...rest.map((l) => lineField(l.id, 'actual')),
      lineField(other.id, 'explanation'),
    ]);
    // Still a draft, unchanged by the refusal.
    expect(after).toMatchObject({ status: 'draft', version: 2 });
    // Removing the other line (leaving it out), filling everything in: submitted.
    const filled = await saveFinancialReport(as(w.finance.actor), {
      reportId: id,
      version: 2,
      lines: after.lines.filter((l) => l.kind !== 'other').map((l) => ({ id: l.id, actualMinor: l.id === second!.id ? l.actualMinor : l.budgetMinor, explanation: l.id === second!.id ? 'Flights doubled in price after the monsoon floods.' : '' })),
    });
    expect((await getFinancialReport(as(w.finance.actor), { reportId: id })).lines.some((l) => l.kind === 'other')).toBe(false);
    await submitFinancialReport(as(w.finance.actor), { reportId: id, version: filled.version });
    await expect(saveFinancialReport(as(w.finance.actor), { reportId: id, version: filled.version + 1, lines: [] })).rejects.toMatchObject({ code: 'financialReportLocked' });
  });

  it('is returned with a remark, submitted again and approved, which the round’s settlement then counts; each decision emailed to the partner', async () => {
    const w = await world({ year: 2033 });
    const lines = [
      { kind: 'travel', budgetMinor: 12_000_00, actualMinor: 12_500_00 },
      { kind: 'allowance', budgetMinor: 30_000_00, actualMinor: 40_000_00, explanation: 'A second participant stayed two extra months.' },
    ];
    const report = await createFinancialReport(testDb.db, { stageId: w.stage.id, organisationId: w.kathmandu.id, status: 'submitted', lines });
    const reportId = report.id;
    await expect(returnFinancialReport(as(w.officer.actor), { reportId, version: 1, remark: '  ' })).rejects.toMatchObject({ code: 'financialReportRemarkRequired', field: 'remark' });
    await expect(approveFinancialReport(as(w.adviser.actor), { reportId, version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(approveFinancialReport(as(w.coordinator.actor), { reportId, version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await returnFinancialReport(as(w.officer.actor), { reportId, version: 1, remark: 'Add the boarding passes for the travel line.' });
    const returned = await getFinancialReport(as(w.coordinator.actor), { reportId });
    expect(returned).toMatchObject({ status: 'returned', remark: 'Add the boarding passes for the travel line.', canEdit: true, version: 2 });
    const mail = await testDb.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, w.coordinator.email));
    expect(mail.map((m) => m.template)).toEqual(['financialReportReturned']);
    expect(mail[0]!.textBody).toContain('Add the boarding passes');
    expect(mail[0]!.textBody).toContain(`https://exchange.example/nb/financial-reports/${reportId}`);
    await expect(approveFinancialReport(as(w.officer.actor), { reportId, version: 2 })).rejects.toMatchObject({ code: 'financialReportNotSubmitted', status: 409 });

    const { version } = await submitFinancialReport(as(w.coordinator.actor), { reportId, version: 2 });
    expect(await stageReportSettlement(testDb.db, w.stage.id)).toMatchObject({ partners: 2, approved: 0, allApproved: false });
    await expect(approveFinancialReport(as(w.officer.actor), { reportId, version: version - 1 })).rejects.toMatchObject({ code: 'staleEdit' });
    await approveFinancialReport(as(w.officer.actor), { reportId, version });
    expect(await stageReportSettlement(testDb.db, w.stage.id)).toEqual({ partners: 2, approved: 1, allApproved: false, actualMinor: 52_500_00 });
    expect((await testDb.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, w.coordinator.email))).map((m) => m.template).sort()).toEqual(['financialReportApproved', 'financialReportReturned']);
    const bergen = await createFinancialReport(testDb.db, { stageId: w.stage.id, organisationId: w.bergen.id, status: 'submitted', lines: [{ kind: 'allowance', budgetMinor: 1_000_00, actualMinor: 1_000_00 }] });
    await approveFinancialReport(as(w.officer.actor), { reportId: bergen.id, version: 1 });
    expect(await stageReportSettlement(testDb.db, w.stage.id)).toMatchObject({ approved: 2, allApproved: true, actualMinor: 53_500_00 });
  });

  it('is not found by another organisation, by a guessed id or by a participant; the agency’s finance readers read every one', async () => {
    const w = await world({ year: 2034 });
    const report = await createFinancialReport(testDb.db, { stageId: w.stage.id, organisationId: w.kathmandu.id });
    await expect(getFinancialReport(as(w.bergenCoordinator.actor), { reportId: report.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveFinancialReport(as(w.bergenCoordinator.actor), { reportId: report.id, version: 1, lines: [] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getFinancialReport(as(w.coordinator.actor), { reportId: '00000000-0000-4000-8000-000000000000' })).rejects.toBeInstanceOf(NotFoundError);
    const participant = await createUser(testDb.db, {});
    await expect(getFinancialReport(as(participant.actor), { reportId: report.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await getFinancialReport(as(w.adviser.actor), { reportId: report.id })).toMatchObject({ canEdit: false, canDecide: false });
    // The adviser may not change it either.
    await expect(saveFinancialReport(as(w.adviser.actor), { reportId: report.id, version: 1, lines: [] })).rejects.toBeInstanceOf(ForbiddenError);
    const bergenList = await listFinancialReports(as(w.bergenCoordinator.actor), {});
    expect(bergenList.items.map((r) => r.id)).not.toContain(report.id);
    expect((await listFinancialReports(as(w.coordinator.actor), {})).items.map((r) => r.id)).toContain(report.id);
  });

  it('lists reports waiting for a decision first, by status, a page at a time', async () => {
    const w = await world({ year: 2035 });
    const draft = await createFinancialReport(testDb.db, { stageId: w.stage.id, organisationId: w.kathmandu.id });
    const submitted = await createFinancialReport(testDb.db, { stageId: w.stage.id, organisationId: w.bergen.id, status: 'submitted' });
    const all = await listFinancialReports(as(w.officer.actor), {});
    const ids = all.items.map((r) => r.id);
    expect(ids.indexOf(submitted.id)).toBeLessThan(ids.indexOf(draft.id));
    expect(all.items.filter((r) => r.status === 'submitted').every((r, i) => all.items[i]!.status === 'submitted')).toBe(true);
    const onlyDrafts = await listFinancialReports(as(w.officer.actor), { status: 'draft' });
    expect(onlyDrafts.items.every((r) => r.status === 'draft')).toBe(true);
    await expect(listFinancialReports(as(w.officer.actor), { after: 'not a cursor' })).rejects.toMatchObject({ code: 'invalidCursor' });
  });
});

describe('receipts', () => {
  it('takes a PDF or a PNG by its content, refuses “%PDF-” followed by HTML, and lets only the report’s readers download them', async () => {
    const w = await world({ year: 2036 });
    const report = await createFinancialReport(testDb.db, { stageId: w.stage.id, organisationId: w.kathmandu.id });
    const pdf = await samplePdf({ title: 'Boarding pass' });
    const { id: pdfId } = await addFinancialReportReceipt(as(w.finance.actor), { reportId: report.id, file: { name: 'boarding-pass.pdf', content: pdf } });
    const { id: pngId } = await addFinancialReportReceipt(as(w.coordinator.actor), { reportId: report.id, file: { name: 'taxi.png', content: png } });
    const fake = new TextEncoder().encode('%PDF-1.7\n<html><script>alert(1)</script></html>');
    await expect(addFinancialReportReceipt(as(w.finance.actor), { reportId: report.id, file: { name: 'invoice.pdf', content: fake } })).rejects.toMatchObject({ code: 'notDocumentType', field: 'file' });
    await expect(addFinancialReportReceipt(as(w.finance.actor), { reportId: report.id, file: { name: 'invoice.pdf', content: png } })).rejects.toMatchObject({ code: 'fileContentMismatch' });
    await expect(addFinancialReportReceipt(as(w.bergenCoordinator.actor), { reportId: report.id, file: { name: 'x.pdf', content: pdf } })).rejects.toBeInstanceOf(NotFoundError);
    const listed = await getFinancialReport(as(w.officer.actor), { reportId: report.id });
    expect(listed.receipts.map((r) => [r.fileName, r.contentType])).toEqual([
      ['boarding-pass.pdf', 'application/pdf'],
      ['taxi.png', 'image/png'],
    ]);
    const file = await getFinancialReportReceipt(as(w.officer.actor), { reportId: report.id, receiptId: pdfId });
    expect(Buffer.from(file.content).equals(Buffer.from(pdf))).toBe(true);
    await expect(getFinancialReportReceipt(as(w.bergenCoordinator.actor), { reportId: report.id, receiptId: pdfId })).rejects.toBeInstanceOf(NotFoundError);
    // A receipt of this report asked for under another report is not found.
    const other = await createFinancialReport(testDb.db, { stageId: w.stage.id, organisationId: w.bergen.id });
    await expect(getFinancialReportReceipt(as(w.officer.actor), { reportId: other.id, receiptId: pdfId })).rejects.toBeInstanceOf(NotFoundError);
    await removeFinancialReportReceipt(as(w.finance.actor), { reportId: report.id, receiptId: pngId });
    expect((await getFinancialReport(as(w.finance.actor), { reportId: report.id })).receipts).toHaveLength(1);
    await expect(getFinancialReportReceipt(as(w.finance.actor), { reportId: report.id, receiptId: pngId })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('cannot be added or removed once the report is submitted', async () => {
    const w = await world({ year: 2037 });
    const report = await createFinancialReport(testDb.db, { stageId: w.stage.id, organisationId: w.kathmandu.id, status: 'submitted' });
    const refused = await addFinancialReportReceipt(as(w.finance.actor), { reportId: report.id, file: { name: 'x.png', content: png } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'financialReportLocked', status: 409 });
  });
});

describe('the year’s reports as Excel and CSV', () => {
  it('has a row per line with plain numbers, labels in the reader’s language, and SUM totals stored with their results', async () => {
    const w = await world({ year: 2038 });
    await createFinancialReport(testDb.db, {
      stageId: w.stage.id,
      organisationId: w.kathmandu.id,
      status: 'approved',
      lines: [
        { kind: 'travel', budgetMinor: 12_000_00, actualMinor: 12_500_50, explanation: '=HYPERLINK("http://evil.example")' },
        { kind: 'other', label: 'Taxi', budgetMinor: 0, actualMinor: 850_00, explanation: 'Night arrival.' },
        { kind: 'visa', budgetMinor: 2_500_00, actualMinor: null },
      ],
    });
    const ctx = as(w.officer.actor);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportFinancialReportsXlsx(ctx, { year: 2038, locale: 'nb' })).slice().buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Økonomirapporter 2038');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Partnerskap', 'Runde', 'Partnerorganisasjon', 'Linje', 'Budsjett', 'Faktisk', 'Avvik', 'Forklaring', 'Rapportstatus']);
    expect(sheet.rowCount).toBe(1 + 3 + 1);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 10)).toEqual([w.partnership.title, 1, w.kathmandu.legalName, 'Reise', 12_000, 12_500.5, 500.5, '=HYPERLINK("http://evil.example")', 'Godkjent']);
    expect(sheet.getRow(3).getCell(4).value).toBe('Annen kostnad: Taxi');
    const total = sheet.getRow(5);
    expect(total.getCell(1).value).toBe('Sum');
    expect(total.getCell(5).value).toEqual({ formula: 'SUM(E2:E4)', result: 14_500 });
    expect(total.getCell(6).value).toEqual({ formula: 'SUM(F2:F4)', result: 13_350.5 });

    const csv = await new Response(await exportFinancialReportsCsv(ctx, { year: 2038, locale: 'en' })).text();
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Partnership', 'Round', 'Partner', 'Line', 'Budget', 'Actual', 'Variance', 'Explanation', 'Report status']);
    expect(rows[1]!.slice(3, 9)).toEqual([`Travel`, '12000', '12500.5', '500.5', `'=HYPERLINK("http://evil.example")`, 'Approved']);
    expect(rows[3]!.slice(4, 7)).toEqual(['2500', '', '']);
    // Another year has none; partners may not export.
    expect((await new Response(await exportFinancialReportsCsv(ctx, { year: 2039, locale: 'en' })).text()).split('\r\n').filter(Boolean)).toHaveLength(1);
    await expect(exportFinancialReportsCsv(as(w.coordinator.actor), { year: 2038, locale: 'en' })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('a report’s lines from the budget', () => {
  it('keeps a partner’s budgeted other cost with its label, as a budget line reported like the others', () => {
    const partner = '00000000-0000-4000-8000-000000000001';
    const lines = snapshotLines(
      [
        { flowId: null, organisationId: partner, kind: 'other', quantity: 1, unitCostMinor: 4_500_00, amountMinor: 4_500_00, other: { id: 'x', label: 'Interpreter for the first week', justification: 'Few speak English at the host' } },
        { flowId: null, organisationId: '00000000-0000-4000-8000-000000000002', kind: 'administration', quantity: 1, unitCostMinor: null, amountMinor: 9_000_00 },
      ],
      partner,
    );
    expect(lines).toEqual([{ position: 1, kind: 'budgeted_other', flowId: null, label: 'Interpreter for the first week', budgetMinor: 4_500_00, actualMinor: null, explanation: '' }]);
  });
});
