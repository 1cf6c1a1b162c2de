import type { PrintSettings } from '../../shared/api/channels/printing';
import type { CoreContext } from '../context';
import { readPrintSettings, savePrintSettings } from './print-settings';
import type { PrintJob } from '../../shared/api/channels/shell';
import { browserShell, type ShellPort } from './shell-port';

/**
 * Print settings, and what core asks of the shell around it: print, list printers, quit. A call
 * that came through a paired station (a tablet or laptop on the hub's network) is answered as
 * browser mode answers: the hub's shell has the hub's window, not the station's page, so it can
 * neither print a station's slip (it would print its own screen, on its own printer) nor name
 * the station's printers nor close its browser. The station's page prints itself.
 */
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

  private shellFor(station: string | null): ShellPort {
    return station === null ? this.shell : browserShell;
  }

  async print(job: PrintJob, station: string | null = null): Promise<{ via: 'shell'; printed: boolean } | { via: 'renderer' }> {
    const done = await this.shellFor(station).print(job);
    return done ? { via: 'shell', printed: done.printed } : { via: 'renderer' };
  }

  printers(station: string | null = null) {
    return this.shellFor(station).printers();
  }

  /** Dispatch has checked the role; quitting is the shell's part. */
  quit(station: string | null = null): Record<string, never> {
    this.shellFor(station).quit();
    return {};
  }
}
