import { z } from 'zod';
import { ANY_VOLUNTEER, channel } from '../channel';
import { PAPERS } from '../../slips/paper';

/** One print: what the window shows under print CSS goes to a printer at this paper. */
export const PrintJob = z.object({
  paper: z.enum(PAPERS),
  /** Printer name from the printer list; null for the system default. */
  printer: z.string().max(200).nullable(),
  /** Page height in mm for a receipt roll (the slip's measured length). */
  heightMm: z.number().min(20).max(2000),
  /** A name for the saved PDF copy: the slip's short code, nothing personal. */
  copyName: z.string().regex(/^[A-Z0-9-]{1,20}$/),
});
export type PrintJob = z.infer<typeof PrintJob>;

/**
 * 'shell': the shell printed silently (printed=false: the printer refused or is missing).
 * 'renderer': this shell cannot print by itself (browser mode); the page prints itself with the
 * browser's own print, under the same print CSS and @page.
 */
export const PrintOutcome = z.discriminatedUnion('via', [
  z.object({ via: z.literal('shell'), printed: z.boolean() }),
  z.object({ via: z.literal('renderer') }),
]);
export type PrintOutcome = z.infer<typeof PrintOutcome>;

export const Printer = z.object({ name: z.string(), displayName: z.string(), isDefault: z.boolean() });
export type Printer = z.infer<typeof Printer>;

/**
 * What the shell around core does for it: leave the kiosk, print, name the printers. Core checks
 * who may, then calls the shell port it was given (Electron's, or browser mode's, which leaves
 * printing to the page and quitting to the browser). Same contract, same client, both hosts.
 */
export const shellChannels = {
  /** Quitting hands the computer over: a coordinator behind the PIN. */
  'shell.quit': channel({ input: z.object({}), output: z.object({}), access: ['coordinator'] }),
  /** Public: the visitor's own slip prints at intake. It prints only the app's own page. */
  'shell.print': channel({ input: PrintJob, output: PrintOutcome, access: 'public' }),
  /** null: this shell cannot name printers (a browser chooses in its own print dialog). */
  'shell.printers': channel({ input: z.object({}), output: z.array(Printer).nullable(), access: ANY_VOLUNTEER }),
};
