import type { Translator } from '../../i18n/translator.ts';
import type { TrancheLine } from './list-tranches.ts';
import { minorPerMajor } from './money.ts';

/** A stage as people name it: "Exchange round 2", "Collaboration agreement", "Feasibility study". */
export function stageLabel({ t }: Pick<Translator, 't'>, stage: { kind: TrancheLine['stage']['kind']; roundNumber: number | null }): string {
  return stage.kind === 'round' ? t('chain.kind.round', { round: stage.roundNumber ?? 0 }) : stage.kind === 'agreement' ? t('chain.kind.agreement') : t('chain.kind.feasibility');
}

/** The export's headings and one row per tranche, in the reader's language, amounts as plain numbers in major units. */
export function trancheExportHeadings({ t }: Pick<Translator, 't'>) {
  return [
    t('tranches.column.partnership'),
    t('tranches.column.stage'),
    t('tranches.column.coordinator'),
    t('tranches.column.number'),
    t('tranches.column.condition'),
    t('tranches.column.status'),
    t('tranches.column.amount'),
    t('tranches.column.currency'),
    t('tranches.column.paidOn'),
    t('tranches.column.bankReference'),
  ];
}

export function trancheExportRow(i18n: Pick<Translator, 't'>, line: TrancheLine): (string | number)[] {
  const { t } = i18n;
  return [
    line.partnership.title,
    stageLabel(i18n, line.stage),
    line.coordinator.name,
    line.number,
    t(`tranches.condition.${line.condition}`),
    t(`tranches.status.${line.status}`),
    line.amountMinor / minorPerMajor(line.currency),
    line.currency,
    line.paidOn ?? '',
    line.bankReference ?? '',
  ];
}
