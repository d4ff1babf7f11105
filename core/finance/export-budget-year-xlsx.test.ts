import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createCall } from '../../db/factories/call-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import { allocateFunds } from './allocate-funds.ts';
import { appropriateYear } from './appropriate-year.ts';
import { exportBudgetYearXlsx } from './export-budget-year-xlsx.ts';
import { getBudgetYear } from './get-budget-year.ts';

const testDb = useTestDatabase();

describe('a budget year as Excel', () => {
  it('opens with the page’s figures in the reader’s language, each total a SUM formula whose result matches the page', async () => {
    const finance = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
    const ctx = coreContext({ db: testDb.db, actor: finance.actor });
    const [health, youth] = [await createProgramme(testDb.db, { name: 'Health (ESTHER)' }), await createProgramme(testDb.db, { name: 'Volunteer/Youth' })];
    const call = await createCall(testDb.db, { programmeId: health.id, opensOn: '2036-01-15', deadline: '2036-03-01', budgetCeilingMinor: 5_000_000_00, fundedMinor: 0 });
    await appropriateYear(ctx, { year: 2036, amountMinor: 10_000_000_55, reason: 'Statsbudsjettet 2036' });
    await allocateFunds(ctx, { to: 'programme', programmeId: health.id, year: 2036, amountMinor: 4_000_000_05, reason: 'Helse' });
    await allocateFunds(ctx, { to: 'programme', programmeId: youth.id, year: 2036, amountMinor: 3_000_000_00, reason: 'Ungdom' });
    await allocateFunds(ctx, { to: 'call', callId: call.id, amountMinor: 2_500_000_00, reason: 'Første utlysning' });
    const screen = await getBudgetYear(ctx, 2036);

    const stream = await exportBudgetYearXlsx(ctx, { year: 2036, locale: 'nb' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await new Response(stream).arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(['År', 'Programmer', 'Utlysninger', 'Hovedbok']);

    const programmes = book.getWorksheet('Programmer')!;
    const header = programmes.getRow(1).values as unknown[];
    expect(header.slice(1, 3)).toEqual(['Program', 'Tildelt']);
    const total = programmes.getRow(programmes.rowCount);
    expect(total.getCell(1).value).toBe('Sum');
    const allocated = total.getCell(2).value as { formula: string; result: number };
    expect(allocated.formula).toBe(`SUM(B2:B${programmes.rowCount - 1})`);
    // The formula's stored result is the page's figure, and the rows above really add up to it.
    expect(allocated.result).toBe(screen.totals.allocated / 100);
    let sum = 0;
    for (let r = 2; r < programmes.rowCount; r++) sum += Number(programmes.getRow(r).getCell(2).value);
    expect(Math.round(sum * 100)).toBe(screen.totals.allocated);
    expect(screen.totals.allocated).toBe(7_000_000_05);

    const ledger = book.getWorksheet('Hovedbok')!;
    expect(ledger.rowCount).toBe(1 + 4);
    expect(ledger.getRow(2).getCell(2).value).toBe('Tildeling');
    expect(ledger.getRow(5).getCell(5).value).toBe(10_000_000.55);
  });

  it('is for those who read finance', async () => {
    const partner = await createUser(testDb.db, {});
    await expect(exportBudgetYearXlsx(coreContext({ db: testDb.db, actor: partner.actor }), { year: 2036, locale: 'en' })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
