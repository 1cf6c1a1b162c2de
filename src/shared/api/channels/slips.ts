import { z } from 'zod';
import { channel } from '../channel';
import { SlipView } from '../../domain/slip';

export const slipChannels = {
  /** A scanned QR (digits) or a typed short code brings a slip up at the pickup table. */
  'slip.lookup': channel({
    input: z.object({ code: z.string().trim().min(1).max(400) }),
    output: SlipView,
    access: ['intake', 'coordinator'],
  }),
  'slip.redeem': channel({
    input: z.object({ slipId: z.string().regex(/^[0-9a-f]{20}$/), table: z.string().max(40).nullable().default(null) }),
    output: SlipView,
    access: ['intake', 'coordinator'],
  }),
};
