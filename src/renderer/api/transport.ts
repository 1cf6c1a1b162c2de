import type { KioskBridge } from '../../shared/api/bridge';
import type { Envelope } from '../../shared/api/contract';

/** Carries one call to core and brings back its result, whatever the wire. */
export type Transport = (channel: string, envelope: Envelope) => Promise<unknown>;

/** Electron: the preload's bridge over IPC. */
export function ipcTransport(bridge: KioskBridge): Transport {
  return (channel, envelope) => bridge.invoke(channel, envelope);
}

export const TOKEN_HEADER = 'x-kiosk-token';

/** Browser mode: the host on loopback, with the per-launch token it put in the page. */
export function httpTransport(token: string, base = ''): Transport {
  return async (channel, envelope) => {
    const res = await fetch(`${base}/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(envelope),
    });
    // A station's refusals (not paired, revoked, not for this station) come as contract errors.
    if (!res.ok && !(res.headers.get('content-type') ?? '').startsWith('application/json')) throw new Error(`host answered ${res.status}`);
    return res.json();
  };
}

/** The loopback host's per-launch token in the page ('' on the hub's stations listener). */
export function pageToken(doc: Document): string {
  return doc.querySelector('meta[name="kiosk-token"]')?.getAttribute('content') ?? '';
}

/** Headers that prove a fetch comes from this page: the token where the host gave one. */
export function pageHeaders(doc: Document): Record<string, string> {
  const token = pageToken(doc);
  return token ? { [TOKEN_HEADER]: token } : {};
}

/** Picks the transport this page was loaded with. */
export function detectTransport(win: Window & { kiosk?: KioskBridge }, doc: Document): Transport {
  if (win.kiosk) return ipcTransport(win.kiosk);
  return httpTransport(pageToken(doc));
}
