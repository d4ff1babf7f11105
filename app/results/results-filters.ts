/** The dashboards' filters, in the order the form shows them. */
export const RESULT_FILTERS = ['programme', 'year', 'country', 'sdg', 'theme'] as const;
export type ResultFilterName = (typeof RESULT_FILTERS)[number];

/** The filters as the URL has them (the GET form's fields), '' where not chosen. */
export function filtersFrom(url: URL): Record<ResultFilterName, string> {
  return Object.fromEntries(RESULT_FILTERS.map((k) => [k, url.searchParams.get(k) ?? ''])) as Record<ResultFilterName, string>;
}
