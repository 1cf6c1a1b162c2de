import { describe, expect, it } from 'vitest';
import { neededAndFree } from '../../src/core/exchange/atomic-write';

// Issue 14 (a stranger's walk): a stick with 20 kB free refused a 130 kB bundle with
// "1 MB needed, 1 MB free", which reads as if the app refused for no reason.
const KB = 1024;
const MB = 1024 * KB;

describe('the sizes in "X MB needed, Y MB free"', () => {
  it('never read alike when the stick is short', () => {
    expect(neededAndFree(130 * KB, 20 * KB)).toEqual({ needMb: 0.13, freeMb: 0.01 });
    expect(neededAndFree(0.5 * MB, 0.45 * MB)).toEqual({ needMb: 0.5, freeMb: 0.4 });
  });

  it('stay whole numbers when whole numbers already tell them apart', () => {
    expect(neededAndFree(40 * MB, 3.5 * MB)).toEqual({ needMb: 40, freeMb: 3 });
    expect(neededAndFree(1.4 * MB, 1.2 * MB)).toEqual({ needMb: 2, freeMb: 1 });
    expect(neededAndFree(2 * MB, 0)).toEqual({ needMb: 2, freeMb: 0 });
  });
});
