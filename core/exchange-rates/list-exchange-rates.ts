import { and, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { user } from '../../db/schema/auth.ts';
import { exchangeRates } from '../../db/schema/budgets.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { isRateCurrency } from './exchange-rate-input.ts';
import { exchangeRateRecord } from './exchange-rate-record.ts';

const isoDate = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()) ? v : undefined);

/** The most rows one listing shows: newest first. */
export const EXCHANGE_RATE_LIST_LIMIT = 500;

/**
 * Exchange rates, newest first, filtered by currency and a date range (a filter that is not a currency
 * or a date is left out rather than refused, as on every list page). Whoever reads finance.
 */
export async function listExchangeRates(ctx: CoreContext, { currency, from, to }: { currency?: string; from?: string; to?: string } = {}) {
  requirePermission(ctx.actor, 'finance:read');
  const code = currency?.trim().toUpperCase();
  const filters = { currency: code && isRateCurrency(code) ? code : undefined, from: isoDate(from), to: isoDate(to) };
  const where: SQL[] = [];
  if (filters.currency) where.push(eq(exchangeRates.currency, filters.currency));
  if (filters.from) where.push(gte(exchangeRates.date, filters.from));
  if (filters.to) where.push(lte(exchangeRates.date, filters.to));
  const rows = await ctx.db
    .select({ rate: exchangeRates, name: user.name })
    .from(exchangeRates)
    .leftJoin(user, eq(user.id, exchangeRates.enteredBy))
    .where(and(...where))
    .orderBy(desc(exchangeRates.date), exchangeRates.currency)
    .limit(EXCHANGE_RATE_LIST_LIMIT + 1);
  const currencies = (await ctx.db.selectDistinct({ currency: exchangeRates.currency }).from(exchangeRates).orderBy(exchangeRates.currency)).map((r) => r.currency);
  return { filters, currencies, rates: rows.slice(0, EXCHANGE_RATE_LIST_LIMIT).map((r) => exchangeRateRecord(r.rate, r.name)), more: rows.length > EXCHANGE_RATE_LIST_LIMIT };
}
