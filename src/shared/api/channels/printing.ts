import { z } from 'zod';
import { channel } from '../channel';
import { PAPERS } from '../../slips/paper';

/**
 * How a visitor's slip reaches paper at intake: printed as soon as it is issued ('auto', the
 * default), on the visitor's tap ('ask'), or never ('screen': the code stays large on screen).
 */
export const PRINT_MODES = ['auto', 'ask', 'screen'] as const;
export type PrintMode = (typeof PRINT_MODES)[number];

export const PrintSettings = z.object({
  mode: z.enum(PRINT_MODES),
  paper: z.enum(PAPERS),
  /** A printer the shell listed; null for the system default. */
  printer: z.string().trim().min(1).max(200).nullable(),
});
export type PrintSettings = z.infer<typeof PrintSettings>;

export const DEFAULT_PRINT_SETTINGS: PrintSettings = { mode: 'auto', paper: '80', printer: null };

export const printingChannels = {
  /** Public: the intake screen needs it before any PIN. Nothing personal. */
  'print.settings': channel({ input: z.object({}), output: PrintSettings, access: 'public' }),
  'print.settings_save': channel({ input: PrintSettings, output: PrintSettings, access: ['coordinator'] }),
};
