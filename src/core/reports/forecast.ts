import type { CoreContext } from '../context';
import { availabilityOf } from '../inventory/available';
import type { Forecast } from '../../shared/api/channels/month';
import { DAY_MS } from '../../shared/time';

/** An item asked for that lasts this many distribution days or fewer is a "we need" (board gaps, the poster). */
export const RUNNING_OUT_DAYS = 2;

/** Whether a forecast says the item runs out within RUNNING_OUT_DAYS distribution days. */
export const runningOut = (f: Pick<Forecast, 'daysLeft'>): boolean => f.daysLeft !== null && f.daysLeft <= RUNNING_OUT_DAYS;

/** The recent pace is read over the last four weeks. */
export const FORECAST_WINDOW_DAYS = 28;

/**
 * Days of stock left = what is available now ÷ what was given per distribution day over the
 * last four weeks (a distribution day is a day the hub gave anything out). Rounded down: "about
 * 2 days" means the third day runs short.
 */
export function forecast(ctx: CoreContext, itemIds: readonly string[]): Forecast[] {
  const now = ctx.clock.now().getTime();
  const fromDay = new Date(now - FORECAST_WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10);
  const fromAt = `${fromDay}T00:00:00.000Z`;
  const days = (
    ctx.db.prepare("SELECT COUNT(DISTINCT day) AS n FROM ledger_days WHERE kind = 'distribute' AND day >= ?").get(fromDay) as { n: number }
  ).n;
  // One query each for every item asked about: per item, the availability join would read every
  // open reservation again (a busy hub's gaps took 0.6 s that way).
  const stock = availabilityOf(ctx, itemIds);
  const given = new Map(
    (
      ctx.db
        .prepare(
          `SELECT item_id AS itemId, -SUM(qty) AS n FROM movements
           WHERE item_id IN (SELECT value FROM json_each(@items)) AND at >= @from AND kind = 'distribute' GROUP BY item_id`,
        )
        .all({ items: JSON.stringify(itemIds), from: fromAt }) as { itemId: string; n: number }[]
    ).map((r) => [r.itemId, r.n]),
  );
  return itemIds.map((itemId) => {
    const available = stock.get(itemId)?.available ?? 0;
    const units = given.get(itemId) ?? 0;
    const perDay = days === 0 ? 0 : units / days;
    return { itemId, available, perDay, daysLeft: perDay > 0 ? Math.floor(available / perDay) : null };
  });
}
