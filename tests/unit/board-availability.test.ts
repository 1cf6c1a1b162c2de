import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayMask, parseAvailability, partMask, popcount } from '../../src/core/board/availability';
import { ALL_SLOTS } from '../../src/shared/api/channels/board';

const bit = (day: number, part: number) => 1 << (day * 3 + part);

describe('reading free-text availability', () => {
  it.each([
    ['Tuesday morning', bit(1, 0)],
    ['Saturdays', dayMask(5)],
    ['Weekday evenings', [0, 1, 2, 3, 4].reduce((m, d) => m | bit(d, 2), 0)],
    ['weekends', dayMask(5) | dayMask(6)],
    ['mornings', partMask(0)],
    ['Any time', ALL_SLOTS],
    ['martes por la mañana', bit(1, 0)],
    ['le samedi soir', bit(5, 2)],
    ['Mon & Fri afternoon', bit(0, 1) | bit(4, 1)],
    // Dari: Tuesday morning, with and without the zero-width non-joiner; never read as Saturday.
    ['سه‌شنبه صبح', bit(1, 0)],
    ['سه شنبه صبح', bit(1, 0)],
    ['شنبه‌ها', dayMask(5)],
    ['پنجشنبه بعد از ظهر', bit(3, 1)],
    // Arabic: Saturday morning, with tanween.
    ['السبت صباحًا', bit(5, 0)],
    ['الجمعة مساءً', bit(4, 2)],
    // Urdu: Monday evening.
    ['سوموار شام', bit(0, 2)],
  ])('%s', (text, mask) => {
    expect(parseAvailability(text)).toBe(mask);
  });

  it('gives null for text it cannot read, so the board says "time not stated"', () => {
    expect(parseAvailability(null)).toBeNull();
    expect(parseAvailability('')).toBeNull();
    expect(parseAvailability('call my son')).toBeNull();
    expect(parseAvailability('به پسرم زنگ بزنید')).toBeNull();
    // "پیر زن" is "old woman" in Dari, not Monday.
    expect(parseAvailability('پیر زن')).toBeNull();
  });

  it('never throws and stays within the week', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const m = parseAvailability(s);
        return m === null || (m > 0 && m <= ALL_SLOTS);
      }),
    );
  });

  it('counts bits', () => {
    expect(popcount(ALL_SLOTS)).toBe(21);
    expect(popcount(0)).toBe(0);
    expect(popcount(dayMask(3))).toBe(3);
  });
});
