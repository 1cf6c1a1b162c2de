import { z } from 'zod';
import { channel } from '../channel';

const COORDINATOR = ['coordinator'] as const;

/** What a station is for. A waiting-room screen may only read what the public may read. */
export const STATION_ROLES = ['intake', 'pickup', 'stock', 'screen'] as const;
export const StationRole = z.enum(STATION_ROLES);
export type StationRole = z.infer<typeof StationRole>;

export const StationName = z.string().trim().min(1).max(40);

export const Station = z.object({
  id: z.string(),
  name: z.string(),
  role: StationRole,
  pairedAt: z.string(),
  lastSeen: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type Station = z.infer<typeof Station>;

export const StationsStatus = z.object({
  enabled: z.boolean(),
  /** The address the LAN listener binds (the coordinator's choice of interface). */
  address: z.string(),
  port: z.number().int(),
  /** SHA-256 of the hub's certificate, as colon-separated hex: what a station compares. */
  fingerprint: z.string().nullable(),
  stations: z.array(Station),
});
export type StationsStatus = z.infer<typeof StationsStatus>;

/** What "Add a station" shows: the QR text and the short code typed by hand. */
export const StationInvite = z.object({
  /** kiosk-station:<address>:<port>/<code>/<fingerprint> */
  link: z.string(),
  url: z.string(),
  code: z.string(),
  role: StationRole,
  name: z.string(),
  fingerprint: z.string(),
  expiresAt: z.string(),
});
export type StationInvite = z.infer<typeof StationInvite>;

/** An IPv4 address of this computer (the LAN interface); never a hostname. */
export const ListenAddress = z.string().regex(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);

export const stationsChannels = {
  'stations.status': channel({ input: z.object({}), output: StationsStatus, access: COORDINATOR }),
  'stations.configure': channel({
    input: z.object({ enabled: z.boolean(), address: ListenAddress, port: z.number().int().min(1024).max(65_535) }),
    output: StationsStatus,
    access: COORDINATOR,
  }),
  /** A single-use pairing code, valid for minutes, for one named station of one role. */
  'stations.invite': channel({ input: z.object({ name: StationName, role: StationRole }), output: StationInvite, access: COORDINATOR }),
  'stations.revoke': channel({ input: z.object({ id: z.string().min(1).max(64) }), output: StationsStatus, access: COORDINATOR }),
};

export const STATIONS_ERRORS = [
  // Stations are off, or the hub has no LAN address yet.
  'stations.off',
  // A pairing code that is wrong, used, or too old (the same answer for each: nothing to learn).
  'stations.bad_code',
  // Too many wrong pairing codes: params.seconds is the time left to wait.
  'stations.code_wait',
  // This station was removed by the coordinator, or its credential is unknown.
  'stations.revoked',
  // The station's role does not allow this call (a waiting-room screen redeeming a slip).
  'stations.forbidden',
  'stations.not_found',
] as const;
