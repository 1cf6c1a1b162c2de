/**
 * A USB barcode scanner is a keyboard that types very fast and ends with Enter. This tells its
 * bursts apart from a person typing: at least `minLength` keys, on average no more than
 * `maxGapMs` apart. Averaging, rather than demanding every gap be short, keeps a scan a scan when
 * a busy computer hiccups for a moment, and no person keeps up 30 ms a key over eight keys. Pure logic, so it is
 * tested without a DOM.
 */
export interface BurstOptions {
  /** Average gap between a scanner's keys, at most. */
  maxGapMs: number;
  /** A longer pause ends a person's typing run: the next key starts afresh. */
  maxPauseMs: number;
  /** A pause inside an already fast run, up to this long, is a hiccup of a busy computer. */
  maxHiccupMs: number;
  minLength: number;
}

export const DEFAULT_BURST: BurstOptions = { maxGapMs: 30, maxPauseMs: 250, maxHiccupMs: 1500, minLength: 8 };

export type BurstResult = { kind: 'none' } | { kind: 'started' } | { kind: 'scan'; code: string };

export class BurstDetector {
  private chars: string[] = [];
  /** Sum of the gaps inside the run, hiccups left out. */
  private gaps = 0;
  private last = -Infinity;

  constructor(private readonly options: BurstOptions = DEFAULT_BURST) {}

  private fast(): boolean {
    return this.chars.length >= 2 && this.gaps / (this.chars.length - 1) <= this.options.maxGapMs;
  }

  /** Feeds one key; returns 'started' on the first key of a possible burst, 'scan' on its Enter. */
  key(key: string, at: number): BurstResult {
    const gap = at - this.last;
    const hiccup = gap > this.options.maxPauseMs && gap <= this.options.maxHiccupMs && this.fast();
    if (key === 'Enter') {
      const burst =
        this.chars.length >= this.options.minLength && this.fast() && (gap <= this.options.maxPauseMs || hiccup)
          ? this.chars.join('')
          : null;
      this.reset();
      return burst ? { kind: 'scan', code: burst } : { kind: 'none' };
    }
    if (key.length !== 1) return { kind: 'none' };
    this.last = at;
    if (this.chars.length === 0 || (gap > this.options.maxPauseMs && !hiccup)) {
      this.chars = [key];
      this.gaps = 0;
      return { kind: 'started' };
    }
    this.chars.push(key);
    if (!hiccup) this.gaps += gap;
    return { kind: 'none' };
  }

  reset(): void {
    this.chars = [];
    this.gaps = 0;
    this.last = -Infinity;
  }
}
