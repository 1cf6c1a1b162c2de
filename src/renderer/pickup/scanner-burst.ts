/**
 * A USB barcode scanner is a keyboard that types very fast and ends with Enter. This tells its
 * bursts apart from a person typing: at least `minLength` keys, on average no more than
 * `maxGapMs` apart, and no single pause longer than `maxPauseMs` (which starts a new burst).
 * Averaging, rather than demanding every gap be short, keeps a scan a scan when the computer
 * hiccups for a moment, and no person keeps up 30 ms a key over eight keys. Pure logic, so it is
 * tested without a DOM.
 */
export interface BurstOptions {
  maxGapMs: number;
  maxPauseMs: number;
  minLength: number;
}

export const DEFAULT_BURST: BurstOptions = { maxGapMs: 30, maxPauseMs: 250, minLength: 8 };

export type BurstResult = { kind: 'none' } | { kind: 'started' } | { kind: 'scan'; code: string };

export class BurstDetector {
  private chars: string[] = [];
  private first = -Infinity;
  private last = -Infinity;

  constructor(private readonly options: BurstOptions = DEFAULT_BURST) {}

  /** Feeds one key; returns 'started' on the first key of a possible burst, 'scan' on its Enter. */
  key(key: string, at: number): BurstResult {
    const gap = at - this.last;
    if (key === 'Enter') {
      const n = this.chars.length;
      const average = n > 1 ? (this.last - this.first) / (n - 1) : Infinity;
      const burst = n >= this.options.minLength && average <= this.options.maxGapMs && gap <= this.options.maxPauseMs ? this.chars.join('') : null;
      this.reset();
      return burst ? { kind: 'scan', code: burst } : { kind: 'none' };
    }
    if (key.length !== 1) return { kind: 'none' };
    this.last = at;
    if (gap > this.options.maxPauseMs) {
      this.chars = [key];
      this.first = at;
      return { kind: 'started' };
    }
    this.chars.push(key);
    return { kind: 'none' };
  }

  reset(): void {
    this.chars = [];
    this.first = -Infinity;
    this.last = -Infinity;
  }
}
