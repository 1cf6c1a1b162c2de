/**
 * A slip's day ("2026-12-05") as its reader says it: "5 December 2026", "٥ ديسمبر ٢٠٢٦",
 * "2026年12月5日". A month name is easier to read than digits whose order differs by country.
 * Days are calendar days, so they are formatted in UTC (no shift to the day before).
 */
export function formatDay(isoDay: string, language: string): string {
  const date = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
