import { who, type Handlers } from '../handlers';
import type { NetworkExchange } from './network-sync';

type NetworkChannel = 'network.settings' | 'network.configure' | 'network.status' | 'network.sync' | 'network.link' | 'network.auto_apply';

export function networkHandlers(network: NetworkExchange): Pick<Handlers, NetworkChannel> {
  return {
    'network.settings': () => network.settings(),
    'network.configure': (input) => network.configure(input),
    'network.status': () => network.status(),
    'network.sync': (_input, call) => network.sync(who(call)),
    'network.link': ({ siteId, linked }) => network.link(siteId, linked),
    'network.auto_apply': ({ siteId, autoApply }) => network.setAutoApply(siteId, autoApply),
  };
}
