import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/renderer/dates';

describe('a slip day as its reader says it', () => {
  it('names the month in the reader’s language', () => {
    expect(formatDay('2026-12-05', 'en')).toBe('December 5, 2026');
    expect(formatDay('2026-12-05', 'es')).toBe('5 de diciembre de 2026');
    expect(formatDay('2026-12-05', 'ar')).toMatch(/ديسمبر/);
    expect(formatDay('2026-12-05', 'zh-Hans')).toBe('2026年12月5日');
    expect(formatDay('2026-12-05', 'uk')).toMatch(/грудня/);
  });

  it('keeps the calendar day whatever the computer’s time zone', () => {
    // A day, not an instant: no shifting to the 4th west of Greenwich.
    expect(formatDay('2026-12-05', 'en')).toContain('5');
    expect(formatDay('2026-12-05T23:59:59.000Z', 'en')).toBe('December 5, 2026');
  });

  it('gives back what it cannot read', () => {
    expect(formatDay('soon', 'en')).toBe('soon');
  });
});
