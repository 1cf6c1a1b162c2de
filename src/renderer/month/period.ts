/** Month arithmetic for the period buttons: whole calendar months, as food banks ask. */
export interface MonthPeriod {
  from: string;
  to: string;
  /** YYYY-MM, for labels. */
  month: string;
}

export function monthOf(year: number, month0: number): MonthPeriod {
  const first = new Date(Date.UTC(year, month0, 1));
  const last = new Date(Date.UTC(year, month0 + 1, 0));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { from: day(first), to: day(last), month: day(first).slice(0, 7) };
}

export function shiftMonth(p: MonthPeriod, by: number): MonthPeriod {
  const [y, m] = p.month.split('-').map(Number) as [number, number];
  return monthOf(y, m - 1 + by);
}

export function currentMonth(now: Date): MonthPeriod {
  return monthOf(now.getUTCFullYear(), now.getUTCMonth());
}
