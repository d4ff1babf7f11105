/**
 * The stages a call can fund (docs/architecture.md#agreement-chain), for pages and the API: the list is
 * the database's (db/schema/calls.ts), reached through core like everything else the pages read.
 */
export { CALL_STAGES, type CallStage } from '../../db/schema/calls.ts';
