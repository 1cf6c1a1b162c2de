import type { BrowserWindow } from 'electron';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isShellChannel, shellContract } from '../shared/api/shell';
import { PAPER_SPECS } from '../shared/slips/paper';
import type { ApiResult } from '../shared/api/errors';

type Dispatch = (channel: string, envelope: unknown) => Promise<ApiResult<unknown>>;

/**
 * Printing belongs to the shell (core has no window to print). The renderer has already laid
 * the slip out under print CSS; this prints that page silently to the chosen printer at the
 * paper's width, and keeps a PDF copy (no personal data is on a slip) in the data folder.
 */
async function print(win: BrowserWindow, input: unknown, dataDir: string) {
  const args = shellContract['shell.print'].input.parse(input);
  const spec = PAPER_SPECS[args.paper];
  const heightMm = spec.heightMm ?? args.heightMm;
  // Electron sizes pages in microns.
  const pageSize = { width: Math.round(spec.widthMm * 1000), height: Math.round(heightMm * 1000) };
  const margins = spec.heightMm ? { marginType: 'default' as const } : { marginType: 'none' as const };
  const pdf = await win.webContents.printToPDF({ pageSize: { width: spec.widthMm / 25.4, height: heightMm / 25.4 }, printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
  // Beside the site database (the same folder KIOSK_DATA_DIR or --data-dir chose).
  const dir = join(dataDir, 'printed-slips');
  await mkdir(dir, { recursive: true });
  const pdfPath = join(dir, `${args.copyName}.pdf`);
  await writeFile(pdfPath, pdf);
  const printed = await new Promise<boolean>((resolve) => {
    win.webContents.print(
      { silent: true, printBackground: true, ...(args.printer ? { deviceName: args.printer } : {}), pageSize, margins, scaleFactor: 100 },
      (success) => resolve(success),
    );
  });
  return { printed, pdfPath };
}

async function printers(win: BrowserWindow) {
  const list = await win.webContents.getPrintersAsync();
  return list.map((p) => ({ name: p.name, displayName: p.displayName || p.name, isDefault: Boolean((p as { isDefault?: boolean }).isDefault) }));
}

/** Wraps core's dispatch: 'shell.*' channels are answered here, everything else goes to core. */
export function withShellChannels(dispatch: Dispatch, window: () => BrowserWindow | null, dataDir: string): Dispatch {
  return async (channel, envelope) => {
    if (!isShellChannel(channel)) return dispatch(channel, envelope);
    const win = window();
    if (!win) return { ok: false, error: { code: 'api.internal', message: 'no window to print from' } };
    const input = (envelope as { input?: unknown } | null)?.input ?? {};
    try {
      const value = channel === 'shell.print' ? await print(win, input, dataDir) : await printers(win);
      return { ok: true, value };
    } catch (err) {
      console.error(`[${channel}]`, err);
      return { ok: false, error: { code: 'api.internal', message: 'printing failed' } };
    }
  };
}
