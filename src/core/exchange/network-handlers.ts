import type { Handlers } from '../handlers';
import type { NetworkExchange } from './network-sync';

type NetworkChannel = 'network.settings' | 'network.configure' | 'network.status' | 'network.sync' | 'network.link' | 'network.auto_apply';

export function networkHandlers(network: NetworkExchange): Pick<Handlers, NetworkChannel> {
  return {
    'network.settings': () => network.settings(),
    'network.configure': (input) => network.configure(input),
    'network.status': () => network.status(),
    'network.sync': async (_input, call) => {
      const written = await network.exportNow(call.session?.volunteerName ?? null);
      return { written, arrivals: await network.poll() };
    },
    'network.link': ({ siteId, linked }) => network.link(siteId, linked),
    'network.auto_apply': ({ siteId, autoApply }) => network.setAutoApply(siteId, autoApply),
  };
}
