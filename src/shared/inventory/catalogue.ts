import { z } from 'zod';
import { LOCALE_CODES } from '../locales';

/** Units a pantry counts in. Quantities are whole numbers of the unit. */
export const UNITS = ['each', 'kg', 'lb', 'can', 'box', 'bag', 'bottle', 'carton', 'pack', 'jar', 'dozen'] as const;
export const Unit = z.enum(UNITS);
export type Unit = z.infer<typeof Unit>;

/**
 * A unit as an item carries it: this hub's own items use one of UNITS (checked when they are
 * saved), but an item copied from another hub may count in a unit this version has no word for
 * ("crate", from a newer version). Such a unit is harmless: it is kept and shown as it came.
 * What is refused is text that is no unit at all: empty, long, or with control or bidi-override
 * characters that would garble the line it is shown on.
 */
export const ItemUnit = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[^\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]+$/u, { message: 'not a unit' })
  .refine((u) => u.trim() !== '', { message: 'not a unit' });

/** Dietary and allergen tags a visitor may ask about. */
export const TAGS = [
  'halal',
  'kosher',
  'vegetarian',
  'vegan',
  'gluten-free',
  'contains-gluten',
  'contains-nuts',
  'contains-dairy',
  'contains-egg',
  'contains-soy',
  'contains-fish',
] as const;
export const Tag = z.enum(TAGS);
export type Tag = z.infer<typeof Tag>;

/** Where a receipt came from: the food bank's truck, a store's rescued food, a drive, a purchase, a person, another hub. */
export const SOURCES = ['donor', 'food_bank', 'purchase', 'transfer', 'grocery_rescue', 'food_drive'] as const;
export const Source = z.enum(SOURCES);
export type Source = z.infer<typeof Source>;

export const ADJUST_REASONS = ['spoiled', 'damaged', 'expired', 'count_correction'] as const;
export const AdjustReason = z.enum(ADJUST_REASONS);
export type AdjustReason = z.infer<typeof AdjustReason>;

/** The most one movement may move: far above a truck load, far below a typo of many zeros. */
export const MAX_QTY = 100_000;

/** A date as the lot label prints it, YYYY-MM-DD, and a real calendar day. */
export const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'not a calendar day',
  });

const NameMap = z.partialRecord(z.enum(LOCALE_CODES), z.string().trim().max(120));

export const ItemDraft = z.object({
  /** Absent: a new item. */
  id: z.string().min(1).max(64).optional(),
  names: NameMap,
  categoryId: z.string().min(1).max(64).nullable().default(null),
  /** Checked in core (not here) so an unknown unit gets its own message, not "form not right". */
  unit: z.string().trim().max(20),
  icon: z.string().trim().max(16).nullable().default(null),
  /** Check digits are checked in core, for the same reason. */
  barcodes: z.array(z.string().trim().max(40)).max(20).default([]),
  tags: z.array(Tag).max(TAGS.length).default([]),
  limit: z
    .object({ qty: z.number().int().min(1).max(1000), days: z.number().int().min(1).max(366) })
    .nullable()
    .default(null),
  lowStock: z.number().int().min(0).max(MAX_QTY).default(0),
  /**
   * Weight per unit in grams and weight category (issue 16), saved with the item in one
   * transaction; absent: left as they are. Ranges are checked in core (month.bad_weight).
   */
  weight: z
    .object({ unitWeightG: z.number().int().min(-1e12).max(1e12).nullable(), weightCategory: z.string().min(1).max(64).nullable() })
    .optional(),
});
export type ItemDraft = z.input<typeof ItemDraft>;

export const LotStock = z.object({
  lotId: z.string().nullable(),
  code: z.string().nullable(),
  expiresOn: z.string().nullable(),
  qty: z.number().int(),
});
export type LotStock = z.infer<typeof LotStock>;

export const ItemDetail = z.object({
  id: z.string(),
  name: z.string(),
  untranslated: z.boolean(),
  names: z.record(z.string(), z.string()),
  categoryId: z.string().nullable(),
  unit: ItemUnit,
  icon: z.string().nullable(),
  barcodes: z.array(z.string()),
  tags: z.array(Tag),
  limit: z.object({ qty: z.number().int(), days: z.number().int() }).nullable(),
  lowStock: z.number().int(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  lots: z.array(LotStock),
});
export type ItemDetail = z.infer<typeof ItemDetail>;

export const StockRow = z.object({
  id: z.string(),
  name: z.string(),
  untranslated: z.boolean(),
  category: z.string().nullable(),
  unit: ItemUnit,
  icon: z.string().nullable(),
  tags: z.array(Tag),
  lowStock: z.number().int(),
  /** This hub stocks it and no more than `lowStock` is available (core/inventory decides). */
  low: z.boolean(),
  /**
   * This hub made it or has stocked it. False for an item known only from other hubs' catalogues:
   * it is not low here, it is not stocked here.
   */
  stockedHere: z.boolean(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  /** Earliest expiry among lots still on the shelf. */
  nextExpiry: z.string().nullable(),
  lots: z.array(LotStock),
});
export type StockRow = z.infer<typeof StockRow>;

export const Movement = z.object({
  id: z.string(),
  kind: z.enum(['receive', 'distribute', 'transfer_in', 'transfer_out', 'adjust']),
  qty: z.number().int(),
  lotCode: z.string().nullable(),
  expiresOn: z.string().nullable(),
  /** adjust: spoiled | damaged | expired | count_correction; with the volunteer's note. */
  reason: z.string().nullable(),
  note: z.string().nullable(),
  /** receive: donor | food_bank | purchase | transfer; with the donor's or site's name. */
  source: z.string().nullable(),
  sourceName: z.string().nullable(),
  volunteer: z.string().nullable(),
  slipId: z.string().nullable(),
  at: z.string(),
});
export type Movement = z.infer<typeof Movement>;
