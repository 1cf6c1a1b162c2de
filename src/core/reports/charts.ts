import type { CoreContext } from '../context';
import type { LocaleCode } from '../../shared/locales';
import type { Charts, Period } from '../../shared/reports/report';
import { requireSite } from '../site/site-service';
import { itemName } from '../inventory/item-name';
import { onHandOf } from '../inventory/available';
import { bounds, dayList, type Bounds } from './period';
import { reportSettings } from './settings';

/** Categories shown in "top needs against top offers". */
const TOP_CATEGORIES = 8;

/**
 * The Month screen's series. Every day of the period is present (a day without visits is a zero
 * bar, not a missing one), so a chart and its data table line up.
 */
export function buildCharts(ctx: CoreContext, period: Period, itemId: string | null, language: LocaleCode): Charts {
  const b = bounds(period);
  const days = dayList(b);
  const db = ctx.db;

  const visits = new Map(
    (db.prepare('SELECT substr(at, 1, 10) AS day, COUNT(*) AS n FROM visits WHERE at >= ? AND at < ? GROUP BY 1').all(b.start, b.end) as { day: string; n: number }[]).map(
      (r) => [r.day, r.n],
    ),
  );
  const weight = new Map<string, { inGrams: number; outGrams: number }>();
  for (const r of db
    .prepare(
      `SELECT day, SUM(CASE WHEN kind IN ('receive', 'transfer_in') THEN grams ELSE 0 END) AS i,
              SUM(CASE WHEN kind = 'distribute' THEN -grams ELSE 0 END) AS o
       FROM ledger_days WHERE day >= ? AND day <= ? GROUP BY day`,
    )
    .all(b.from, b.to) as { day: string; i: number; o: number }[]) {
    weight.set(r.day, { inGrams: r.i, outGrams: r.o });
  }

  const needsOffers = db
    .prepare(
      `SELECT category, SUM(kind = 'need') AS needs, SUM(kind = 'offer') AS offers FROM needs_offers
       WHERE created_at >= ? AND created_at < ? GROUP BY category ORDER BY needs + offers DESC, category LIMIT ?`,
    )
    .all(b.start, b.end, TOP_CATEGORIES) as { category: string; needs: number; offers: number }[];

  // Per month: households served, and of those the ones whose first visit was that month.
  const households = (
    db
      .prepare(
        `SELECT substr(v.at, 1, 7) AS month, COUNT(DISTINCT v.household_id) AS served,
                COUNT(DISTINCT CASE WHEN substr(h.created_at, 1, 7) = substr(v.at, 1, 7) THEN v.household_id END) AS fresh
         FROM visits v JOIN households h ON h.id = v.household_id WHERE v.at >= ? AND v.at < ? GROUP BY 1 ORDER BY 1`,
      )
      .all(b.start, b.end) as { month: string; served: number; fresh: number }[]
  ).map((r) => ({ month: r.month, new: r.fresh, returning: r.served - r.fresh }));

  return {
    period: { from: b.from, to: b.to },
    unit: reportSettings(ctx).weightUnit,
    visitsPerDay: days.map((day) => ({ day, visits: visits.get(day) ?? 0 })),
    weightPerDay: days.map((day) => ({ day, ...(weight.get(day) ?? { inGrams: 0, outGrams: 0 }) })),
    needsOffers,
    households,
    stock: itemId === null ? null : stockSeries(ctx, b, days, itemId, language),
  };
}

/** On hand at the end of each day: today's stock with every later movement taken back. */
function stockSeries(ctx: CoreContext, b: Bounds, days: string[], itemId: string, language: LocaleCode): Charts['stock'] {
  const site = requireSite(ctx);
  const perDay = ctx.db
    .prepare('SELECT substr(at, 1, 10) AS day, SUM(qty) AS qty FROM movements WHERE item_id = ? AND at >= ? GROUP BY 1 ORDER BY 1 DESC')
    .all(itemId, b.start) as { day: string; qty: number }[];
  let level = onHandOf(ctx, itemId);
  let i = 0;
  // Walk back from now: first undo the days after the period, then each day after the one shown.
  while (i < perDay.length && perDay[i]!.day > b.to) level -= perDay[i++]!.qty;
  const points: { day: string; onHand: number }[] = [];
  for (let d = days.length - 1; d >= 0; d--) {
    const day = days[d]!;
    points.push({ day, onHand: level });
    if (i < perDay.length && perDay[i]!.day === day) level -= perDay[i++]!.qty;
  }
  return { itemId, name: itemName(ctx, itemId, language, site.settings.siteLanguage).name, points: points.reverse() };
}
