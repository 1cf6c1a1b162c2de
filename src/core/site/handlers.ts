import type { CoreContext } from '../context';
import type { Handlers } from '../handlers';
import type { PinThrottle } from './pin-throttle';
import type { SessionStore } from './sessions';
import type { VolunteerService } from './volunteers';
import { login, readSite, setUpSite, siteStatus } from './site-service';

export function siteHandlers(
  ctx: CoreContext,
  sessions: SessionStore,
  volunteers: VolunteerService,
  throttle: PinThrottle,
): Pick<Handlers, 'site.status' | 'site.setup' | 'auth.login' | 'auth.logout'> {
  return {
    'site.status': () => siteStatus(ctx),
    'site.setup': async (input) => {
      // Hash only for a site still to be set up: a set-up one answers already_set_up (setUpSite says so).
      const coordinatorPin = readSite(ctx) ? undefined : await volunteers.freePinKey(input.pin);
      return setUpSite(ctx, input, coordinatorPin);
    },
    'auth.login': ({ pin }) => login(ctx, sessions, volunteers, throttle, pin),
    'auth.logout': (_input, { session }) => {
      if (session) sessions.close(session.token);
      return {};
    },
  };
}
