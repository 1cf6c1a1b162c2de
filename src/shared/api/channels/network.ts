import { z } from 'zod';
import { channel } from '../channel';
import { FolderPath, WrittenFile } from './exchange';

/*
 * Sharing over the network (issue 18): the same signed bundles, carried by a local Syncthing
 * in one exchange folder shared with the hubs this hub trusts. The stick stays the default.
 */

export const NetworkSettings = z.object({
  enabled: z.boolean(),
  folder: z.string().nullable(),
  /** The local Syncthing's address (REST API), as found on this computer or typed. */
  apiUrl: z.string().nullable(),
  /** Whether a Syncthing was found on this computer (its config), to offer it. */
  found: z.boolean(),
  /** This kiosk's Syncthing device id, carried by its card once sharing is on. */
  deviceId: z.string().nullable(),
  /** The kiosk's own exchange folder, beside its database, offered so no path need be typed. */
  suggestedFolder: z.string().nullable(),
});
export type NetworkSettings = z.infer<typeof NetworkSettings>;

export const ArrivalStatus = z.enum(['applied', 'waiting', 'refused']);
export type ArrivalStatus = z.infer<typeof ArrivalStatus>;

export const Arrival = z.object({
  id: z.string(),
  fileName: z.string(),
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  sequence: z.number().int().nullable(),
  status: ArrivalStatus,
  /** For refused: the error code (translated like any error); for waiting: why it waits. */
  reason: z.string().nullable(),
  at: z.string(),
});
export type Arrival = z.infer<typeof Arrival>;

export const NetworkHub = z.object({
  siteId: z.string(),
  name: z.string(),
  deviceId: z.string().nullable(),
  /** The coordinator agreed to share the folder with this hub's device. */
  linked: z.boolean(),
  autoApply: z.boolean(),
  lastArrivedAt: z.string().nullable(),
  lastAppliedAt: z.string().nullable(),
  /** null: not known (sharing off, Syncthing not answering, or no device). */
  connected: z.boolean().nullable(),
});
export type NetworkHub = z.infer<typeof NetworkHub>;

export const NetworkStatus = z.object({
  /** off: not turned on; missing: no Syncthing found or answering; running: Syncthing answers. */
  state: z.enum(['off', 'missing', 'running']),
  hubs: z.array(NetworkHub),
  arrivals: z.array(Arrival),
});
export type NetworkStatus = z.infer<typeof NetworkStatus>;

export const networkChannels = {
  'network.settings': channel({ input: z.object({}), output: NetworkSettings, access: ['coordinator'] }),
  /** Turns sharing over the network on or off; with no address given, the Syncthing found on this computer is used. */
  'network.configure': channel({
    input: z.object({
      enabled: z.boolean(),
      folder: FolderPath.optional(),
      apiUrl: z.string().trim().max(200).optional(),
      apiKey: z.string().trim().min(1).max(200).optional(),
    }),
    output: NetworkSettings,
    access: ['coordinator'],
  }),
  'network.status': channel({ input: z.object({}), output: NetworkStatus, access: ['coordinator'] }),
  /** Writes our bundle into the folder now and looks at what has arrived. */
  'network.sync': channel({
    input: z.object({}),
    output: z.object({ written: WrittenFile.nullable(), arrivals: z.array(Arrival) }),
    access: ['coordinator'],
  }),
  /** Shares the folder with (or stops sharing it with) the device a trusted hub's card carried. */
  'network.link': channel({
    input: z.object({ siteId: z.string().min(1).max(100), linked: z.boolean() }),
    output: NetworkStatus,
    access: ['coordinator'],
  }),
  'network.auto_apply': channel({
    input: z.object({ siteId: z.string().min(1).max(100), autoApply: z.boolean() }),
    output: NetworkStatus,
    access: ['coordinator'],
  }),
};

export const NETWORK_ERRORS = [
  /** No Syncthing on this computer (none found, none told): the stick still works. */
  'network.syncthing_missing',
  /** Syncthing is there but did not answer (not running, wrong address or key). */
  'network.syncthing_unreachable',
  'network.bad_address',
  'network.off',
  'network.no_device',
] as const;
