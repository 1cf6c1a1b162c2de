import type { ChannelName } from '../../shared/api/contract';

/**
 * What trusting a hub (or taking trust away) makes old: the hubs we know, which of them the
 * network shares with, and whose news shows.
 */
export const TRUST_CHANGES = { invalidates: ['exchange.sites', 'network.status', 'exchange.network'] } satisfies {
  invalidates: readonly ChannelName[];
};
