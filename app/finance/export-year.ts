/** `?year=2026` when it is a year the ledger can have, else this year in Førde. */
export function exportYear(url: URL, now: Date): number {
  const asked = url.searchParams.get('year') ?? '';
  return /^\d{4}$/.test(asked) && Number(asked) >= 2001 && Number(asked) <= 2100 ? Number(asked) : Number(now.toLocaleDateString('en-CA', { timeZone: 'Europe/Oslo' }).slice(0, 4));
}
