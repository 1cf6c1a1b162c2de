import { z } from 'zod';
import { SlipLine, SlipView } from '../domain/slip';
import { LocaleCode } from '../domain/site';

/** A slip id as stored and passed between screens: the 10 random bytes as hex. */
export const SlipId = z.string().regex(/^[0-9a-f]{20}$/);

/** A slip's signed QR digits, given back as the proof of holding the slip. */
export const SlipProof = z.string().regex(/^\d+$/).max(400);

/** One lot a pick-list line is taken from, earliest expiry first (what FEFO will give). */
export const PickLot = z.object({
  lotId: z.string().nullable(),
  code: z.string().nullable(),
  expiresOn: z.string().nullable(),
  qty: z.number().int().positive(),
});
export type PickLot = z.infer<typeof PickLot>;

/** What happened to one line at the pickup table. */
export const LineOutcome = z.enum(['given', 'partial', 'not_available']);
export type LineOutcome = z.infer<typeof LineOutcome>;

export const PickLine = SlipLine.extend({
  /** On hand now, all lots together. */
  onHand: z.number().int(),
  /** The lots FEFO will take this line from; sums to min(qty, onHand). */
  lots: z.array(PickLot),
  /** After pickup: what was given and how it ended. */
  givenQty: z.number().int().min(0).nullable(),
  outcome: LineOutcome.nullable(),
});
export type PickLine = z.infer<typeof PickLine>;

/** The slip at the pickup table: the slip, its pick list, and what became of it. */
export const PickupView = SlipView.extend({
  pickList: z.array(PickLine),
  voidReason: z.string().nullable(),
  pickupOutcome: z.enum(['full', 'partial']).nullable(),
  reprints: z.number().int().min(0),
});
export type PickupView = z.infer<typeof PickupView>;

/** For printing: items in the visitor's language and in the volunteer's (site) language. */
export const PrintableSlip = z.object({
  id: SlipId,
  shortCode: z.string(),
  qrDigits: z.string().regex(/^\d+$/),
  siteName: z.string(),
  visitorLanguage: LocaleCode,
  siteLanguage: LocaleCode,
  issuedOn: z.string(),
  validUntil: z.string(),
  lines: z.array(
    z.object({ itemId: z.string(), qty: z.number().int().positive(), unit: z.string(), visitorName: z.string(), siteName: z.string() }),
  ),
  reprints: z.number().int().min(0),
  /** The slip's number in today's "now serving" queue, printed large; null for a slip from another day. */
  queueNumber: z.number().int().positive().nullable(),
});
export type PrintableSlip = z.infer<typeof PrintableSlip>;

export const RedeemLine = z.object({
  itemId: z.string().min(1).max(100),
  /** 0 = not available; the slip's qty = given in full; between = partly. */
  givenQty: z.number().int().min(0).max(10_000),
});

export const DaySlip = z.object({
  id: SlipId,
  shortCode: z.string(),
  issuedAt: z.string(),
  state: z.enum(['issued', 'redeemed', 'partial', 'void', 'expired']),
  pickedUpAt: z.string().nullable(),
  table: z.string().nullable(),
  lines: z.number().int().min(0),
});
export type DaySlip = z.infer<typeof DaySlip>;

export const DayView = z.object({
  day: z.string(),
  issued: z.number().int().min(0),
  pickedUp: z.number().int().min(0),
  partial: z.number().int().min(0),
  voided: z.number().int().min(0),
  outstanding: z.number().int().min(0),
  slips: z.array(DaySlip),
});
export type DayView = z.infer<typeof DayView>;

export const SlipKeyInfo = z.object({
  keyId: z.number().int(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
  active: z.boolean(),
});
export type SlipKeyInfo = z.infer<typeof SlipKeyInfo>;

/**
 * Which pickup table this is, as its volunteer set it there (a device setting): the table that
 * calls a number tells the waiting room where to go. Empty or absent: a table with no number.
 */
export const PickupTable = z
  .string()
  .trim()
  .max(40)
  .nullable()
  .default(null)
  .transform((t) => (t === '' ? null : t));
