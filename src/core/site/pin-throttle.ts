import type { CoreContext } from '../context';
import { nowIso } from '../context';

/**
 * Wrong PINs at a kiosk are throttled with a growing delay. A 4-digit PIN has only 10,000
 * values, so the delay, not the hash, is what stops someone at the public screen from guessing.
 * A few slips of the finger are free; then 5 s, 10 s, 20 s, ... up to 15 minutes between tries.
 * Only a right PIN resets the count.
 */
export const FREE_ATTEMPTS = 3;
export const FIRST_DELAY_MS = 5_000;
export const MAX_DELAY_MS = 15 * 60_000;

export interface ThrottleState {
  failures: number;
  /** Epoch ms of the last wrong PIN. */
  lastFailureAt: number;
}

/** How long after the last wrong PIN the next try is allowed, given the count of wrong PINs. */
export function pinDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  const steps = failures - FREE_ATTEMPTS;
  // 2 ** steps overflows nothing we care about: the cap is reached after 8 steps.
  return Math.min(FIRST_DELAY_MS * 2 ** Math.min(steps, 30), MAX_DELAY_MS);
}

/** Milliseconds left before this kiosk accepts another PIN (0: go ahead). Pure. */
export function pinWaitMs(state: ThrottleState | null, nowMs: number): number {
  if (!state) return 0;
  // A clock set backwards must not make the wait longer than the delay itself.
  const elapsed = Math.max(0, nowMs - state.lastFailureAt);
  return Math.max(0, pinDelayMs(state.failures) - elapsed);
}

/** The state after one more wrong PIN. Pure. */
export function afterFailure(state: ThrottleState | null, nowMs: number): ThrottleState {
  return { failures: (state?.failures ?? 0) + 1, lastFailureAt: nowMs };
}

/** The throttle row of one kiosk, in the site database. */
export class PinThrottle {
  constructor(
    private readonly ctx: CoreContext,
    private readonly kiosk = 'local',
  ) {}

  read(): ThrottleState | null {
    const row = this.ctx.db.prepare('SELECT failures, last_failure_at FROM pin_throttle WHERE kiosk = ?').get(this.kiosk) as
      | { failures: number; last_failure_at: string }
      | undefined;
    return row ? { failures: row.failures, lastFailureAt: Date.parse(row.last_failure_at) } : null;
  }

  waitMs(): number {
    return pinWaitMs(this.read(), this.ctx.clock.now().getTime());
  }

  /** Records a wrong PIN; returns the wait now in force. */
  fail(): number {
    const now = this.ctx.clock.now().getTime();
    const next = afterFailure(this.read(), now);
    this.ctx.db
      .prepare(
        `INSERT INTO pin_throttle (kiosk, failures, last_failure_at) VALUES (?, ?, ?)
         ON CONFLICT (kiosk) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at`,
      )
      .run(this.kiosk, next.failures, nowIso(this.ctx));
    return pinWaitMs(next, now);
  }

  reset(): void {
    this.ctx.db.prepare('DELETE FROM pin_throttle WHERE kiosk = ?').run(this.kiosk);
  }
}
