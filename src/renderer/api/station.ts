import { useEffect } from 'react';
import { ApiErrorSchema, type ApiError } from '../../shared/api/errors';
import { useApi } from './context';
import { pageHeaders } from './transport';

/**
 * A station's own calls, outside the contract: pairing and "am I paired". They go to whatever
 * served the page: the hub's stations listener (a browser station: the credential comes back as
 * an HttpOnly cookie the page never sees), or an app station's loopback host, which keeps the
 * credential itself and proves the page with its launch token.
 */

/** True when this page is a station's: served by the hub's stations listener, or by an app station. */
export function isStationPage(doc: Document): boolean {
  return doc.querySelector('meta[name="kiosk-station"]') !== null;
}

/** An app station checks the hub's certificate against its link itself: no one compares it by eye. */
export function isAppStation(doc: Document): boolean {
  return doc.querySelector('meta[name="kiosk-station"]')?.getAttribute('content') === 'app';
}

/** Whether this station is paired (and not revoked). */
export async function stationPaired(): Promise<boolean> {
  try {
    const res = await fetch('/station/whoami', { headers: pageHeaders(document) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Pairs with a short code from the hub's "Add a station": null when paired, else the error to show. */
export async function pairStation(code: string): Promise<ApiError | null> {
  try {
    const res = await fetch('/station/pair', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...pageHeaders(document) },
      body: JSON.stringify({ code }),
    });
    const body = (await res.json()) as { ok: boolean; error?: unknown };
    if (body.ok) return null;
    const parsed = ApiErrorSchema.safeParse(body.error);
    return parsed.success ? parsed.data : { code: 'api.internal', message: 'unexpected answer' };
  } catch {
    return { code: 'api.unreachable', message: 'the hub did not answer' };
  }
}

/** Calls `then` when the hub refuses this station (removed by the coordinator while in use). */
export function useUnpaired(then: () => void): void {
  const api = useApi();
  useEffect(() => (isStationPage(document) ? api.onUnpaired(then) : undefined), [api, then]);
}
