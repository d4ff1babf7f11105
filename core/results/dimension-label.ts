import type { Locale } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';
import type { MarkerCode } from '../applications/markers.ts';
import { sdgGoalName } from '../reference/code-labels.ts';
import { codeName, codelist } from '../reference/codelists.ts';
import { NO_GROUP, type ResultDimension } from './results-dashboard.ts';

/**
 * A dashboard group's name in the reader's language: the programme's name as given, an SDG's number and
 * short name from the catalogs ("4 Quality education"), a cross-cutting theme's and a country's name from the
 * catalogs, the year as it is; the group of rows without an SDG or theme "none". `lang` is set where the
 * name is not in the reader's language (the SDG list has English and French).
 */
export function dimensionLabel(locale: Locale, dimension: ResultDimension, group: { key: string; label: string }): { label: string; lang?: string } {
  const { t, country } = createTranslator(locale);
  if (group.key === NO_GROUP) return { label: t('results.dashboard.none') };
  switch (dimension) {
    case 'sdg': {
      // The goals' short names in the reader's language, as everywhere else (core/reference/code-labels.ts);
      // the IATI list's names are the goals' whole text, and already begin "Goal 4." ("4 Goal 4. Ensure …").
      const name = sdgGoalName(group.key, locale);
      if (name) return { label: `${group.key} ${name}` };
      const item = codelist('UNSDG-Goals').find((c) => c.code === group.key);
      return item ? { label: codeName(item, locale), lang: item.names[locale] ? undefined : 'en' } : { label: group.key };
    }
    case 'theme':
      return { label: t(`application.marker.${group.key as MarkerCode}`) };
    case 'country':
      return { label: country(group.key) ?? group.key };
    default:
      return { label: group.label };
  }
}
