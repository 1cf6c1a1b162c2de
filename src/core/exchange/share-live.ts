import type { RecordType } from '../../shared/api/channels/exchange';
import { DAY_MS } from '../../shared/time';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { ON_BOARD_SQL, boardWindow } from '../board/board-sql';
import { LIMITS, type Manifest } from './format';

/** How long a need or offer that left the board still travels, so every hub hears it left. */
export const GONE_TRAVELS_DAYS = 30;

export interface StoredLine {
  type: RecordType;
  id: string;
  origin_site: string;
  line: string;
}

/**
 * The records a share bundle carries: all but the needs and offers no board shows any more
 * (expired, met or withdrawn, ours or relayed) once the word that they left has had a month to
 * travel (`received_at` moves whenever a record is re-signed or a newer version arrives).
 * Five years of a hub's board would otherwise ride along in every bundle.
 */
export function liveRecords(ctx: CoreContext): Iterable<StoredLine> {
  const days = (ctx.db.prepare('SELECT expiry_days AS d FROM board_settings').get() as { d: number } | undefined)?.d ?? 28;
  const now = ctx.clock.now();
  return ctx.db
    .prepare(
      `SELECT r.type, r.id, r.origin_site, r.line FROM exchange_records r
       WHERE r.type <> 'need_offer' OR r.received_at >= @goneSince OR r.id IN (SELECT n.id FROM needs_offers n WHERE ${ON_BOARD_SQL})
       ORDER BY r.type, r.id`,
    )
    .iterate({
      ...boardWindow(now, days),
      days,
      goneSince: new Date(now.getTime() - GONE_TRAVELS_DAYS * DAY_MS).toISOString(),
    }) as Iterable<StoredLine>;
}

/**
 * Refuses, before a byte reaches the stick, a bundle every importer would refuse (format.ts
 * LIMITS): the caller's transaction rolls back, so no sequence is spent on it either.
 */
export function assertImportable(bytes: number, parts: Manifest['parts']): void {
  if (bytes > LIMITS.bundleBytes || parts.some((p) => p.records > LIMITS.recordsPerPart)) {
    throw new AppError('exchange.export_too_large', `a ${bytes}-byte bundle is more than importers accept`, {
      maxMb: Math.floor(LIMITS.bundleBytes / (1024 * 1024)),
    });
  }
}
