import { codeName, codelist } from '../../core/reference/codelists.ts';
import { createTranslator } from '../../i18n/translator.ts';
import type { Locale } from '../../i18n/locales.ts';

export interface Option {
  value: string;
  label: string;
}

/** Choices for the organisation form, from the IATI lists, named in the reader's language where possible. */
export function organisationFormOptions(locale: Locale): { countries: Option[]; types: Option[]; sectors: Option[] } {
  const t = createTranslator(locale);
  const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, locale);
  return {
    countries: codelist('Country')
      .filter((c) => c.active)
      .map((c) => ({ value: c.code, label: t.country(c.code) ?? codeName(c, locale) }))
      .sort(byLabel),
    types: codelist('OrganisationType')
      .filter((c) => c.active)
      .map((c) => ({ value: c.code, label: codeName(c, locale) })),
    sectors: codelist('Sector')
      .filter((c) => c.active)
      .map((c) => ({ value: c.code, label: `${c.code} ${codeName(c, locale)}` })),
  };
}
