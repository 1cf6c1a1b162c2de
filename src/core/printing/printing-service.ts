import type { PrintSettings } from '../../shared/api/channels/printing';
import type { CoreContext } from '../context';
import { readPrintSettings, savePrintSettings } from './print-settings';
import type { PrintJob } from '../../shared/api/channels/shell';
import type { ShellPort } from './shell-port';

/** Print settings, and what core asks of the shell around it: print, list printers, quit. */
export class PrintingService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly shell: ShellPort,
  ) {}

  settings(): PrintSettings {
    return readPrintSettings(this.ctx);
  }

  saveSettings(input: PrintSettings): PrintSettings {
    return savePrintSettings(this.ctx, input);
  }

  async print(job: PrintJob): Promise<{ via: 'shell'; printed: boolean } | { via: 'renderer' }> {
    const done = await this.shell.print(job);
    return done ? { via: 'shell', printed: done.printed } : { via: 'renderer' };
  }

  printers() {
    return this.shell.printers();
  }

  /** Dispatch has checked the role; quitting is the shell's part. */
  quit(): Record<string, never> {
    this.shell.quit();
    return {};
  }
}
