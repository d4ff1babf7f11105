import { exchangeRates } from '../../db/schema/budgets.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { parseOrRefuse } from '../input/parse-or-refuse.ts';
import { requirePermission } from '../identity/permissions.ts';
import { exchangeRateInput, type ExchangeRateInput } from './exchange-rate-input.ts';
import { exchangeRateRecord } from './exchange-rate-record.ts';

/**
 * Records one exchange rate (NOK per one unit of a currency on a date, and where it comes from): every
 * problem of the input at once, and a currency that already has a rate that day is refused (409
 * `exchangeRateExists`): a rate, once budgets may have shown it, is not silently replaced. Finance
 * officers and administrators.
 */
export async function recordExchangeRate(ctx: CoreContext, input: ExchangeRateInput) {
  requirePermission(ctx.actor, 'finance:manage');
  const actor = ctx.actor.kind === 'user' ? ctx.actor : null;
  const { currency, date, rate, source } = parseOrRefuse(exchangeRateInput, input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(exchangeRates).values({ currency, date, nokPerUnit: rate, source, enteredBy: actor?.userId ?? null, enteredAt: ctx.now() }).onConflictDoNothing().returning();
    if (!row) throw new DomainError('exchangeRateExists', { status: 409, field: 'date', params: { currency, date } });
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'exchange-rate.recorded', recordType: 'exchange_rate', recordId: row.id, after: { currency, date, nokPerUnit: rate, source } });
    return exchangeRateRecord(row, actor?.name ?? null);
  });
}
