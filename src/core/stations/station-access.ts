import type { Access } from '../../shared/api/channel';
import type { StationRole } from '../../shared/api/channels/stations';

/**
 * What a paired station may call at all, before any volunteer signs in on it. A waiting-room
 * screen only reads what the public may read. No station runs the hub's own business: pairing
 * and revoking stations, the USB drives plugged into the hub, quitting the hub.
 */
const HUB_ONLY = /^(stations\.|exchange\.|shell\.)/;

export function stationMayCall(role: StationRole, channel: string, access: Access): boolean {
  if (HUB_ONLY.test(channel)) return false;
  if (role === 'screen') return access === 'public';
  return true;
}
