import type { PublicView } from '../../shared/api/channels/board';
import type { LocaleCode } from '../../shared/locales';
import { dayNumber } from '../../shared/time';
import { type CoreContext } from '../context';
import { requireSite } from '../site/site-service';
import { AVAILABILITY_JOINS, AVAILABLE_SQL } from '../inventory/available';
import { normalizeCategory } from './matching';
import type { BoardService } from './board-service';
import type { GapService } from './gap-service';
import { ASKED_CTE, askedFrom, LIVE_SQL, itemName } from './board-sql';
import { itemNameSql } from '../inventory/item-name';

/** What the waiting-room screen shows of each list. */
const SHOWN = 8;

/** Item names for the surplus rows (aliased `s`), by the one naming rule. */
const surplusName = itemNameSql('s.id');

/** The waiting-room screen's board: aggregates only, nothing personal. */
export class PublicBoardService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly entries: BoardService,
    private readonly gapService: GapService,
  ) {}

  /**
   * The waiting-room screen. Aggregates only: item names, and for help wanted, categories and
   * counts of needs the visitor marked shareable. No detail text, no codes, nothing personal.
   */
  publicView(language: LocaleCode): PublicView {
    const site = requireSite(this.ctx);
    const s = this.entries.settings();
    const now = this.ctx.clock.now();
    const names = { lang: language, site: site.settings.siteLanguage };
    // Still live now, by the board's rule without date arithmetic per row (see LIVE_SQL).
    const live = { now: now.toISOString(), cutoff: this.entries.cutoff(s.expiryDays) };
    // The screen shows eight: only the first eight gaps are needed (published needs come after them).
    const gaps = this.gapService.gaps(language, SHOWN);
    const needIds = new Set(gaps.map((g) => g.itemId));
    const published = this.ctx.db
      .prepare(
        `SELECT i.id AS itemId, ${itemName.name} AS name, i.unit FROM needs_offers n JOIN items i ON i.id = n.item_id
         ${itemName.joins}
         WHERE n.kind = 'need' AND n.status = 'open' AND n.shareable = 1 AND ${LIVE_SQL}
         ORDER BY n.created_at`,
      )
      .all({ ...names, ...live }) as { itemId: string; name: string; unit: string }[];
    const need = gaps.map((g) => ({ itemId: g.itemId, name: g.name, unit: g.unit }));
    for (const p of published) if (!needIds.has(p.itemId)) need.push(p);

    // Surplus: at least 10 available (promised stock is not surplus) and at least three times
    // what slips asked for in the window; the most beyond that first. Named only at the end: the
    // first eight by surplus, then by name, all have at least the eighth surplus, so only those
    // few are named (naming every one of a big catalogue was most of the screen's time).
    const have = this.ctx.db
      .prepare(
        `WITH ${ASKED_CTE},
         surplus AS MATERIALIZED (
           SELECT i.id, i.unit, ${AVAILABLE_SQL} - 3 * COALESCE(a.qty, 0) AS beyond
           FROM items i
           ${AVAILABILITY_JOINS}
           LEFT JOIN asked a ON a.item_id = i.id
           WHERE i.archived_at IS NULL AND ${AVAILABLE_SQL} >= 10 AND ${AVAILABLE_SQL} >= 3 * COALESCE(a.qty, 0) AND ${AVAILABLE_SQL} > i.low_stock
         ),
         cut AS (SELECT beyond FROM surplus ORDER BY beyond DESC LIMIT 1 OFFSET ${SHOWN - 1})
         SELECT s.id AS itemId, ${surplusName.name} AS name, s.unit
         FROM surplus s
         ${surplusName.joins}
         WHERE s.beyond >= COALESCE((SELECT beyond FROM cut), s.beyond)
         ORDER BY s.beyond DESC, name LIMIT ${SHOWN}`,
      )
      .all({ ...names, askedFrom: askedFrom(now, s.gapDays), today: dayNumber(now) }) as { itemId: string; name: string; unit: string }[];

    const openNeeds = this.ctx.db
      .prepare(
        `SELECT n.kind, n.category, COUNT(*) AS c FROM needs_offers n
         WHERE n.kind IN ('need', 'offer') AND n.status = 'open' AND n.item_id IS NULL AND ${LIVE_SQL}
           AND (n.kind = 'offer' OR n.shareable = 1)
         GROUP BY n.kind, lower(trim(n.category))`,
      )
      .all(live) as { kind: string; category: string; c: number }[];
    const offered = new Map<string, number>();
    for (const r of openNeeds) if (r.kind === 'offer') offered.set(normalizeCategory(r.category), r.c);
    const offersWanted = openNeeds
      .filter((r) => r.kind === 'need' && r.c > (offered.get(normalizeCategory(r.category)) ?? 0))
      .map((r) => ({ category: normalizeCategory(r.category), needs: r.c }))
      .sort((a, b) => b.needs - a.needs || a.category.localeCompare(b.category));

    return {
      siteName: site.name,
      languages: site.settings.languages,
      have,
      need: need.slice(0, SHOWN),
      offersWanted: offersWanted.slice(0, SHOWN),
    };
  }
}
