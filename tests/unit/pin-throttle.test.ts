import { describe, expect, it } from 'vitest';
import { afterFailure, FREE_ATTEMPTS, MAX_DELAY_MS, pinDelayMs, pinWaitMs } from '../../src/core/site/pin-throttle';

describe('PIN throttle (pure)', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 5_000],
    [4, 10_000],
    [5, 20_000],
    [8, 160_000],
    [11, MAX_DELAY_MS],
    [1_000, MAX_DELAY_MS],
  ])('after %i wrong PINs the next try waits %i ms', (failures, delay) => {
    expect(pinDelayMs(failures)).toBe(delay);
  });

  it('grows and never shrinks with more failures', () => {
    for (let n = 0; n < 60; n += 1) expect(pinDelayMs(n + 1)).toBeGreaterThanOrEqual(pinDelayMs(n));
    expect(FREE_ATTEMPTS).toBeGreaterThan(0);
  });

  it('counts the wait from the last failure and never beyond the delay', () => {
    const t0 = Date.UTC(2026, 10, 28, 10);
    expect(pinWaitMs(null, t0)).toBe(0);
    const s = afterFailure(afterFailure(afterFailure(null, t0), t0), t0);
    expect(s).toEqual({ failures: 3, lastFailureAt: t0 });
    expect(pinWaitMs(s, t0)).toBe(5_000);
    expect(pinWaitMs(s, t0 + 4_000)).toBe(1_000);
    expect(pinWaitMs(s, t0 + 5_000)).toBe(0);
    // A clock set back by an hour does not lock the kiosk for an hour.
    expect(pinWaitMs(s, t0 - 3_600_000)).toBe(5_000);
  });
});
