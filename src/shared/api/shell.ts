import { z } from 'zod';
import { PAPERS } from '../slips/paper';

/**
 * What only the Electron shell can do (core does not print). A separate small contract: the
 * renderer reaches it through the same preload invoke, main answers it itself, and in browser
 * mode it does not exist (the renderer falls back to window.print()).
 */
export const shellContract = {
  'shell.print': {
    input: z.object({
      paper: z.enum(PAPERS),
      /** Printer name from the printer list; null for the system default. */
      printer: z.string().max(200).nullable(),
      /** Page height in mm for a receipt roll (the slip's measured length). */
      heightMm: z.number().min(20).max(2000),
      /** A name for the saved PDF copy: the slip's short code, nothing personal. */
      copyName: z.string().regex(/^[A-Z0-9-]{1,20}$/),
    }),
    output: z.object({ printed: z.boolean(), pdfPath: z.string().nullable() }),
  },
  'shell.printers': {
    input: z.object({}),
    output: z.array(z.object({ name: z.string(), displayName: z.string(), isDefault: z.boolean() })),
  },
} as const;

export type ShellChannel = keyof typeof shellContract;

export function isShellChannel(name: unknown): name is ShellChannel {
  return typeof name === 'string' && Object.hasOwn(shellContract, name);
}
