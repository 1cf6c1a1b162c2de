import { z } from 'zod';
import { channel } from '../channel';
import { PickupTable, SlipProof } from '../../slips/schemas';
import { PICKUP_ROLES as PICKUP } from './slips';

/** Sequential: called in arrival order. Lottery: those waiting at opening are called in a drawn order. */
export const QUEUE_MODES = ['sequential', 'lottery'] as const;
export const QueueMode = z.enum(QUEUE_MODES);
export type QueueMode = z.infer<typeof QueueMode>;

export const QueueCall = z.object({
  number: z.number().int(),
  calledAt: z.string(),
  calls: z.number().int(),
  /** The table that called it last, or null (a table with no number, or a call from before). */
  table: z.string().nullable(),
});

export const NowServing = z.object({
  day: z.string(),
  mode: QueueMode,
  open: z.boolean(),
  /** The number called last, or null before the first call. */
  current: QueueCall.nullable(),
  /** The calls before it, newest first (at most 4). */
  recent: z.array(QueueCall),
  waiting: z.number().int(),
  /**
   * Minutes until the last one waiting is called, from the pace of the recent calls; null until
   * there is enough pace to say honestly.
   */
  waitMinutes: z.number().int().nullable(),
});
export type NowServing = z.infer<typeof NowServing>;

export const queueChannels = {
  'queue.now_serving': channel({ input: z.object({}), output: NowServing, access: 'public' }),
  /**
   * The queue number printed or shown with a slip. Public, so the caller proves it holds the slip
   * with its QR digits (a volunteer at pickup needs no proof); anyone else is answered
   * 'queue.no_ticket', exactly as for a slip id that does not exist.
   */
  'queue.ticket': channel({
    input: z.object({ slipId: z.string().min(1).max(64), qrDigits: SlipProof.optional() }),
    output: z.object({ number: z.number().int() }),
    access: 'public',
  }),
  'queue.set_mode': channel({ input: z.object({ mode: QueueMode }), output: NowServing, access: ['coordinator'] }),
  /** Opens today's queue; in lottery mode this draws the order of everyone already waiting. */
  'queue.open': channel({ input: z.object({}), output: NowServing, access: PICKUP }),
  /** Called to `table`: the waiting-room screen says where to go. */
  'queue.call_next': channel({ input: z.object({ table: PickupTable }), output: NowServing, access: PICKUP }),
  /** A household that was called and did not come is called again (to this table now). */
  'queue.recall': channel({
    input: z.object({ number: z.number().int().min(1), table: PickupTable }),
    output: NowServing,
    access: PICKUP,
  }),
};

export const QUEUE_ERRORS = ['queue.empty', 'queue.not_open', 'queue.not_called', 'queue.no_ticket'] as const;
