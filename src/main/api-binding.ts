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
  /** Called once core has allowed 'shell.quit' (a coordinator's session). */
  onQuitAllowed(): void;
}

/**
 * What ipcMain.handle('api') runs: only our own main frame may call, core parses the input with
 * the contract's schema and checks the role, and a quit that core allowed is carried out here.
 */
export function createApiHandler({ dispatch, appOrigins, onQuitAllowed }: ApiBindingOptions) {
  return async (sender: SenderInfo, channel: unknown, envelope: unknown): Promise<ApiResult<unknown>> => {
    if (!isTrustedSender(sender.url, sender.isMainFrame, appOrigins)) {
      return { ok: false, error: { code: 'auth.forbidden', message: 'untrusted sender' } };
    }
    const name = typeof channel === 'string' ? channel : '';
    const result = await dispatch(name, envelope);
    if (name === 'shell.quit' && result.ok) onQuitAllowed();
    return result;
  };
}
