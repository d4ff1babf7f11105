import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createGrantedStage } from '../../db/factories/granted-stage-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import { approveTranche } from './approve-tranche.ts';
import { exportTranchesCsv } from './export-tranches-csv.ts';
import { exportTranchesXlsx } from './export-tranches-xlsx.ts';
import { payTranche } from './pay-tranche.ts';

const testDb = useTestDatabase();

async function world() {
  const finance = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
  const ctx = coreContext({ db: testDb.db, actor: finance.actor });
  const a = await createGrantedStage(testDb.db, { amountMinor: 1_000_000_55 });
  const b = await createGrantedStage(testDb.db, { amountMinor: 2_500_000_00, shares: [6000, 4000] });
  const first = a.tranches[0]!;
  const approved = await approveTranche(ctx, { trancheId: first.id, version: first.version });
  await payTranche(ctx, { trancheId: first.id, paidOn: '2026-04-12', bankReference: 'DNB 2026-04-12 / 7781.05.12345', version: approved.tranche.version });
  return { ctx, a, b, year: Number(a.call.opensOn.slice(0, 4)) };
}

describe('the tranches of a year as files', () => {
  it('as Excel: one row per tranche in the reader’s language, plain numbers, the total a SUM formula with its result', async () => {
    const w = await world();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await new Response(await exportTranchesXlsx(w.ctx, { year: w.year, locale: 'nb' })).arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe(`Utbetalinger ${w.year}`);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Partnerskap', 'Periode', 'Koordinerende partner', 'Nr.', 'Når', 'Status', 'Beløp', 'Valuta', 'Betalt dato', 'Bankreferanse']);
    const rows = [] as unknown[][];
    for (let r = 2; r < sheet.rowCount; r++) rows.push((sheet.getRow(r).values as unknown[]).slice(1));
    const mine = rows.filter((r) => r[0] === w.a.partnership.title);
    expect(mine).toEqual([
      [w.a.partnership.title, 'Utvekslingsrunde 1', w.a.partnership.partners[0]!.legalName, 2, 'Etter økonomisk sluttrapport', 'Til godkjenning', 200_000.11, 'NOK'],
      [w.a.partnership.title, 'Utvekslingsrunde 1', w.a.partnership.partners[0]!.legalName, 1, 'Før utreise', 'Betalt', 800_000.44, 'NOK', '2026-04-12', 'DNB 2026-04-12 / 7781.05.12345'],
    ]);
    const total = sheet.getRow(sheet.rowCount);
    expect(total.getCell(1).value).toBe('Sum');
    const cell = total.getCell(7).value as { formula: string; result: number };
    expect(cell.formula).toBe(`SUM(G2:G${sheet.rowCount - 1})`);
    const sum = rows.reduce((a, r) => a + Math.round(Number(r[6]) * 100), 0);
    expect(Math.round(cell.result * 100)).toBe(sum);
  });

  it('as CSV: the same columns, amounts with a point and no grouping; for finance readers only', async () => {
    const w = await world();
    const text = await exportTranchesCsv(w.ctx, { year: w.year, locale: 'en' });
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [headings, ...rows] = parse(text.slice(1)) as string[][];
    expect(headings).toEqual(['Partnership', 'Stage', 'Coordinating partner', 'No.', 'When', 'Status', 'Amount', 'Currency', 'Paid on', 'Bank reference']);
    expect(rows.filter((r) => r[0] === w.b.partnership.title).map((r) => [r[3], r[4], r[5], r[6]])).toEqual([
      ['1', 'Before departure', 'To approve', '1500000.00'],
      ['2', 'After the final financial report', 'To approve', '1000000.00'],
    ]);
    const partner = await createUser(testDb.db, {});
    await expect(exportTranchesCsv(coreContext({ db: testDb.db, actor: partner.actor }), { year: w.year, locale: 'en' })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
