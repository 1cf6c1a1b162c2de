import type { ApiResult } from '../shared/api/errors';
import { isTrustedSender } from './sender';

export interface SenderInfo {
  /** URL of the frame that sent the message (event.senderFrame.url). */
  url: string | undefined;
  isMainFrame: boolean;
}

export interface ApiBindingOptions {
  dispatch: (channel: string, envelope: unknown) => Promise<ApiResult<unknown>>;
  appOrigins: readonly string[];
}

/**
 * What ipcMain.handle('api') runs: only our own main frame may call; core parses the input with
 * the contract's schema, checks the role and calls the shell port for shell features.
 */
export function createApiHandler({ dispatch, appOrigins }: ApiBindingOptions) {
  return async (sender: SenderInfo, channel: unknown, envelope: unknown): Promise<ApiResult<unknown>> => {
    if (!isTrustedSender(sender.url, sender.isMainFrame, appOrigins)) {
      return { ok: false, error: { code: 'auth.forbidden', message: 'untrusted sender' } };
    }
    return dispatch(typeof channel === 'string' ? channel : '', envelope);
  };
}
