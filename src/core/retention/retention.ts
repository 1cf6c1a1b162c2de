import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DAY_MS } from '../../shared/time';
import type { CoreContext } from '../context';
import { REPORT_HORIZON_DAYS } from '../reports/period';

/** Where the shell keeps a PDF copy of each printed slip, inside the data folder. */
export const PRINTED_SLIPS_DIR = 'printed-slips';

/**
 * A printed slip's copy outlives the slip it shows by this much: a slip is valid at most 60 days
 * (site settings), and nothing reads the copy once the slip is over.
 */
export const PRINTED_COPY_DAYS = 90;

/**
 * Needs and offers, and the matches between them, that no report or screen reads any more:
 * everything about them (made, renewed, expired, closed, last moved) is older than the
 * report horizon, so no report period and no board (which shows two weeks past expiry) reaches
 * them. Read through needs_offers_created; the matches go first (they reference the entries).
 */
const OLD_ENTRIES = `
  SELECT n.id FROM needs_offers n
  WHERE n.created_at < @horizon
    AND (n.renewed_at IS NULL OR n.renewed_at < @horizon)
    AND (n.expires_at IS NULL OR n.expires_at < @horizon)
    AND (n.closed_at IS NULL OR n.closed_at < @horizon)
    AND NOT EXISTS (SELECT 1 FROM board_matches m WHERE (m.need_id = n.id OR m.offer_id = n.id) AND m.updated_at >= @horizon)`;

export interface Pruned {
  entries: number;
  matches: number;
}

/** Removes the board history older than the report horizon, in one transaction. */
export function pruneHistory(ctx: CoreContext): Pruned {
  const horizon = new Date(ctx.clock.now().getTime() - REPORT_HORIZON_DAYS * DAY_MS).toISOString();
  return ctx.db
    .transaction(() => {
      ctx.db.prepare(`CREATE TEMP TABLE IF NOT EXISTS prune_ids (id TEXT PRIMARY KEY) WITHOUT ROWID`).run();
      ctx.db.prepare('DELETE FROM temp.prune_ids').run();
      ctx.db.prepare(`INSERT INTO temp.prune_ids ${OLD_ENTRIES}`).run({ horizon });
      const matches = ctx.db
        .prepare(
          'DELETE FROM board_matches WHERE need_id IN (SELECT id FROM temp.prune_ids) OR offer_id IN (SELECT id FROM temp.prune_ids)',
        )
        .run().changes;
      const entries = ctx.db.prepare('DELETE FROM needs_offers WHERE id IN (SELECT id FROM temp.prune_ids)').run().changes;
      ctx.db.prepare('DELETE FROM temp.prune_ids').run();
      return { entries, matches };
    })
    .immediate();
}

/**
 * Removes printed-slip copies older than PRINTED_COPY_DAYS from the data folder. Asynchronous
 * file work: a folder of years of copies never holds up the thread that answers the screens.
 * Only files the shell wrote there (`<short code>.pdf`) are touched.
 */
export async function prunePrintedCopies(dataDir: string, now: Date): Promise<number> {
  const dir = join(dataDir, PRINTED_SLIPS_DIR);
  const before = now.getTime() - PRINTED_COPY_DAYS * DAY_MS;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0; // Nothing printed here yet.
  }
  let removed = 0;
  for (const name of names) {
    if (!/^[A-Z0-9-]{1,20}\.pdf$/.test(name)) continue;
    const file = join(dir, name);
    try {
      if ((await stat(file)).mtimeMs < before) {
        await unlink(file);
        removed += 1;
      }
    } catch {
      // Gone already, or not ours to remove: the next pass looks again.
    }
  }
  return removed;
}
