/**
 * What the pairing QR of "Add a station" holds, written by the hub (core/stations) and read by an
 * app station (host/station-relay): kiosk-station:<address>:<port>/<code>/<fingerprint hex>.
 */
export interface StationLink {
  address: string;
  port: number;
  code: string;
  /** Colon-separated upper-case hex, as X509Certificate.fingerprint256 gives it. */
  fingerprint: string;
}

export function formatStationLink(link: StationLink): string {
  return `kiosk-station:${link.address}:${link.port}/${link.code}/${link.fingerprint.replaceAll(':', '')}`;
}

export function parseStationLink(text: string): StationLink | null {
  const m = /^kiosk-station:(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})\/([A-Z0-9]{4,40})\/([0-9A-F]{64})$/i.exec(text.trim());
  if (!m) return null;
  const port = Number(m[2]);
  if (port < 1 || port > 65_535 || m[1]!.split('.').some((part) => Number(part) > 255)) return null;
  return { address: m[1]!, port, code: m[3]!.toUpperCase(), fingerprint: m[4]!.toUpperCase().match(/../g)!.join(':') };
}
