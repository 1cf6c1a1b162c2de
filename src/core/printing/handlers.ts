import type { CoreContext } from '../context';
import type { Handlers } from '../handlers';
import { readPrintSettings, savePrintSettings } from './print-settings';
import type { ShellPort } from './shell-port';

export function printingHandlers(
  ctx: CoreContext,
  shell: ShellPort,
): Pick<Handlers, 'print.settings' | 'print.settings_save' | 'shell.print' | 'shell.printers' | 'shell.quit'> {
  return {
    'print.settings': () => readPrintSettings(ctx),
    'print.settings_save': (input) => savePrintSettings(ctx, input),
    'shell.print': async (job) => {
      const done = await shell.print(job);
      return done ? { via: 'shell', printed: done.printed } : { via: 'renderer' };
    },
    'shell.printers': () => shell.printers(),
    // Dispatch has checked the role; quitting is the shell's part.
    'shell.quit': () => {
      shell.quit();
      return {};
    },
  };
}
