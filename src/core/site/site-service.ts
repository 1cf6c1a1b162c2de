import { DEFAULT_SETTINGS, SiteSettings, type SiteSetup, type SiteStatus } from '../../shared/domain/site';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { addVolunteer, volunteerByPin } from './volunteers';
import { PinThrottle } from './pin-throttle';
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

/** First run: the site, its signing key and the first (coordinator) PIN, in one transaction. */
export function setUpSite(ctx: CoreContext, input: SiteSetup): SiteStatus {
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
      addVolunteer(ctx, { name: input.coordinatorName ?? 'Coordinator', role: 'coordinator', pin: input.pin });
    })
    .immediate();
  return siteStatus(ctx);
}

/**
 * Volunteer login. A kiosk that has seen too many wrong PINs does not even look at the next one
 * until its wait is over (so trying faster gains nothing), and the answer says how long to wait.
 */
export function login(ctx: CoreContext, sessions: SessionStore, pin: string) {
  requireSite(ctx);
  const throttle = new PinThrottle(ctx);
  const waiting = throttle.waitMs();
  if (waiting > 0) throw waitError(waiting);
  const match = volunteerByPin(ctx, pin);
  if (!match) {
    const wait = ctx.db.transaction(() => throttle.fail()).immediate();
    if (wait > 0) throw waitError(wait);
    throw new AppError('auth.wrong_pin', 'wrong PIN');
  }
  throttle.reset();
  const s = sessions.open(match);
  return { token: s.token, volunteerId: s.volunteerId, volunteerName: s.volunteerName, role: s.role };
}

function waitError(ms: number): AppError {
  const seconds = Math.ceil(ms / 1000);
  return new AppError('volunteers.pin_wait', `too many wrong PINs; try again in ${seconds} s`, { seconds });
}

/** The hub itself: first-run setup, its status, and volunteers signing in and out. */
export class SiteService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly sessions: SessionStore,
  ) {}

  status(): SiteStatus {
    return siteStatus(this.ctx);
  }

  setUp(input: SiteSetup): SiteStatus {
    return setUpSite(this.ctx, input);
  }

  login(pin: string): ReturnType<typeof login> {
    return login(this.ctx, this.sessions, pin);
  }

  logout(session: { token: string } | null): Record<string, never> {
    if (session) this.sessions.close(session.token);
    return {};
  }

  /** Core's part of quitting is the role check dispatch already made; the shell does the rest. */
  quit(): Record<string, never> {
    return {};
  }
}
