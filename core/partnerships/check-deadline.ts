/**
 * Call deadlines are dates in the agency's zone (docs/architecture.md#dates-and-time-zones): "deadline 2026-03-29" means until
 * the end of that day in Førde, wherever the applicant sits. Comparing calendar dates in Europe/Oslo
 * avoids computing the UTC offset by hand, which changes twice a year.
 */
const AGENCY_TIME_ZONE = 'Europe/Oslo';

const osloDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: AGENCY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** True until 23:59:59.999 Oslo time on `deadline` (YYYY-MM-DD); false from the next Oslo midnight. */
export function isBeforeDeadline(deadline: string, now: Date): boolean {
  assertIsoDate(deadline);
  // Zero-padded YYYY-MM-DD strings sort like the dates they name, so string order is date order.
  return osloDate(now) <= deadline;
}

/** The calendar date in Oslo at this instant, as YYYY-MM-DD. */
export function osloDate(instant: Date): string {
  // formatToParts rather than format(): the joined output of a locale is not a contract.
  const parts = osloDateFormat.formatToParts(instant);
  const part = (type: 'year' | 'month' | 'day') => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

// A malformed deadline would compare as a string and silently give a wrong answer, so refuse it loudly:
// it comes from a call's configuration, so this is a programming error, not a user's input.
function assertIsoDate(value: string): void {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return;
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${value}`);
}
