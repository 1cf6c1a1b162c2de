import type { Handlers } from '../handlers';
import type { VolunteerService } from './volunteers';

export function volunteerHandlers(
  volunteers: VolunteerService,
): Pick<Handlers, 'volunteers.list' | 'volunteers.add' | 'volunteers.update' | 'volunteers.set_pin' | 'volunteers.remove'> {
  return {
    'volunteers.list': () => ({ volunteers: volunteers.list() }),
    'volunteers.add': (input) => volunteers.add(input),
    'volunteers.update': ({ id, name, role }) => volunteers.update(id, { name, role }),
    'volunteers.set_pin': ({ id, pin }, { session }) => volunteers.setPin(id, pin, session),
    'volunteers.remove': ({ id }) => {
      volunteers.remove(id);
      return {};
    },
  };
}
