import type { MessageKey } from '../../i18n/catalogs.ts';
import type { Translator } from '../../i18n/translator.ts';
import { codeLabels } from '../reference/code-labels.ts';
import type { StatisticsTableId } from './get-participant-statistics.ts';

export interface StatisticsLabel {
  name: string;
  /** The language of the name when it is not the reader's (a sector with no translation is English). */
  lang?: string;
}

/**
 * The name of a row of a statistics table in the reader's language, as the page, its CSV and the chart show it:
 * years (the current one marked provisional), directions, regions, countries, genders, age bands,
 * programmes (their own names), shapes, sectors and SDGs (from the code lists and catalogs).
 */
export function statisticsLabel(i18n: Translator, table: StatisticsTableId, key: string, { programmeNames, provisionalYear }: { programmeNames: Record<string, string>; provisionalYear: number }): StatisticsLabel {
  const { t } = i18n;
  switch (table) {
    case 'year':
      return { name: Number(key) === provisionalYear ? t('statistics.year.provisional', { year: key }) : key };
    case 'direction':
      return { name: t(`statistics.direction.${key}` as MessageKey) };
    case 'home-region':
    case 'host-region':
      return { name: t(`statistics.region.${key}` as MessageKey) };
    case 'home-country':
    case 'host-country':
      return { name: i18n.country(key) ?? key };
    case 'gender':
      return { name: t(`statistics.gender.${key}` as MessageKey) };
    case 'age-band':
      return { name: t(`statistics.ageBand.${key}` as MessageKey) };
    case 'programme':
      return { name: programmeNames[key] ?? key };
    case 'shape':
      return { name: t(`statistics.shape.${key}` as MessageKey) };
    case 'sector':
    case 'sdg': {
      const label = codeLabels(table === 'sector' ? 'Sector' : 'UNSDG-Goals', [key], i18n.locale)[0]!;
      return { name: label.name, lang: label.lang === i18n.locale ? undefined : label.lang };
    }
    case 'flows': {
      const [home = '', host = ''] = key.split('-');
      return { name: t('statistics.flow.name', { from: i18n.country(home) ?? home, to: i18n.country(host) ?? host }) };
    }
  }
}
