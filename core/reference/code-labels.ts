import type { MessageKey } from '../../i18n/catalogs.ts';
import { isLocale } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { codelist, type CodelistName } from './codelists.ts';

export interface CodeLabel {
  code: string;
  name: string;
  /** The language the name is in: the reader's where the list has it, else English (for `lang`, WCAG 3.1.2). */
  lang: string;
}

/**
 * The 17 SDGs' official short names ("Good health and well-being") in the reader's language, from the
 * catalogs (`sdg.goal.<n>` in i18n/messages/statistics): the IATI list has only long English and French
 * titles. Undefined for a code that is not a goal.
 */
export function sdgGoalName(code: string, locale: string): string | undefined {
  if (!/^([1-9]|1[0-7])$/.test(code) || !isLocale(locale)) return undefined;
  return createTranslator(locale).t(`sdg.goal.${code}` as MessageKey);
}

/** Names for codes of one list, in the order given; a code the list does not know keeps the code as its name. */
export function codeLabels(list: CodelistName, codes: readonly string[], locale: string): CodeLabel[] {
  const items = new Map(codelist(list).map((item) => [item.code, item]));
  return codes.map((code) => {
    const goal = list === 'UNSDG-Goals' ? sdgGoalName(code, locale) : undefined;
    if (goal) return { code, name: goal, lang: locale };
    const names = items.get(code)?.names ?? {};
    if (names[locale]) return { code, name: names[locale], lang: locale };
    return { code, name: names.en ?? code, lang: 'en' };
  });
}
