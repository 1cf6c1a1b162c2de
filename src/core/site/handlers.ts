import type { Handlers } from '../handlers';
import type { SiteService } from './site-service';

export function siteHandlers(site: SiteService): Pick<Handlers, 'site.status' | 'site.setup' | 'auth.login' | 'auth.logout'> {
  return {
    'site.status': () => site.status(),
    'site.setup': (input) => site.setUp(input),
    'auth.login': ({ pin }, call) => site.login(pin, call.station),
    'auth.logout': (_input, { session }) => site.logout(session),
  };
}
