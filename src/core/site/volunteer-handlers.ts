import type { Handlers } from '../handlers';
import type { VolunteerService } from './volunteers';

export function volunteerHandlers(
  volunteers: VolunteerService,
): Pick<Handlers, 'volunteers.list' | 'volunteers.add' | 'volunteers.update' | 'volunteers.set_pin' | 'volunteers.remove'> {
  return {
    'volunteers.list': () => volunteers.list(),
    'volunteers.add': (input) => volunteers.add(input),
    'volunteers.update': ({ id, ...change }) => volunteers.update(id, change),
    'volunteers.set_pin': ({ id, pin }, { session }) => volunteers.setPin(id, pin, session),
    'volunteers.remove': ({ id }) => volunteers.remove(id),
  };
}
