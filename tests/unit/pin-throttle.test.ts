import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  FORGET_AFTER_MS,
  FREE_ATTEMPTS,
  MAX_DELAY_MS,
  pinDelayMs,
  pinWaitMs,
  SITE_MAX_DELAY_MS,
  SITE_POLICY,
} from '../../src/core/site/pin-throttle';

describe('PIN throttle (pure)', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 5_000],
    [4, 10_000],
    [5, 20_000],
    [6, 40_000],
    [7, MAX_DELAY_MS],
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

  it('never waits longer than a minute, however many wrong PINs: no lockout', () => {
    expect(MAX_DELAY_MS).toBe(60_000);
    expect(pinDelayMs(Number.MAX_SAFE_INTEGER)).toBe(MAX_DELAY_MS);
  });

  it('over the whole site: ten free, then 1 s doubling up to 10 s', () => {
    expect([9, 10, 11, 12, 13, 14, 100].map((n) => pinDelayMs(n, SITE_POLICY))).toEqual([
      0,
      1_000,
      2_000,
      4_000,
      8_000,
      SITE_MAX_DELAY_MS,
      SITE_MAX_DELAY_MS,
    ]);
  });

  it('starts the count again after a quiet hour, not before', () => {
    const t0 = Date.UTC(2026, 10, 28, 10);
    const five = { failures: 5, lastFailureAt: t0 };
    expect(afterFailure(five, t0 + FORGET_AFTER_MS - 1)).toEqual({ failures: 6, lastFailureAt: t0 + FORGET_AFTER_MS - 1 });
    expect(afterFailure(five, t0 + FORGET_AFTER_MS)).toEqual({ failures: 1, lastFailureAt: t0 + FORGET_AFTER_MS });
    // A clock set back forgives nothing.
    expect(afterFailure(five, t0 - FORGET_AFTER_MS * 2)).toMatchObject({ failures: 6 });
  });
});
