import { z } from 'zod';
import { shellContract } from '../../shared/api/shell';
import type { Paper } from '../../shared/slips/paper';
import type { KioskBridge } from '../api/transport';

type PrintInput = z.input<(typeof shellContract)['shell.print']['input']>;
export type PrintResult = { via: 'shell'; printed: boolean; pdfPath: string | null } | { via: 'browser' } | { via: 'failed' };

function bridge(): KioskBridge | null {
  return (window as Window & { kiosk?: KioskBridge }).kiosk ?? null;
}

const PRINTER_KEY = 'kiosk.printer';

/** Which printer and paper the pickup table uses: device settings, nothing personal. */
export function savedPrintSettings(): { paper: Paper; printer: string | null } {
  try {
    const raw = JSON.parse(window.localStorage.getItem(PRINTER_KEY) ?? 'null') as { paper?: Paper; printer?: string | null } | null;
    return { paper: raw?.paper ?? '80', printer: raw?.printer ?? null };
  } catch {
    return { paper: '80', printer: null };
  }
}

export function savePrintSettings(settings: { paper: Paper; printer: string | null }): void {
  window.localStorage.setItem(PRINTER_KEY, JSON.stringify(settings));
}

/**
 * Prints what is on the page under print CSS. In Electron the shell prints silently to the
 * chosen printer at the paper's width and keeps a PDF copy; in a browser, window.print().
 */
export async function printSlip(input: PrintInput): Promise<PrintResult> {
  const kiosk = bridge();
  if (!kiosk) {
    window.print();
    return { via: 'browser' };
  }
  try {
    const raw = await kiosk.invoke('shell.print', { input, session: null });
    const parsed = z.object({ ok: z.literal(true), value: shellContract['shell.print'].output }).safeParse(raw);
    return parsed.success ? { via: 'shell', ...parsed.data.value } : { via: 'failed' };
  } catch {
    return { via: 'failed' };
  }
}

export type Printer = z.infer<(typeof shellContract)['shell.printers']['output']>[number];

/** The printers the shell can see, or null in a browser (which has its own print dialog). */
export async function listPrinters(): Promise<Printer[] | null> {
  const kiosk = bridge();
  if (!kiosk) return null;
  try {
    const raw = await kiosk.invoke('shell.printers', { input: {}, session: null });
    const parsed = z.object({ ok: z.literal(true), value: shellContract['shell.printers'].output }).safeParse(raw);
    return parsed.success ? parsed.data.value : null;
  } catch {
    return null;
  }
}
