import { z } from 'zod';
import { channel } from '../channel';
import { DayView, PickupTable, PickupView, PrintableSlip, RedeemLine, SlipId, SlipKeyInfo, SlipProof } from '../../slips/schemas';

/** The volunteers at the pickup table. */
export const PICKUP_ROLES = ['intake', 'coordinator'] as const;
const PICKUP = PICKUP_ROLES;

export const slipChannels = {
  /** A scanned QR (digits) or a typed short code brings a slip up at the pickup table. */
  'slip.lookup': channel({
    input: z.object({ code: z.string().trim().min(1).max(400) }),
    output: PickupView,
    access: PICKUP,
  }),
  /**
   * Closes a slip: each line given, given in part, or not available (lines left out are given in
   * full). The redemption and the stock movements land in one transaction.
   */
  'slip.redeem': channel({
    input: z.object({
      slipId: SlipId,
      table: PickupTable,
      lines: z.array(RedeemLine).max(200).optional(),
    }),
    output: PickupView,
    access: PICKUP,
  }),
  'slip.void': channel({
    input: z.object({ slipId: SlipId, reason: z.string().trim().min(3).max(200) }),
    output: PickupView,
    access: PICKUP,
  }),
  /** The same slip again, for printing: counted, so a day view shows how many copies exist. */
  'slip.reprint': channel({
    input: z.object({ slipId: SlipId }),
    output: PrintableSlip,
    access: PICKUP,
  }),
  /**
   * Printable form without counting a reprint (the first print at intake). Public, so the kiosk
   * that issued the slip proves it holds it with the slip's QR digits; a volunteer at pickup needs
   * no proof. Anyone else gets 'slip.not_found', as for an id that does not exist.
   */
  'slip.printable': channel({
    input: z.object({ slipId: SlipId, qrDigits: SlipProof.optional() }),
    output: PrintableSlip,
    access: 'public',
  }),
  'slip.day': channel({
    input: z.object({
      day: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    }),
    output: DayView,
    access: PICKUP,
  }),
  'slip.keys': channel({ input: z.object({}), output: z.array(SlipKeyInfo), access: ['coordinator'] }),
  /** Retires the signing key in use and starts a new one; old slips keep verifying. */
  'slip.rotate_key': channel({ input: z.object({}), output: z.array(SlipKeyInfo), access: ['coordinator'] }),
};

export const SLIP_ERRORS = ['slip.bad_line', 'slip.out_of_stock', 'slip.retired_key'] as const;
