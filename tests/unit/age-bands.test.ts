import { describe, expect, it } from 'vitest';
import { bandOf, bandProblem, DEFAULT_BANDS } from '../../src/shared/reports/bands';
import { yearBefore } from '../../src/shared/reports/report';
import { formatWeight, toGrams } from '../../src/shared/reports/weight';

describe('age bands', () => {
  it('accept the two usual configurations', () => {
    expect(bandProblem(DEFAULT_BANDS)).toBeNull();
    expect(
      bandProblem([
        { from: 0, to: 17 },
        { from: 18, to: 59 },
        { from: 60, to: null },
      ]),
    ).toBeNull();
  });
  it('name the first age a gap, an overlap or a closed last band leaves out', () => {
    expect(bandProblem([])).toEqual({ problem: 'gap', age: 0 });
    expect(bandProblem([{ from: 1, to: null }])).toEqual({ problem: 'gap', age: 0 });
    expect(
      bandProblem([
        { from: 0, to: 17 },
        { from: 20, to: null },
      ]),
    ).toEqual({ problem: 'gap', age: 18 });
    expect(
      bandProblem([
        { from: 0, to: 17 },
        { from: 17, to: null },
      ]),
    ).toEqual({ problem: 'overlap', age: 17 });
    expect(
      bandProblem([
        { from: 0, to: null },
        { from: 18, to: null },
      ]),
    ).toEqual({ problem: 'overlap', age: 18 });
    expect(bandProblem([{ from: 0, to: 64 }])).toEqual({ problem: 'gap', age: 65 });
    expect(
      bandProblem([
        { from: 0, to: 17 },
        { from: 18, to: 10 },
        { from: 11, to: null },
      ]),
    ).toEqual({ problem: 'order', age: 18 });
  });
  it('place an age in its band', () => {
    expect([0, 17, 18, 64, 65, 99].map((a) => bandOf(DEFAULT_BANDS, a))).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('periods and weights', () => {
  it('take the same period a year before, 29 February becoming 28', () => {
    expect(yearBefore({ from: '2026-11-01', to: '2026-11-30' })).toEqual({ from: '2025-11-01', to: '2025-11-30' });
    expect(yearBefore({ from: '2028-02-01', to: '2028-02-29' })).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });
  it('show a weight in the site unit with the other beside it', () => {
    expect(toGrams(12.4, 'kg')).toBe(12_400);
    expect(toGrams(10, 'lb')).toBe(4536);
    expect(formatWeight(12_400, 'kg', 'en')).toBe('12.4 kg (27.3 lb)');
    expect(formatWeight(4536, 'lb', 'en')).toBe('10 lb (4.5 kg)');
  });
});
