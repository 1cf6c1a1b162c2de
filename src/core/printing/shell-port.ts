import type { Printer, PrintJob } from '../../shared/api/channels/shell';

/**
 * What the shell around core can do that core cannot: it has the window. Passed in like the
 * clock: Electron's main gives its own, browser mode and tests take the one below.
 */
export interface ShellPort {
  /**
   * Prints the window's page (laid out under print CSS) silently. null: this shell does not
   * print; the page prints itself with the browser's print.
   */
  print(job: PrintJob): Promise<{ printed: boolean } | null>;
  /** The printers this shell can name, or null if it cannot. */
  printers(): Promise<Printer[] | null>;
  /** Called once core has allowed leaving the kiosk. */
  quit(): void;
}

/**
 * Browser mode: printing is the page's business (window.print with a matching @page), the
 * browser chooses the printer, and the browser's window is the browser's to close.
 */
export const browserShell: ShellPort = {
  print: () => Promise.resolve(null),
  printers: () => Promise.resolve(null),
  quit: () => undefined,
};
