import type { BoardEntry, PantryGap } from '../../shared/api/channels/board';
import type { LocaleCode } from '../../shared/locales';
import { dayNumber } from '../../shared/time';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { requireSite } from '../site/site-service';
import { AVAILABILITY_JOINS, AVAILABLE_SQL } from '../inventory/available';
import type { BoardService } from './board-service';
import { ASKED_CTE, askedFrom, itemName } from './board-sql';
import { forecast, runningOut } from '../reports/forecast';

/** Items forecast at once when only the first gaps are wanted. */
const FORECAST_BATCH = 64;

/** Pantry gaps: items often asked for that visitors cannot get now, and publishing one as a need. */
export class GapService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly entries: BoardService,
  ) {}

  /**
   * Items often asked for (on at least `gapMinAsks` slips in the last `gapDays` days) that a
   * visitor could not get now: available (on hand minus what outstanding slips promise) at or
   * below the item's low-stock mark, or running out within a few distribution days at the
   * recent pace (the forecast, core/reports/forecast.ts). Most asked first; `limit` gives only
   * the first ones, the same as the whole list's beginning.
   */
  gaps(language?: LocaleCode, limit = Number.POSITIVE_INFINITY): PantryGap[] {
    const site = requireSite(this.ctx);
    const s = this.entries.settings();
    const now = this.ctx.clock.now();
    const rows = this.ctx.db
      .prepare(
        `WITH ${ASKED_CTE}
         SELECT i.id AS itemId, ${itemName.name} AS name, COALESCE(cn.name, cf.name) AS category,
                i.unit, a.asks, ${AVAILABLE_SQL} AS available, i.low_stock AS lowStock,
                (SELECT e.id FROM needs_offers e WHERE e.item_id = i.id AND e.status = 'open' ORDER BY e.created_at DESC LIMIT 1) AS entryId
         FROM asked a JOIN items i ON i.id = a.item_id
         ${AVAILABILITY_JOINS}
         ${itemName.joins}
         LEFT JOIN category_names cn ON cn.category_id = i.category_id AND cn.locale = @lang
         LEFT JOIN category_names cf ON cf.category_id = i.category_id AND cf.locale = @site
         WHERE i.archived_at IS NULL AND a.asks >= @minAsks
         ORDER BY a.asks DESC, available, name`,
      )
      .all({
        askedFrom: askedFrom(now, s.gapDays),
        today: dayNumber(now),
        minAsks: s.gapMinAsks,
        lang: language ?? site.settings.siteLanguage,
        site: site.settings.siteLanguage,
      }) as (Omit<PantryGap, 'daysLeft'> & { lowStock: number })[];
    // In the gaps' order, forecast a batch at a time until `limit` are found: the waiting-room
    // screen shows the first few and need not forecast every item asked for in the window.
    const batch = Number.isFinite(limit) ? FORECAST_BATCH : Math.max(1, rows.length);
    const out: PantryGap[] = [];
    for (let at = 0; at < rows.length && out.length < limit; at += batch) {
      const chunk = rows.slice(at, at + batch);
      const days = new Map(
        forecast(
          this.ctx,
          chunk.map((r) => r.itemId),
        ).map((f) => [f.itemId, f]),
      );
      for (const { lowStock, ...r } of chunk) {
        const f = days.get(r.itemId);
        if (r.available <= lowStock || (f && runningOut(f))) out.push({ ...r, daysLeft: f?.daysLeft ?? null });
        if (out.length >= limit) break;
      }
    }
    return out;
  }

  /** Publishes a gap as a shareable "we need" entry (the exchange carries shareable entries). */
  publishGap(itemId: string): BoardEntry {
    const site = requireSite(this.ctx);
    return this.ctx.db
      .transaction(() => {
        const existing = this.ctx.db
          .prepare("SELECT id FROM needs_offers WHERE item_id = ? AND status = 'open' AND kind = 'need'")
          .get(itemId) as { id: string } | undefined;
        if (existing) return this.entries.renew(existing.id);
        if (!this.ctx.db.prepare('SELECT 1 FROM items WHERE id = ?').get(itemId)) {
          throw new AppError('inventory.item_not_found', `no item ${itemId}`);
        }
        const id = this.ctx.ids.uuid();
        this.ctx.db
          .prepare(
            `INSERT INTO needs_offers (id, origin_site, kind, category, languages, item_id, shareable, source, status, created_at)
             VALUES (?, ?, 'need', 'pantry', '[]', ?, 1, 'pantry', 'open', ?)`,
          )
          .run(id, site.id, itemId, nowIso(this.ctx));
        return this.entries.entry(id);
      })
      .immediate();
  }
}
