import { z } from 'zod';
import { Pin } from './site';

/** What a volunteer may do is decided by role: the contract's `access` lists roles per channel. */
export const VolunteerRole = z.enum(['intake', 'stock', 'coordinator']);
export type VolunteerRole = z.infer<typeof VolunteerRole>;

/** A first name or a nickname is enough; it is shown on screen, never printed or exported. */
export const VolunteerName = z.string().trim().min(1).max(60);

export const Volunteer = z.object({
  id: z.string(),
  name: z.string(),
  role: VolunteerRole,
  createdAt: z.string(),
  /** When the PIN was last changed by the coordinator; null if it is still the first one. */
  pinChangedAt: z.string().nullable(),
});
export type Volunteer = z.infer<typeof Volunteer>;

export const NewVolunteer = z.object({ name: VolunteerName, role: VolunteerRole, pin: Pin });
export type NewVolunteer = z.infer<typeof NewVolunteer>;

/**
 * Volunteer mode locks itself (back to the public kiosk) after this long without a touch or a
 * key press. The core's session expires later (15 minutes) as a second line of defence.
 */
export const VOLUNTEER_IDLE_MS = 3 * 60_000;
