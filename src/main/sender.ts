/**
 * Only our own page may call the API: the frame that sent an IPC message must be the main
 * frame, loaded from the app's own origin. Pure, so it is tested with hostile cases.
 * Origins are compared as scheme://host, which also works for custom schemes such as app://
 * (for which URL.origin is "null").
 */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean, appOrigins: readonly string[]): boolean {
  if (!frameUrl || !isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'file:') return appOrigins.includes('file://');
  if (url.host === '') return false;
  return appOrigins.includes(`${url.protocol}//${url.host}`);
}
