import { z } from 'zod';
import { ANY_VOLUNTEER, channel } from '../channel';
import { Pin, SiteSetup, SiteStatus } from '../../domain/site';
import { VolunteerRole } from '../../domain/volunteer';

export const Session = z.object({
  token: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  role: VolunteerRole,
});
export type Session = z.infer<typeof Session>;

export const siteChannels = {
  'site.status': channel({ input: z.object({}), output: SiteStatus, access: 'public' }),
  'site.setup': channel({ input: SiteSetup, output: SiteStatus, access: 'setup' }),
  'auth.login': channel({ input: z.object({ pin: Pin }), output: Session, access: 'public' }),
  'auth.logout': channel({ input: z.object({}), output: z.object({}), access: ANY_VOLUNTEER }),
};
