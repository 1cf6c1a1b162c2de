/**
 * Days and instants, in UTC, for every layer. The day length lives here and nowhere else: a
 * test refuses the literal anywhere else in src/.
 */
export const DAY_MS = 86_400_000;

/** Day numbers count from here (the slip payload carries them in two bytes). */
const EPOCH_MS = Date.UTC(2020, 0, 1);

/** The calendar day (YYYY-MM-DD, UTC) of an instant. */
export function isoDay(at: Date | number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The instant `days` days after `at` (negative for before). */
export function addDays(at: Date | number, days: number): Date {
  return new Date(new Date(at).getTime() + days * DAY_MS);
}

/** Days since 2020-01-01 (UTC). */
export function dayNumber(date: Date): number {
  return Math.floor((date.getTime() - EPOCH_MS) / DAY_MS);
}

/** The calendar day of a day number. */
export function dayToIso(day: number): string {
  return isoDay(EPOCH_MS + day * DAY_MS);
}
