import type { TrancheCondition, TrancheStatus } from '../../core/finance/tranche-kinds.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';

/** The catalog keys of a tranche's status and condition. */
export const trancheStatusMessage: Record<TrancheStatus, MessageKey> = {
  planned: 'tranches.status.planned',
  approved: 'tranches.status.approved',
  paid: 'tranches.status.paid',
};
export const trancheConditionMessage: Record<TrancheCondition, MessageKey> = {
  beforeDeparture: 'tranches.condition.beforeDeparture',
  afterFinalReport: 'tranches.condition.afterFinalReport',
};
