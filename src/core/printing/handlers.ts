import type { Handlers } from '../handlers';
import type { PrintingService } from './printing-service';

export function printingHandlers(
  printing: PrintingService,
): Pick<Handlers, 'print.settings' | 'print.settings_save' | 'shell.print' | 'shell.printers' | 'shell.quit'> {
  return {
    'print.settings': () => printing.settings(),
    'print.settings_save': (input) => printing.saveSettings(input),
    'shell.print': (job) => printing.print(job),
    'shell.printers': () => printing.printers(),
    'shell.quit': () => printing.quit(),
  };
}
