import type { Database, Statement } from 'better-sqlite3';

/** Enough for every fixed query core has; dynamic ones (an IN list of n) fall out oldest first. */
const LIMIT = 512;

/** The calls that change a statement for good: each gets a statement of its own instead. */
const MODES = ['raw', 'pluck', 'expand', 'safeIntegers', 'bind'] as const;

/**
 * Makes `db.prepare` hand back the statement compiled the last time for the same SQL. Services
 * write `db.prepare(sql).get(...)` where they use it (readable, one home per query); without the
 * cache every call compiled its SQL again, which was the largest cost of a pickup-table call
 * once 20 stations shared the hub (stations.load).
 *
 * A shared statement never changes: `.pluck()`, `.raw()`, `.expand()`, `.safeIntegers()` and
 * `.bind()` on it return a freshly compiled statement in that mode (callers chain them, so they
 * get it), and one still being iterated is not handed out again (a fresh one is compiled, as
 * before).
 */
export function cacheStatements(db: Database): void {
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Statement>();
  const shared = (source: string): Statement => {
    const stmt = compile(source);
    const own = Object.fromEntries(
      MODES.map((m) => [m, (...args: unknown[]) => (compile(source)[m] as (...a: unknown[]) => Statement)(...args)]),
    );
    return Object.assign(stmt, own);
  };
  const prepare = (source: string): Statement => {
    const hit = cache.get(source);
    if (hit?.busy) return compile(source);
    if (hit) {
      // Most recently used last, so the oldest is the first to go.
      cache.delete(source);
      cache.set(source, hit);
      return hit;
    }
    const fresh = shared(source);
    cache.set(source, fresh);
    if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
    return fresh;
  };
  db.prepare = prepare as Database['prepare'];
}
