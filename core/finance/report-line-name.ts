import type { MessageKey } from '../../i18n/catalogs.ts';
import type { Translator } from '../../i18n/translator.ts';
import { BUDGETED_OTHER_LINE_KIND, OTHER_LINE_KIND } from './financial-report-rules.ts';

/** A financial report line's name in `t`'s language, on the page and in the exports alike: the budget line's kind and its flow, or the label of an other line. */
export function reportLineName({ t }: Pick<Translator, 't'>, line: { kind: string; label: string; flow: { from: string; to: string } | null }): string {
  if (line.kind === OTHER_LINE_KIND) return t('financialReports.line.other', { label: line.label });
  if (line.kind === BUDGETED_OTHER_LINE_KIND) return t('financialReports.line.budgetedOther', { label: line.label });
  const kind = t(`financialReports.kind.${line.kind}` as MessageKey);
  return line.flow ? t('financialReports.line.flow', { kind, from: line.flow.from, to: line.flow.to }) : kind;
}
