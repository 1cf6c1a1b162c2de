import type { Db } from './db/open';
import type { Clock, Ids, KeySource } from './deps';

/** What every service gets: the database and the injected clock, ids and key source. */
export interface CoreContext {
  db: Db;
  clock: Clock;
  ids: Ids;
  keys: KeySource;
}

export function nowIso(ctx: Pick<CoreContext, 'clock'>): string {
  return ctx.clock.now().toISOString();
}
