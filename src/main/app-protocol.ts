import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';
import { CONTENT_TYPES as TYPES } from '../shared/content-types';
import { APP_STATION_META, answerStationRequest, type LocalStation } from '../host/station-relay';

/**
 * The UI is served from app://kiosk/, not file://: a page from file:// could read any file the
 * user can, and every file:// page shares one origin. A standard, secure custom scheme gives
 * the UI its own origin (so CSP 'self' means our files and nothing else) and a secure context
 * (needed for the camera).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** For protocol.registerSchemesAsPrivileged, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

/** Headers on every app:// response, including errors. */
export function appHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}

/**
 * Maps an app:// URL to a file under the renderer folder, or null. Refuses other schemes and
 * hosts, credentials and ports, encoded traversal (%2e%2e, %2f, %5c), backslashes and NUL bytes,
 * and anything that resolves outside the folder. Pure; tested with hostile URLs.
 */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password || url.port) return null;
  // Encoded separators or dots have no business in our file names: refuse rather than decode.
  if (/%2e|%2f|%5c|%00/i.test(url.pathname)) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\') || path.split('/').includes('..')) return null;
  const rel = path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(base, rel);
  return file.startsWith(base + sep) ? file : null;
}

export type FileReader = (path: string) => Promise<Uint8Array>;

/**
 * The app:// handler for protocol.handle: GET/HEAD of the built renderer's files with the CSP
 * and friends, 404 for anything else; for an app station, also its pairing (`station`). Takes and returns web-standard Request/Response, so it is
 * tested under Node exactly as Electron runs it.
 */
export function createAppProtocolHandler(
  root: string,
  read: FileReader = readFile,
  station?: LocalStation,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const text = appHeaders('text/plain; charset=utf-8');
    // An app station's screens pair through this handler (only the app's own pages load here).
    if (station && new URL(request.url).host === APP_HOST) {
      const answer = await answerStationRequest(station, request.method, new URL(request.url).pathname, () => request.text());
      if (answer)
        return typeof answer.body === 'string'
          ? new Response(answer.body, { status: answer.status, headers: text })
          : new Response(JSON.stringify(answer.body), { status: answer.status, headers: appHeaders('application/json; charset=utf-8') });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('method not allowed', { status: 405, headers: text });
    const file = resolveAppFile(root, request.url);
    if (!file) return new Response('not found', { status: 404, headers: text });
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return new Response('not found', { status: 404, headers: text });
    }
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    // Told it is a station's page: it shows pairing until the hub knows this station.
    if (station && file === resolve(root, 'index.html'))
      body = new TextEncoder().encode(new TextDecoder().decode(body).replace('<meta name="kiosk-token" content="" />', APP_STATION_META));
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers: appHeaders(type) });
  };
}
