import { DEFAULT_SETTINGS, SiteSettings, type SiteSetup, type SiteStatus } from '../../shared/domain/site';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { addVolunteer, type PinKey, type VolunteerService } from './volunteers';
import { pinWaitError, type PinThrottle } from './pin-throttle';
import type { SessionStore } from './sessions';

interface SiteRow {
  id: string;
  name: string;
  settings: string;
}

export { addVolunteer };

export interface Site {
  id: string;
  name: string;
  settings: SiteSettings;
}

export function readSite(ctx: CoreContext): Site | null {
  const row = ctx.db.prepare('SELECT id, name, settings FROM site').get() as SiteRow | undefined;
  if (!row) return null;
  return { id: row.id, name: row.name, settings: SiteSettings.parse(JSON.parse(row.settings)) };
}

export function requireSite(ctx: CoreContext): Site {
  const site = readSite(ctx);
  if (!site) throw new AppError('site.not_set_up', 'the site has not been set up yet');
  return site;
}

export function siteStatus(ctx: CoreContext): SiteStatus {
  const site = readSite(ctx);
  return site ? { setUp: true, ...site } : { setUp: false };
}

/**
 * First run: the site, its signing key and the first (coordinator) PIN, in one transaction. The
 * setup channel hashes the PIN off the thread first and passes its key; the startup demo seed
 * leaves it out and hashes here.
 */
export function setUpSite(ctx: CoreContext, input: SiteSetup, coordinatorPin?: PinKey): SiteStatus {
  const at = nowIso(ctx);
  ctx.db
    .transaction(() => {
      if (readSite(ctx)) throw new AppError('site.already_set_up', 'the site is already set up');
      const settings: SiteSettings = {
        ...DEFAULT_SETTINGS,
        languages: [...new Set(input.languages)],
        siteLanguage: input.siteLanguage,
      };
      ctx.db
        .prepare('INSERT INTO site (singleton, id, name, settings, created_at) VALUES (1, ?, ?, ?, ?)')
        .run(ctx.ids.uuid(), input.name, JSON.stringify(settings), at);
      const key = ctx.keys.generate();
      ctx.db
        .prepare('INSERT INTO site_keys (key_id, public_key, private_key, created_at) VALUES (1, ?, ?, ?)')
        .run(key.publicKey, key.privateKey, at);
      // Callers other than the setup screen (scripts, tests) may leave the name out.
      addVolunteer(ctx, { name: input.coordinatorName ?? 'Coordinator', role: 'coordinator', pin: coordinatorPin ?? input.pin });
    })
    .immediate();
  return siteStatus(ctx);
}

/**
 * Volunteer login. The attempt is counted before its PIN is looked at (see PinThrottle.admit); a
 * kiosk that must wait does not even look at the PIN (so trying faster gains nothing), and the
 * answer says how long to wait. The PIN is hashed once, off the thread, to find its volunteer.
 */
export async function login(
  ctx: CoreContext,
  sessions: SessionStore,
  volunteers: VolunteerService,
  throttle: PinThrottle,
  pin: string,
  station: string | null = null,
) {
  requireSite(ctx);
  const at = throttle.at(station);
  const waiting = at.admit();
  if (waiting > 0) throw pinWaitError(waiting);
  const match = await volunteers.byPin(pin);
  if (!match) {
    const wait = at.waitMs();
    if (wait > 0) throw pinWaitError(wait);
    throw new AppError('auth.wrong_pin', 'wrong PIN');
  }
  at.succeeded();
  const s = sessions.open({ id: match.id, name: match.name, role: match.role, pinVersion: match.pin_version });
  return { token: s.token, volunteerId: s.volunteerId, volunteerName: s.volunteerName, role: s.role };
}

/** The hub itself: first-run setup, its status, and volunteers signing in and out. */
export class SiteService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly sessions: SessionStore,
    private readonly volunteers: VolunteerService,
    private readonly throttle: PinThrottle,
  ) {}

  status(): SiteStatus {
    return siteStatus(this.ctx);
  }

  async setUp(input: SiteSetup): Promise<SiteStatus> {
    // Hash only for a site still to be set up: a set-up one answers already_set_up (setUpSite says so).
    const coordinatorPin = readSite(this.ctx) ? undefined : await this.volunteers.freePinKey(input.pin);
    return setUpSite(this.ctx, input, coordinatorPin);
  }

  /** A PIN typed at the hub's own screen, or at a paired station (counted apart: see PinThrottle.at). */
  login(pin: string, station: string | null = null): ReturnType<typeof login> {
    return login(this.ctx, this.sessions, this.volunteers, this.throttle, pin, station);
  }

  logout(session: { token: string } | null): Record<string, never> {
    if (session) this.sessions.close(session.token);
    return {};
  }
}
