/**
 * Above this many matches a list says "more than …" instead of counting on: an exact count of a hundred
 * thousand rows costs more than the page it heads. Lists count a limited subquery, stopping one past it.
 */
export const LIST_TOTAL_CAP = 1_000;
