import { data } from 'react-router';
import type { CoreContext } from '../../core/context.ts';
import { sdgGoalName } from '../../core/reference/code-labels.ts';
import { codeLabels } from '../../core/reference/code-labels.ts';
import { AGE_BANDS } from '../../core/stats/age-bands.ts';
import { DIRECTIONS } from '../../core/stats/countries.ts';
import { getParticipantStatistics, getStatisticsChoices, STATISTICS_TABLES, type StatisticsTableId } from '../../core/stats/get-participant-statistics.ts';
import { GENDERS, SHAPES, statisticsFiltersFromSearch, statisticsFiltersSearch, usableStatisticsFilters, type StatisticsFilters } from '../../core/stats/statistics-filters.ts';
import type { FieldError } from '../ui/field-errors.ts';
import { statisticsLabel } from '../../core/stats/statistics-labels.ts';
import type { Translator } from '../../i18n/translator.ts';
import { zodFieldErrors } from '../ui/field-errors.ts';
import { flowMapData } from './flow-map.server.ts';

/** The filters of a statistics address, or a 400 page that names what is wrong with them. */
export function statisticsFiltersOrRefuse(t: Translator, url: URL): StatisticsFilters {
  const parsed = statisticsFiltersFromSearch(url.searchParams);
  if (!parsed.success) throw data({ message: zodFieldErrors(t, parsed.error).map((e) => e.message).join(' ') }, { status: 400 });
  return parsed.data;
}

/**
 * The page's filters from its address: what cannot be used is left out and said, each refusal linked to its
 * filter, so an edited or outdated link still shows figures (the CSV refuses instead, above).
 */
export function statisticsFiltersForPage(i18n: Translator, url: URL): { filters: StatisticsFilters; refused: FieldError[] } {
  const { filters, refused } = usableStatisticsFilters(url.searchParams);
  return {
    filters,
    refused: refused.map(({ name, value }) => ({ field: `filter-${name}`, message: i18n.t('statistics.refused.filter', { value: value.length > 40 ? `${value.slice(0, 40)}…` : value, filter: i18n.t(`statistics.filter.${name}`) }) })),
  };
}

export interface Choice {
  value: string;
  label: string;
  lang?: string;
}

/** Everything the statistics page shows: figures, tables with names, the map, and the filters' choices. */
export async function statisticsView(ctx: CoreContext, i18n: Translator, filters: StatisticsFilters) {
  // The figures bring the copy in memory up to date; the choices (the years with people) then take it as it is.
  const stats = await getParticipantStatistics(ctx, { filters });
  const choices = await getStatisticsChoices(ctx);
  const { t } = i18n;
  const tables = STATISTICS_TABLES.filter((id) => id !== 'flows').map((id) => ({
    id,
    rows: stats.tables[id].rows.map((r) => ({ ...r, ...statisticsLabel(i18n, id, r.key, stats) })),
  }));
  // One collator for the sort: localeCompare with a locale builds one on every comparison.
  const collator = new Intl.Collator(i18n.locale);
  const countries = choices.countries.map((code) => ({ value: code, label: i18n.country(code) ?? code })).sort((a, b) => collator.compare(a.label, b.label));
  const regions = (['norway', 'africa', 'asia', 'latin-america'] as const).map((r) => ({ value: r, label: t(`statistics.region.${r}`) }));
  const named = (id: StatisticsTableId, codes: readonly string[]): Choice[] => codes.map((code) => ({ value: code, ...statisticsLabel(i18n, id, code, stats), label: statisticsLabel(i18n, id, code, stats).name }));
  return {
    stats: { ...stats, tables: undefined },
    tables,
    flows: stats.flows.map((f) => ({ ...f, from: i18n.country(f.home) ?? f.home, to: i18n.country(f.host) ?? f.host, directionName: statisticsLabel(i18n, 'direction', f.direction, stats).name })),
    map: flowMapData(stats.flows),
    search: statisticsFiltersSearch(filters),
    choices: {
      years: choices.years,
      places: { regions, countries },
      directions: named('direction', DIRECTIONS),
      genders: named('gender', GENDERS),
      ageBands: named('age-band', AGE_BANDS),
      programmes: choices.programmes.map((p) => ({ value: p.id, label: p.name })),
      shapes: named('shape', SHAPES),
      sectors: codeLabels('Sector', choices.sectors, i18n.locale).map((l) => ({ value: l.code, label: `${l.code} ${l.name}`, lang: l.lang === i18n.locale ? undefined : l.lang })),
      sdgs: Array.from({ length: 17 }, (_, i) => String(i + 1)).map((code) => ({ value: code, label: `${code}. ${sdgGoalName(code, i18n.locale) ?? code}` })),
    },
  };
}
