/**
 * A slip's day ("2026-12-05") as its reader says it: "5 December 2026", "٥ ديسمبر ٢٠٢٦",
 * "2026年12月5日". A month name is easier to read than digits whose order differs by country.
 * Days are calendar days, so they are formatted in UTC (no shift to the day before).
 */
export function formatDay(isoDay: string, language: string, style: 'long' | 'short' = 'long'): string {
  const date = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  // Short ("Dec 5, 2026") where many dates share a screen: lots, stock, the network board.
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { day: 'numeric', month: 'long', year: 'numeric' } : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(date);
}

/** A calendar day as the API carries it ("2026-12-05"), and nothing else. */
export function isIsoDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}
