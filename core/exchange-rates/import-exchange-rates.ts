import { parse } from 'csv-parse/sync';
import { and, eq, or, type SQL } from 'drizzle-orm';
import { exchangeRates } from '../../db/schema/budgets.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { FieldProblemsError, type FieldProblem } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { exchangeRateInput } from './exchange-rate-input.ts';

/** The columns of an import, in this order, named on its first line. */
export const IMPORT_COLUMNS = ['date', 'currency', 'rate', 'source'] as const;
/** Rows one import may hold: a few years of monthly rates for every partner country, with room to spare. */
export const MAX_IMPORT_ROWS = 5000;

/**
 * Imports exchange rates from CSV text (`date,currency,rate,source`, a header line first): every bad row
 * is named with its line number at once (field `csv`, code `csvLineInvalid` with the line and the
 * column, `csvLineDuplicate` for a currency and date already recorded or given twice), and nothing is
 * saved unless every row is valid. All rows go in one transaction. Finance officers and administrators.
 */
export async function importExchangeRates(ctx: CoreContext, { csv }: { csv: string }) {
  requirePermission(ctx.actor, 'finance:manage');
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  let records: { record: string[]; line: number }[];
  try {
    records = (parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[]).map((r) => ({ record: r.record, line: r.info.lines }));
  } catch {
    throw new FieldProblemsError([{ field: 'csv', code: 'csvUnreadable' }]);
  }
  const [header, ...rows] = records;
  if (!header || header.record.map((h) => h.toLowerCase()).join(',') !== IMPORT_COLUMNS.join(',')) throw new FieldProblemsError([{ field: 'csv', code: 'csvHeader', params: { columns: IMPORT_COLUMNS.join(',') } }]);
  if (rows.length === 0) throw new FieldProblemsError([{ field: 'csv', code: 'csvEmpty' }]);
  if (rows.length > MAX_IMPORT_ROWS) throw new FieldProblemsError([{ field: 'csv', code: 'csvTooManyRows', params: { max: MAX_IMPORT_ROWS } }]);

  const problems: FieldProblem[] = [];
  const valid: { line: number; currency: string; date: string; rate: string; source: string }[] = [];
  const seen = new Map<string, number>();
  for (const { record, line } of rows) {
    if (record.length !== IMPORT_COLUMNS.length) {
      problems.push({ field: 'csv', code: 'csvLineColumns', params: { line, count: IMPORT_COLUMNS.length } });
      continue;
    }
    const parsed = exchangeRateInput.safeParse(Object.fromEntries(IMPORT_COLUMNS.map((c, i) => [c, record[i]])));
    if (!parsed.success) {
      const columns = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
      problems.push({ field: 'csv', code: 'csvLineInvalid', params: { line, columns: columns.join(', ') } });
      continue;
    }
    const key = `${parsed.data.currency}:${parsed.data.date}`;
    if (seen.has(key)) {
      problems.push({ field: 'csv', code: 'csvLineDuplicate', params: { line, currency: parsed.data.currency, date: parsed.data.date } });
      continue;
    }
    seen.set(key, line);
    valid.push({ line, ...parsed.data });
  }

  return ctx.db.transaction(async (tx) => {
    const existing: SQL[] = valid.map((v) => and(eq(exchangeRates.currency, v.currency), eq(exchangeRates.date, v.date))!);
    const taken = new Set<string>();
    for (let i = 0; i < existing.length; i += 200) {
      const found = await tx.select({ currency: exchangeRates.currency, date: exchangeRates.date }).from(exchangeRates).where(or(...existing.slice(i, i + 200)));
      for (const f of found) taken.add(`${f.currency}:${f.date}`);
    }
    for (const v of valid) if (taken.has(`${v.currency}:${v.date}`)) problems.push({ field: 'csv', code: 'csvLineDuplicate', params: { line: v.line, currency: v.currency, date: v.date } });
    if (problems.length > 0) throw new FieldProblemsError(problems.sort((a, b) => Number(a.params!.line) - Number(b.params!.line)));
    const now = ctx.now();
    for (let i = 0; i < valid.length; i += 500) {
      await tx.insert(exchangeRates).values(valid.slice(i, i + 500).map((v) => ({ currency: v.currency, date: v.date, nokPerUnit: v.rate, source: v.source, enteredBy: userId, enteredAt: now })));
    }
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'exchange-rate.imported', recordType: 'exchange_rate', recordId: 'import', after: { rows: valid.length, currencies: [...new Set(valid.map((v) => v.currency))].sort() } });
    return { imported: valid.length };
  });
}
