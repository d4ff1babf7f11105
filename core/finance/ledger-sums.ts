import { sql, type SQL } from 'drizzle-orm';

/** An account's name as SQL: a value, or an expression such as `'call:' || c.id` inside a larger query. */
type AccountSql = string | SQL;

/** SQL for what an account holds: the sum of the ledger's movements into it minus those out of it, in minor units. */
export function balanceSql(account: AccountSql): SQL {
  return sql`((select coalesce(sum(amount_minor), 0) from ledger_entries where to_account = ${account})
            - (select coalesce(sum(amount_minor), 0) from ledger_entries where from_account = ${account}))`;
}

/**
 * SQL for what came into an account from accounts whose names start with `from` (`'programme:'`), less
 * what went back to them (releases, corrections): a call's allocations, net.
 */
export function netInflowSql(account: AccountSql, from: string): SQL {
  return sql`((select coalesce(sum(amount_minor), 0) from ledger_entries where to_account = ${account} and from_account like ${`${from}%`})
            - (select coalesce(sum(amount_minor), 0) from ledger_entries where from_account = ${account} and to_account like ${`${from}%`}))`;
}
