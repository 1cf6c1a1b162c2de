import type { BrowserWindow } from 'electron';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ShellPort } from '../core/index';
import type { PrintJob } from '../shared/api/channels/shell';
import { PAPER_SPECS } from '../shared/slips/paper';
import { PRINTED_SLIPS_DIR } from '../core/retention/retention';

/**
 * Printing belongs to the shell (core has no window to print). The renderer has already laid
 * the slip out under print CSS; this prints that page silently to the chosen printer at the
 * paper's width, and keeps a PDF copy (no personal data is on a slip) in the data folder.
 * Core has checked the job against the contract before it gets here.
 */
async function print(win: BrowserWindow, job: PrintJob, dataDir: string): Promise<{ printed: boolean }> {
  const spec = PAPER_SPECS[job.paper];
  const heightMm = spec.heightMm ?? job.heightMm;
  // Electron sizes printed pages in microns, PDF pages in inches.
  const pageSize = { width: Math.round(spec.widthMm * 1000), height: Math.round(heightMm * 1000) };
  const margins = spec.heightMm ? { marginType: 'default' as const } : { marginType: 'none' as const };
  const pdf = await win.webContents.printToPDF({
    pageSize: { width: spec.widthMm / 25.4, height: heightMm / 25.4 },
    printBackground: true,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  });
  // Beside the site database (the same folder KIOSK_DATA_DIR or --data-dir chose); core's
  // retention pass removes copies once their slips are long over.
  const dir = join(dataDir, PRINTED_SLIPS_DIR);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${job.copyName}.pdf`), pdf);
  const printed = await new Promise<boolean>((resolve) => {
    win.webContents.print(
      { silent: true, printBackground: true, ...(job.printer ? { deviceName: job.printer } : {}), pageSize, margins, scaleFactor: 100 },
      (success) => resolve(success),
    );
  });
  return { printed };
}

/**
 * Electron's side of core's shell port. With no window (yet, or any more) nothing prints and
 * no printer is known; quitting is main's own business (it knows when a quit was allowed).
 */
export function electronShell(window: () => BrowserWindow | null, dataDir: string, quit: () => void): ShellPort {
  return {
    print: async (job) => {
      const win = window();
      return win ? print(win, job, dataDir) : { printed: false };
    },
    printers: async () => {
      const win = window();
      if (!win) return [];
      const list = await win.webContents.getPrintersAsync();
      return list.map((p) => ({
        name: p.name,
        displayName: p.displayName || p.name,
        isDefault: Boolean((p as { isDefault?: boolean }).isDefault),
      }));
    },
    quit,
  };
}
