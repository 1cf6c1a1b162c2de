import { z } from 'zod';
import { LocaleCode } from './site';

export const SlipLine = z.object({
  itemId: z.string(),
  name: z.string(),
  qty: z.number().int().positive(),
  unit: z.string(),
});

export const SlipStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('issued') }),
  z.object({ state: z.literal('redeemed'), at: z.string(), table: z.string().nullable() }),
  z.object({ state: z.literal('void') }),
  z.object({ state: z.literal('expired') }),
]);
export type SlipStatus = z.infer<typeof SlipStatus>;

export const SlipView = z.object({
  id: z.string(),
  shortCode: z.string(),
  /** The signed payload as digits: what the QR holds and a USB scanner types. */
  qrDigits: z.string().regex(/^\d+$/),
  siteName: z.string(),
  language: LocaleCode,
  householdSize: z.number().int().min(0),
  issuedOn: z.string(),
  validUntil: z.string(),
  lines: z.array(SlipLine),
  status: SlipStatus,
});
export type SlipView = z.infer<typeof SlipView>;
