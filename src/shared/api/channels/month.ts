import { z } from 'zod';
import { channel, ANY_VOLUNTEER, type Role } from '../channel';
import { LocaleCode } from '../../domain/site';
import { IsoDay } from '../../inventory/catalogue';
import { Charts, Period, Report, ReportSettings, Signature, TEFAP_PROGRAMS, TefapBasis, TefapSettings } from '../../reports/report';

const COORDINATOR: readonly Role[] = ['coordinator'];
const STOCK: readonly Role[] = ['stock', 'coordinator'];
const Id = z.string().min(1).max(64);

/**
 * The month's codes. Each message names its field ("Weight: …", "Age bands: …"); params.field
 * says which one for the screen to mark.
 */
export const MONTH_ERRORS = [
  'month.bad_weight',
  'month.bad_value',
  'month.bad_period',
  'month.period_too_long',
  'month.bands_gap',
  'month.bands_overlap',
  'month.donor_not_found',
  'month.item_not_found',
  'month.category_not_found',
  'month.shift_ends_before_start',
  'month.shift_not_found',
  'month.shift_open',
  'month.tefap_declaration',
] as const;

/**
 * What a receipt may carry beside its quantity (added to inventory.receive). Ranges are checked
 * in core, so a negative or absurd weight gets month.bad_weight naming the field.
 */
export const ReceiptExtras = z.object({
  /** What the scale said, in grams (the screen converts from the site's unit). */
  weightG: z.number().int().min(-1e12).max(1e12).nullable().default(null),
  donorId: Id.nullable().default(null),
  valueCents: z.number().int().min(-1e12).max(1e12).nullable().default(null),
});

export const WeightCategory = z.object({ id: z.string(), key: z.string().nullable(), name: z.string().nullable() });

export const ItemWeight = z.object({
  itemId: Id,
  /** Grams per unit; null: not known. Checked in core (month.bad_weight). */
  unitWeightG: z.number().int().min(-1e12).max(1e12).nullable(),
  weightCategory: Id.nullable(),
});

export const Forecast = z.object({
  itemId: z.string(),
  available: z.number().int(),
  /** Units given per distribution day, over the recent window. */
  perDay: z.number(),
  /** Distribution days the stock lasts at that pace; null when nothing was given recently. */
  daysLeft: z.number().int().nullable(),
});
export type Forecast = z.infer<typeof Forecast>;

export const Shift = z.object({
  id: z.string(),
  volunteerId: z.string(),
  name: z.string(),
  role: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  endedBy: z.enum(['volunteer', 'closing', 'coordinator']).nullable(),
});

/**
 * One visit's TEFAP record as the coordinator's sheet shows it (7 CFR 251.10): who received the
 * food, the address if given, the household size, the basis of eligibility and the signature.
 */
export const TefapRecord = z.object({
  visitId: z.string(),
  at: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  householdSize: z.number().int(),
  basis: TefapBasis,
  program: z.enum(TEFAP_PROGRAMS).nullable(),
  /** The finger signature's path in the 600 x 200 box; null when the visitor did not sign. */
  signature: Signature.nullable(),
});
export type TefapRecord = z.infer<typeof TefapRecord>;

/** A distribution day that kept TEFAP records, and how many. */
export const TefapDay = z.object({ day: IsoDay, records: z.number().int() });

export const monthChannels = {
  'month.settings': channel({ input: z.object({}), output: ReportSettings, access: COORDINATOR }),
  /** Age bands with a gap or an overlap are refused (month.bands_gap / month.bands_overlap) and nothing changes. */
  'month.save_settings': channel({ input: ReportSettings, output: ReportSettings, access: COORDINATOR }),
  'month.tefap_settings': channel({ input: z.object({}), output: TefapSettings, access: COORDINATOR }),
  /** Turning the mode on asks the state's declaration text (month.tefap_declaration when empty). */
  'month.save_tefap_settings': channel({ input: TefapSettings, output: TefapSettings, access: COORDINATOR }),
  /** The days of a period that kept TEFAP records (newest first): the sheets there are to look at. */
  'month.tefap_days': channel({ input: Period, output: z.array(TefapDay), access: COORDINATOR }),
  /** One distribution day's TEFAP records in the order they were kept: the day's sign-in sheet. */
  'month.tefap_sheet': channel({ input: z.object({ day: IsoDay }), output: z.array(TefapRecord), access: COORDINATOR }),
  /** A period's TEFAP records as CSV, with names: for the food bank's TEFAP review (docs/reports.md). */
  'month.tefap_csv': channel({ input: Period, output: z.object({ csv: z.string() }), access: COORDINATOR }),
  /** The report for any period, and the same period a year before when asked. */
  'month.report': channel({
    input: Period.extend({ compare: z.boolean().default(false) }),
    output: z.object({ current: Report, lastYear: Report.nullable() }),
    access: COORDINATOR,
  }),
  'month.charts': channel({
    input: Period.extend({ itemId: Id.nullable().default(null), language: LocaleCode }),
    output: Charts,
    access: COORDINATOR,
  }),
  /** The report as CSV (one row per figure, keys in docs/reports.md); and one row per visit, no names. */
  'month.report_csv': channel({ input: Period, output: z.object({ csv: z.string() }), access: COORDINATOR }),
  'month.visits_csv': channel({ input: Period, output: z.object({ csv: z.string() }), access: COORDINATOR }),
  'month.weight_categories': channel({ input: z.object({ language: LocaleCode }), output: z.array(WeightCategory), access: STOCK }),
  'month.item_weight': channel({ input: z.object({ itemId: Id }), output: ItemWeight, access: STOCK }),
  'month.set_item_weight': channel({ input: ItemWeight, output: ItemWeight, access: STOCK }),
  /** Days of stock left per item at the recent pace of distribution. */
  'month.forecast': channel({ input: z.object({ itemIds: z.array(Id).max(500) }), output: z.array(Forecast), access: STOCK }),
  /** Starts a shift for the volunteer behind the PIN (again: the open one). */
  'shifts.start': channel({ input: z.object({}), output: Shift, access: ANY_VOLUNTEER }),
  'shifts.end': channel({ input: z.object({}), output: Shift, access: ANY_VOLUNTEER }),
  /** Who is on today: the shifts that started today, open ones first. */
  'shifts.today': channel({ input: z.object({}), output: z.array(Shift), access: ANY_VOLUNTEER }),
  /** The coordinator corrects a forgotten sign-out (or a wrong start). */
  'shifts.correct': channel({
    input: z.object({ id: Id, startedAt: z.iso.datetime(), endedAt: z.iso.datetime() }),
    output: Shift,
    access: COORDINATOR,
  }),
  /** Closing time: every open shift ends now. */
  'shifts.close_day': channel({ input: z.object({}), output: z.object({ ended: z.number().int() }), access: ANY_VOLUNTEER }),
};
