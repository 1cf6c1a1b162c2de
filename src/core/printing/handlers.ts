import type { Handlers } from '../handlers';
import type { PrintingService } from './printing-service';

export function printingHandlers(
  printing: PrintingService,
): Pick<Handlers, 'print.settings' | 'print.settings_save' | 'shell.print' | 'shell.printers' | 'shell.quit'> {
  return {
    'print.settings': () => printing.settings(),
    'print.settings_save': (input) => printing.saveSettings(input),
    // Through a paired station, the station's own browser prints (printing-service.ts).
    'shell.print': (job, call) => printing.print(job, call.station),
    'shell.printers': (_input, call) => printing.printers(call.station),
    'shell.quit': (_input, call) => printing.quit(call.station),
  };
}
