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
  private readonly running = new Map<string, Promise<ApiResult<unknown>>>();
  private pruned = 0;

  constructor(private readonly db: Db) {}

  async once(requestId: string, channel: string, now: Date, run: () => Promise<ApiResult<unknown>>): Promise<ApiResult<unknown>> {
    const inFlight = this.running.get(requestId);
    if (inFlight) return inFlight;
    const stored = this.db.prepare('SELECT channel, result FROM request_log WHERE request_id = ?').get(requestId) as
      { channel: string; result: string } | undefined;
    if (stored) {
      if (stored.channel !== channel)
        return {
          ok: false,
          error: { code: 'api.invalid_input', message: 'request id already used for another call', params: { field: 'requestId' } },
        };
      return JSON.parse(stored.result) as ApiResult<unknown>;
    }
    const promise = run().then((result) => {
      // Only a write that happened is remembered: a refused one may be tried again as it is.
      if (result.ok) {
        this.db
          .prepare('INSERT OR IGNORE INTO request_log (request_id, channel, result, at) VALUES (?, ?, ?, ?)')
          .run(requestId, channel, JSON.stringify(result), now.toISOString());
        this.prune(now);
      }
      return result;
    });
    this.running.set(requestId, promise);
    try {
      return await promise;
    } finally {
      this.running.delete(requestId);
    }
  }

  private prune(now: Date): void {
    if (now.getTime() - this.pruned < 3_600_000) return;
    this.pruned = now.getTime();
    this.db.prepare('DELETE FROM request_log WHERE at < ?').run(new Date(now.getTime() - KEEP_MS).toISOString());
  }
}
