import type { CoreContext } from '../context';
import { nowIso } from '../context';
import { AppError } from '../errors';

/**
 * Wrong PINs are throttled with a growing delay. A 4-digit PIN has only 10,000 values, so the
 * delay, not the hash, is what stops someone at the public screen from guessing.
 *
 * Two counts, both in the database so a restart hands out no fresh tries:
 * - each kiosk's own: a few slips of the finger are free, then 5 s, 10 s, 20 s, 40 s, 60 s between
 *   tries. Only a right PIN at that kiosk, or an hour with no wrong PIN, starts it again.
 * - the site's, over every kiosk sharing the database, so many screens do not multiply a guesser's
 *   tries: ten free, then 1 s up to 10 s.
 *
 * Neither wait ever grows past its ceiling, and trying during a wait neither counts nor extends
 * it. That is what keeps a stranger from locking the hub's volunteers out: however many wrong PINs
 * they type, a volunteer's right PIN is looked at within 60 s at that screen and within 10 s at
 * any other kiosk. The price is a guessing rate of at most one PIN a minute at one screen (and
 * six a minute over the whole site), which is why longer PINs are worth it for coordinators.
 */
export interface ThrottlePolicy {
  free: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const FREE_ATTEMPTS = 3;
export const FIRST_DELAY_MS = 5_000;
export const MAX_DELAY_MS = 60_000;
export const KIOSK_POLICY: ThrottlePolicy = { free: FREE_ATTEMPTS, firstDelayMs: FIRST_DELAY_MS, maxDelayMs: MAX_DELAY_MS };

export const SITE_FREE_ATTEMPTS = 10;
export const SITE_MAX_DELAY_MS = 10_000;
export const SITE_POLICY: ThrottlePolicy = { free: SITE_FREE_ATTEMPTS, firstDelayMs: 1_000, maxDelayMs: SITE_MAX_DELAY_MS };

/** A quiet hour forgives: slips of the finger spread over a week do not add up to a wait. */
export const FORGET_AFTER_MS = 60 * 60_000;

export interface ThrottleState {
  failures: number;
  /** Epoch ms of the last wrong PIN. */
  lastFailureAt: number;
}

/** How long after the last wrong PIN the next try is allowed, given the count of wrong PINs. */
export function pinDelayMs(failures: number, policy: ThrottlePolicy = KIOSK_POLICY): number {
  if (failures < policy.free) return 0;
  const steps = failures - policy.free;
  // 2 ** steps overflows nothing we care about: the ceiling is reached after a few steps.
  return Math.min(policy.firstDelayMs * 2 ** Math.min(steps, 30), policy.maxDelayMs);
}

/** Milliseconds left before another PIN is looked at (0: go ahead). Pure. */
export function pinWaitMs(state: ThrottleState | null, nowMs: number, policy: ThrottlePolicy = KIOSK_POLICY): number {
  if (!state) return 0;
  // A clock set backwards must not make the wait longer than the delay itself.
  const elapsed = Math.max(0, nowMs - state.lastFailureAt);
  return Math.max(0, pinDelayMs(state.failures, policy) - elapsed);
}

/** The state after one more wrong PIN. Pure. */
export function afterFailure(state: ThrottleState | null, nowMs: number): ThrottleState {
  const forgotten = !state || nowMs - state.lastFailureAt >= FORGET_AFTER_MS;
  return { failures: forgotten ? 1 : state.failures + 1, lastFailureAt: nowMs };
}

export function pinWaitError(ms: number): AppError {
  const seconds = Math.ceil(ms / 1000);
  return new AppError('volunteers.pin_wait', `too many wrong PINs; try again in ${seconds} s`, { seconds });
}

interface Row {
  failures: number;
  last_failure_at: string;
}

const toState = (row: Row | undefined): ThrottleState | null =>
  row ? { failures: row.failures, lastFailureAt: Date.parse(row.last_failure_at) } : null;

/**
 * The throttle rows of one kiosk and of the site, in the site database. Each paired station is a
 * kiosk of its own (`station:<id>`): a guesser at one pickup table waits there, and a volunteer
 * at another table (or at the hub's own screen, named by CoreDeps.kiosk) is not locked out.
 */
export class PinThrottle {
  constructor(
    private readonly ctx: CoreContext,
    private readonly kiosk = 'local',
  ) {}

  /** The throttle for PINs typed at this paired station, or at the hub's own screen (null). */
  at(station: string | null): PinThrottle {
    return station === null ? this : new PinThrottle(this.ctx, `station:${station}`);
  }

  private kioskState(): ThrottleState | null {
    return toState(
      this.ctx.db.prepare('SELECT failures, last_failure_at FROM pin_throttle WHERE kiosk = ?').get(this.kiosk) as Row | undefined,
    );
  }

  private siteState(): ThrottleState | null {
    return toState(this.ctx.db.prepare('SELECT failures, last_failure_at FROM pin_throttle_site').get() as Row | undefined);
  }

  /** The wait now in force for a PIN typed at this kiosk: the longer of its own and the site's. */
  waitMs(): number {
    const now = this.ctx.clock.now().getTime();
    return Math.max(pinWaitMs(this.kioskState(), now, KIOSK_POLICY), pinWaitMs(this.siteState(), now, SITE_POLICY));
  }

  /**
   * Lets one PIN be looked at, or says how long to wait (and then records nothing). An admitted
   * attempt is counted as wrong before the PIN is looked at, in the same BEGIN IMMEDIATE
   * transaction that read the counts: kiosks racing each other cannot all read "no failures yet"
   * and all get through, and a crash while hashing leaves the attempt counted.
   */
  admit(): number {
    return this.ctx.db
      .transaction(() => {
        const wait = this.waitMs();
        if (wait > 0) return wait;
        const now = this.ctx.clock.now().getTime();
        const at = nowIso(this.ctx);
        const kiosk = afterFailure(this.kioskState(), now);
        const site = afterFailure(this.siteState(), now);
        this.ctx.db
          .prepare(
            `INSERT INTO pin_throttle (kiosk, failures, last_failure_at) VALUES (?, ?, ?)
             ON CONFLICT (kiosk) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at`,
          )
          .run(this.kiosk, kiosk.failures, at);
        this.ctx.db
          .prepare(
            `INSERT INTO pin_throttle_site (singleton, failures, last_failure_at) VALUES (1, ?, ?)
             ON CONFLICT (singleton) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at`,
          )
          .run(site.failures, at);
        return 0;
      })
      .immediate();
  }

  /** The admitted PIN was right: this kiosk starts again, and the site takes back the attempt. */
  succeeded(): void {
    this.ctx.db
      .transaction(() => {
        this.ctx.db.prepare('DELETE FROM pin_throttle WHERE kiosk = ?').run(this.kiosk);
        this.ctx.db.prepare('UPDATE pin_throttle_site SET failures = max(failures - 1, 0)').run();
      })
      .immediate();
  }
}
