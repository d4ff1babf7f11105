import { sdgGoalName } from '../../core/reference/code-labels.ts';
import { codeName, codelist } from '../../core/reference/codelists.ts';
import type { Locale } from '../../i18n/locales.ts';

/**
 * Choices for the focus step from the IATI lists: DAC sectors, the 17 goals and their targets, each
 * in the reader's language where the list has it (French), else English with lang="en" on the label.
 */
export function focusOptions(locale: Locale) {
  const named = (item: { names: Record<string, string>; code: string }) => ({
    value: item.code,
    label: codeName(item as never, locale),
    lang: item.names[locale] ? undefined : 'en',
  });
  return {
    sectors: codelist('Sector')
      .filter((c) => c.active)
      .map((c) => ({ value: c.code, label: `${c.code} ${codeName(c, locale)}`, lang: c.names[locale] ? undefined : 'en' })),
    goals: codelist('UNSDG-Goals').filter((c) => c.active).map((c) => ({ value: c.code, label: sdgGoalName(c.code, locale) ?? codeName(c, locale), lang: undefined })),
    targets: codelist('UNSDG-Targets').filter((c) => c.active).map((c) => ({ ...named(c), label: `${c.code} ${codeName(c, locale)}`, goal: c.code.split('.')[0]! })),
  };
}

/**
 * Choices for an indicator's SDG targets on the goals step: the targets the application chose on its focus
 * step, and any an indicator already has (so a target dropped from the focus is still shown where it is used).
 */
export function indicatorTargetOptions(locale: Locale, chosen: readonly string[], used: readonly string[]) {
  const wanted = new Set([...chosen, ...used]);
  return codelist('UNSDG-Targets')
    .filter((c) => wanted.has(c.code))
    .map((c) => ({ value: c.code, label: `${c.code} ${codeName(c, locale)}`, lang: c.names[locale] ? undefined : 'en' }));
}
