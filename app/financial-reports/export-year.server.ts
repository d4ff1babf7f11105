/** The `?year=` of an export (a year the rounds start in), else this year in Førde. */
export function exportYear(request: Request, now: Date): number {
  const asked = new URL(request.url).searchParams.get('year') ?? '';
  return /^\d{4}$/.test(asked) && Number(asked) >= 2001 && Number(asked) <= 2100 ? Number(asked) : Number(now.toLocaleDateString('en-CA', { timeZone: 'Europe/Oslo' }).slice(0, 4));
}
