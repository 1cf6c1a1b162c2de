import { z } from 'zod';
import { channel } from '../channel';

/**
 * Leaving the kiosk. Core only decides who may (a coordinator behind the PIN: quitting hands the
 * computer over); the Electron shell quits when core says yes. In browser mode the browser's
 * window is the browser's business, so nothing else happens there.
 */
export const shellChannels = {
  'shell.quit': channel({ input: z.object({}), output: z.object({}), access: ['coordinator'] }),
};
