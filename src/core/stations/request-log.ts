import type { Db } from '../db/open';
import type { ApiResult } from '../../shared/api/errors';
import { DAY_MS } from '../../shared/time';

/** How long a request id is remembered: longer than any station retries for. */
const KEEP_MS = 2 * DAY_MS;

/**
 * Makes a retried write return its first answer instead of acting twice: a station that lost
 * Wi-Fi mid-redeem cannot know whether the hub heard it, so it sends the same request id again.
 * Calls with the same id that overlap share one run; one that comes after gets the stored result.
 */
export class RequestLog {
  private readonly running = new Map<string, Promise<unknown>>();
  private pruned = 0;

  constructor(private readonly db: Db) {}

  async once(requestId: string, channel: string, now: Date, run: () => Promise<ApiResult<unknown>>): Promise<ApiResult<unknown>> {
    return this.share(requestId, async () => {
      const stored = this.stored(requestId, channel);
      if (stored) return stored;
      const result = await run();
      // Only a write that happened is remembered: a refused one may be tried again as it is.
      if (result.ok) this.remember(requestId, channel, result, now);
      return result;
    });
  }

  /**
   * The same for a write that runs inside a transaction (a grouped write): the entry is written
   * in that transaction, so the write and the memory of it land together or not at all, and a
   * retry after a crash never applies it twice. `fresh` says whether `work` ran.
   */
  within(requestId: string, channel: string, now: Date, work: () => ApiResult<unknown>): { result: ApiResult<unknown>; fresh: boolean } {
    const stored = this.stored(requestId, channel);
    if (stored) return { result: stored, fresh: false };
    const result = work();
    if (result.ok) this.remember(requestId, channel, result, now);
    return { result, fresh: true };
  }

  /** Calls with the same id that overlap share one run. */
  async share<T>(requestId: string, run: () => Promise<T>): Promise<T> {
    const inFlight = this.running.get(requestId);
    if (inFlight) return inFlight as Promise<T>;
    const promise = run();
    this.running.set(requestId, promise as Promise<never>);
    try {
      return await promise;
    } finally {
      this.running.delete(requestId);
    }
  }

  private stored(requestId: string, channel: string): ApiResult<unknown> | null {
    const stored = this.db.prepare('SELECT channel, result FROM request_log WHERE request_id = ?').get(requestId) as
      { channel: string; result: string } | undefined;
    if (!stored) return null;
    if (stored.channel !== channel)
      return {
        ok: false,
        error: { code: 'api.invalid_input', message: 'request id already used for another call', params: { field: 'requestId' } },
      };
    return JSON.parse(stored.result) as ApiResult<unknown>;
  }

  private remember(requestId: string, channel: string, result: ApiResult<unknown>, now: Date): void {
    this.db
      .prepare('INSERT OR IGNORE INTO request_log (request_id, channel, result, at) VALUES (?, ?, ?, ?)')
      .run(requestId, channel, JSON.stringify(result), now.toISOString());
    this.prune(now);
  }

  private prune(now: Date): void {
    if (now.getTime() - this.pruned < 3_600_000) return;
    this.pruned = now.getTime();
    this.db.prepare('DELETE FROM request_log WHERE at < ?').run(new Date(now.getTime() - KEEP_MS).toISOString());
  }
}
