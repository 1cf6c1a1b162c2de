import { describe, expect, it } from 'vitest';
import { formatChange, formatNumber } from '../../src/renderer/format/number';

describe('formatChange', () => {
  it('signs a change both ways, zero bare, as the reader’s language writes a sign', () => {
    expect([formatChange(-2, 'en'), formatChange(3, 'en'), formatChange(0, 'en')]).toEqual(['-2', '+3', '0']);
    // Arabic and Urdu carry a left-to-right mark before the sign, so "-2" never shows as "2-".
    expect(formatChange(-2, 'ar')).toBe('\u200e-2');
    expect(formatChange(-2, 'ur')).toBe('\u200e-2');
    // Persian writes its own minus and digits.
    expect(formatChange(-2, 'fa')).toBe('\u200e\u2212\u06f2');
  });

  it('and a count in the reader’s digits and grouping', () => {
    expect(formatNumber(1200, 'en')).toBe('1,200');
    expect(formatNumber(-2, 'ar')).toBe('\u200e-2');
  });
});
