import { exchangeRates } from '../../db/schema/budgets.ts';
import { normaliseRate } from './convert.ts';

/** An exchange rate as core returns it: the rate in its shortest plain decimal form. */
export function exchangeRateRecord(row: typeof exchangeRates.$inferSelect, enteredByName: string | null = null) {
  return { id: row.id, currency: row.currency, date: row.date, nokPerUnit: normaliseRate(row.nokPerUnit) ?? row.nokPerUnit, source: row.source, enteredBy: enteredByName, enteredAt: row.enteredAt };
}
export type ExchangeRate = ReturnType<typeof exchangeRateRecord>;
