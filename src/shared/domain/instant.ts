import { z } from 'zod';

/**
 * A moment as every clock in the network writes it: ISO 8601 in UTC ("2026-11-28T09:00:00.000Z"),
 * a real calendar day and time. Timestamps are compared as strings and fed to SQLite's date
 * arithmetic, so anything else ("not a date", "2026-02-30T…", "+02:00") is refused where it
 * comes in, never found out on a screen. The years are bounded so that adding a board's expiry
 * days (at most a year) can never run past what SQLite and JavaScript dates can hold.
 */
export const IsoInstant = z.iso.datetime().refine((s) => s >= '1970' && s < '9000', { message: 'not a plausible moment' });
export type IsoInstant = z.infer<typeof IsoInstant>;
