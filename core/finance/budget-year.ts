/** The year in Førde; made once (toLocaleDateString builds a formatter on every call, a statistics page makes dozens). */
const osloYear = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric' });

/** The agency's budget year at an instant: the calendar year in Førde (Europe/Oslo), wherever the server runs. */
export function agencyYear(now: Date): number {
  return Number(osloYear.format(now));
}

/** A budget year as an address or form gives it (`?year=2026`): four digits from 2001 to 2100, else the agency's year now. */
export function budgetYearParam(value: string | null | undefined, now: Date): number {
  return value && /^\d{4}$/.test(value) && Number(value) >= 2001 && Number(value) <= 2100 ? Number(value) : agencyYear(now);
}
