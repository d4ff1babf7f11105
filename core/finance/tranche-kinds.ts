/** A tranche's statuses and conditions, for the API and pages (the schema owns the lists). */
export { TRANCHE_CONDITIONS, TRANCHE_STATUSES, type TrancheCondition, type TrancheStatus } from '../../db/schema/disbursements.ts';
