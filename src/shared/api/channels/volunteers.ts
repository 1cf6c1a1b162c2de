import { z } from 'zod';
import { channel } from '../channel';
import { Pin } from '../../domain/site';
import { NewVolunteer, Volunteer, VolunteerName, VolunteerRole } from '../../domain/volunteer';

const COORDINATOR = ['coordinator'] as const;
const VolunteerId = z.string().min(1).max(64);

/** The coordinator's volunteer list: add, change (name, role, PIN), remove. */
export const volunteersChannels = {
  'volunteers.list': channel({ input: z.object({}), output: z.object({ volunteers: z.array(Volunteer) }), access: COORDINATOR }),
  'volunteers.add': channel({ input: NewVolunteer, output: Volunteer, access: COORDINATOR }),
  'volunteers.update': channel({
    input: z.object({ id: VolunteerId, name: VolunteerName.optional(), role: VolunteerRole.optional() }),
    output: Volunteer,
    access: COORDINATOR,
  }),
  'volunteers.set_pin': channel({ input: z.object({ id: VolunteerId, pin: Pin }), output: Volunteer, access: COORDINATOR }),
  'volunteers.remove': channel({ input: z.object({ id: VolunteerId }), output: z.object({}), access: COORDINATOR }),
};

export const VOLUNTEERS_ERRORS = [
  // Another volunteer already has this PIN (we never say whose).
  'volunteers.pin_taken',
  // The site must always keep one coordinator who can get into settings.
  'volunteers.last_coordinator',
  'volunteers.not_found',
  // Too many wrong PINs at this kiosk: params.seconds is the time left to wait.
  'volunteers.pin_wait',
] as const;
