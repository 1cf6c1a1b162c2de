import { APP_ORIGIN } from './app-protocol';

/** The parts of Electron's permission request details the decision needs. */
export interface PermissionRequest {
  requestingUrl?: string | undefined;
  mediaTypes?: readonly string[] | undefined;
  isMainFrame?: boolean | undefined;
}

function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * Every permission is refused except the camera, for the pickup table's slip scanner: video
 * only (never the microphone), asked by our own page. Pure; table-tested.
 */
export function isPermissionAllowed(permission: string, request: PermissionRequest): boolean {
  if (permission !== 'media') return false;
  if (!isAppUrl(request.requestingUrl)) return false;
  const types = request.mediaTypes ?? [];
  return types.length > 0 && types.every((t) => t === 'video');
}

/** The synchronous check (navigator.permissions.query, device lists): the same rule. */
export function isPermissionCheckAllowed(permission: string, requestingOrigin: string, mediaType: string | undefined): boolean {
  return permission === 'media' && mediaType === 'video' && isAppUrl(requestingOrigin);
}

/**
 * Requests the kiosk's page may make: its own app:// files, data:/blob: URLs it made itself,
 * and in development only the electron-vite dev server. Everything else is cancelled: the kiosk
 * works without the network and must never reach it.
 */
export function isAllowedRequestUrl(url: string, devOrigin: string | null): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  if (u.protocol === 'app:') return `${u.protocol}//${u.host}` === APP_ORIGIN;
  if (devOrigin === null) return false;
  if (u.protocol === 'devtools:') return true;
  const origin = `${u.protocol}//${u.host}`;
  return origin === devOrigin || origin === devOrigin.replace(/^http/, 'ws');
}
