/** Every kind of movement of money in the ledger, for the API and pages (the schema owns the list). */
export { LEDGER_KINDS, type LedgerKind } from '../../db/schema/ledger.ts';
