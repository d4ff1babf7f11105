import { sql } from 'drizzle-orm';
import { rawRows } from '../../db/raw-rows.ts';
import type { CoreContext } from '../context.ts';
import { agencyYear } from '../finance/budget-year.ts';
import { callBudgetYear } from '../finance/call-budget-year.ts';
import { ledgerAccount } from '../finance/ledger-accounts.ts';
import { balanceSql, netInflowSql } from '../finance/ledger-sums.ts';
import type { UserActor } from '../identity/actor.ts';
import type { StartSection } from './start-item.ts';

/** Below this share of its allocation left uncommitted (in basis points), a call with applications in review is near its end. */
const NEARLY_SPENT_BASIS_POINTS = 1_000;

/**
 * A finance officer's (or administrator's) start page: calls whose applications in review cannot be
 * approved for lack of money, calls with less than a tenth of their allocation left while applications
 * wait, and this year's appropriation not yet allocated to programmes. Sums over the ledger, one query
 * for the calls.
 */
export async function financeStartItems(ctx: CoreContext, actor: UserActor): Promise<StartSection[]> {
  if (!actor.agencyRoles.includes('administrator') && !actor.agencyRoles.includes('finance_officer')) return [];
  const year = agencyYear(ctx.now());
  const callAccount = sql`'call:' || c.id`;
  const [calls, [yearRow], [waiting]] = await Promise.all([
    rawRows<{
      id: string;
      title: string;
      opens_on: string;
      waiting: number;
      allocated: string;
      left: string;
    }>(
      ctx.db,
      sql`
      select c.id, c.title, c.opens_on::text, w.waiting,
        ${netInflowSql(callAccount, 'programme:')} as allocated,
        ${balanceSql(callAccount)} as left
      from calls c
      join (select call_id, count(*)::int as waiting from applications where status in ('submitted', 'in_review') group by call_id) w on w.call_id = c.id
      order by c.deadline, c.title
      limit 200`,
    ),
    rawRows<{ unallocated: string }>(
      ctx.db,
      sql`select ${balanceSql(ledgerAccount.year(year))} as unallocated`,
    ),
    // A tranche before departure may be approved at once; the one after the final report once every partner
    // of its stage has an approved financial report (core/finance/stage-report-settlement.ts says the same).
    rawRows<{ to_approve: number; to_pay: number; reports: number }>(
      ctx.db,
      sql`
      select
        (select count(*)::int from stage_tranches t
          where t.status = 'planned'
            and (t.condition = 'beforeDeparture'
              or (select count(*) from financial_reports r where r.stage_id = t.stage_id and r.status = 'approved')
                 >= (select count(*) from application_partners ap join partnership_stages s on s.application_id = ap.application_id where s.id = t.stage_id))) as to_approve,
        (select count(*)::int from stage_tranches where status = 'approved') as to_pay,
        (select count(*)::int from financial_reports where status = 'submitted') as reports`,
    ),
  ]);
  const items: StartSection['items'] = [];
  for (const c of calls) {
    const allocated = Number(c.allocated);
    const left = Number(c.left);
    const href = `/finance/allocations/new?year=${callBudgetYear({ opensOn: c.opens_on })}&call=${c.id}`;
    if (left <= 0)
      items.push({
        type: 'callUnfunded',
        href,
        call: c.title,
        count: c.waiting,
      });
    else if (left * 10_000 < allocated * NEARLY_SPENT_BASIS_POINTS)
      items.push({
        type: 'callNearlySpent',
        href,
        call: c.title,
        count: c.waiting,
        amountMinor: left,
      });
  }
  const toApprove = Number(waiting?.to_approve ?? 0);
  const toPay = Number(waiting?.to_pay ?? 0);
  const reports = Number(waiting?.reports ?? 0);
  if (toApprove > 0) items.unshift({ type: 'tranchesToApprove', href: '/finance/tranches?status=planned', count: toApprove });
  if (toPay > 0) items.unshift({ type: 'tranchesToPay', href: '/finance/tranches?status=approved', count: toPay });
  if (reports > 0) items.unshift({ type: 'financialReportsToReview', href: '/financial-reports?status=submitted', count: reports });
  const unallocated = Number(yearRow?.unallocated ?? 0);
  if (unallocated > 0)
    items.push({
      type: 'yearUnallocated',
      href: `/finance/allocations/new?year=${year}`,
      amountMinor: unallocated,
      year,
    });
  return items.length > 0 ? [{ kind: 'finance', items }] : [];
}
