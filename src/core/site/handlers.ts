import type { CoreContext } from '../context';
import type { Handlers } from '../handlers';
import type { SessionStore } from './sessions';
import { login, setUpSite, siteStatus } from './site-service';

export function siteHandlers(ctx: CoreContext, sessions: SessionStore): Pick<Handlers, 'site.status' | 'site.setup' | 'auth.login' | 'auth.logout'> {
  return {
    'site.status': () => siteStatus(ctx),
    'site.setup': (input) => setUpSite(ctx, input),
    'auth.login': ({ pin }) => login(ctx, sessions, pin),
    'auth.logout': (_input, { session }) => {
      if (session) sessions.close(session.token);
      return {};
    },
  };
}
