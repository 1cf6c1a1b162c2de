import type { Handlers } from '../handlers';
import type { StationService } from './station-service';

export function stationHandlers(
  stations: StationService,
): Pick<Handlers, 'stations.status' | 'stations.configure' | 'stations.invite' | 'stations.revoke'> {
  return {
    'stations.status': () => stations.status(),
    'stations.configure': (input) => stations.configure(input),
    'stations.invite': ({ name, role }) => stations.invite(name, role),
    'stations.revoke': ({ id }) => stations.revoke(id),
  };
}
