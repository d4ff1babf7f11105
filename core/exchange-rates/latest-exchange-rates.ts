import { and, desc, inArray, lte } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { exchangeRates } from '../../db/schema/budgets.ts';
import { sharedRead } from '../../db/shared-read-cache.ts';
import { normaliseRate } from './convert.ts';

export interface RateOnDate {
  currency: string;
  nokPerUnit: string;
  date: string;
  source: string;
}

/**
 * The latest rate of each currency on or before `date` (YYYY-MM-DD); a currency without one is absent.
 * Rates change once a day at most, and every reader of a date asks alike: the answer is a shared read
 * (db/shared-read-cache.ts), kept until the next write.
 */
export async function latestExchangeRates(db: Database, currencies: string[], date: string): Promise<Map<string, RateOnDate>> {
  const wanted = [...new Set(currencies)].filter((c) => c !== 'NOK').sort();
  if (wanted.length === 0) return new Map();
  const rows = await sharedRead(db, `exchange-rates ${wanted.join(',')} ${date}`, () =>
    db
      .selectDistinctOn([exchangeRates.currency], { currency: exchangeRates.currency, nokPerUnit: exchangeRates.nokPerUnit, date: exchangeRates.date, source: exchangeRates.source })
      .from(exchangeRates)
      .where(and(inArray(exchangeRates.currency, wanted), lte(exchangeRates.date, date)))
      .orderBy(exchangeRates.currency, desc(exchangeRates.date)),
  );
  return new Map(rows.map((r) => [r.currency, { ...r, nokPerUnit: normaliseRate(r.nokPerUnit) ?? r.nokPerUnit }]));
}
