import type { Arrival } from '../../shared/api/channels/network';
import type { NetworkExchange } from './network-sync';

/*
 * Sharing over the network without anyone pressing a button (issue 18.2): the kiosk looks at
 * the exchange folder every little while, and writes its own bundle there after closing time.
 * Both hosts get this from the same boot (core/boot.ts). Every run is awaited work on the one
 * thread (file reads, the bundle write and signature checks are asynchronous), never a loop
 * that holds it, and runs never overlap: a tick that comes while one runs is folded into it.
 */

/** How often the folder is looked at. A file is taken on the second look that finds it unchanged (watcher.ts). */
export const NETWORK_POLL_MS = 30_000;

/** A repeating timer. The hosts use the system's; tests pass one that fires when their clock moves. */
export interface Ticker {
  every(ms: number, fn: () => void): () => void;
}

export const systemTicker: Ticker = {
  every(ms, fn) {
    const timer = setInterval(fn, ms);
    // A pending look must not keep a host that is shutting down alive.
    timer.unref();
    return () => clearInterval(timer);
  },
};

export interface ScheduleDeps {
  ticker: Ticker;
  intervalMs?: number;
  logError: (err: unknown, what: string) => void;
  /** Something arrived and was applied: the screens that show other hubs' records re-read. */
  applied: (arrivals: Arrival[]) => void;
}

export class NetworkSchedule {
  private cancel: (() => void) | null = null;
  private running: Promise<void> | null = null;
  private wantPoll = false;
  private wantExport = false;

  constructor(
    private readonly network: NetworkExchange,
    private readonly deps: ScheduleDeps,
  ) {}

  /** Starts looking at the folder on the interval (again: nothing). */
  start(): void {
    if (this.cancel) return;
    this.cancel = this.deps.ticker.every(this.deps.intervalMs ?? NETWORK_POLL_MS, () => void this.poll());
  }

  /** One look at what has arrived (the interval's; also callable by hand). */
  poll(): Promise<void> {
    this.wantPoll = true;
    return this.kick();
  }

  /** Closing time: our bundle into the folder, then a look. The caller's answer does not wait for it. */
  afterClose(): Promise<void> {
    this.wantExport = true;
    return this.kick();
  }

  /** Resolves once nothing is running or asked for. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** No more ticks; resolves once the run under way (if any) has finished. */
  async stop(): Promise<void> {
    this.cancel?.();
    this.cancel = null;
    await this.idle();
  }

  private kick(): Promise<void> {
    if (!this.running) {
      this.running = this.drain().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async drain(): Promise<void> {
    while (this.wantExport || this.wantPoll) {
      if (this.wantExport) {
        this.wantExport = false;
        this.wantPoll = true;
        try {
          await this.network.exportNow(null);
        } catch (err) {
          this.deps.logError(err, 'network.export_after_close');
        }
      }
      if (this.wantPoll) {
        this.wantPoll = false;
        try {
          const arrivals = await this.network.poll();
          const applied = arrivals.filter((a) => a.status === 'applied');
          if (applied.length > 0) this.deps.applied(applied);
        } catch (err) {
          this.deps.logError(err, 'network.poll');
        }
      }
    }
  }
}
