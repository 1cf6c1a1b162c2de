import type { Access } from '../../shared/api/channel';
import type { StationRole } from '../../shared/api/channels/stations';

/**
 * What a paired station may call at all, before any volunteer signs in on it. A waiting-room
 * screen only reads what the public may read. No station runs the hub's own business: pairing
 * and revoking stations, the USB drives plugged into the hub, quitting the hub. Printing is the
 * station's own: a tablet's slip prints from the tablet's page, and core answers a station's
 * shell.print as browser mode does (core/printing/printing-service.ts).
 */
const HUB_ONLY = /^(stations\.|exchange\.|shell\.quit$)/;

export function stationMayCall(role: StationRole, channel: string, access: Access): boolean {
  if (HUB_ONLY.test(channel)) return false;
  if (role === 'screen') return access === 'public';
  return true;
}
