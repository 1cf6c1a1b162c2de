import type { CoreContext } from '../context';
import { availability } from '../inventory/available';
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
  const given = ctx.db.prepare("SELECT COALESCE(-SUM(qty), 0) AS n FROM movements WHERE item_id = ? AND at >= ? AND kind = 'distribute'");
  return itemIds.map((itemId) => {
    const { available } = availability(ctx, itemId);
    const units = (given.get(itemId, fromAt) as { n: number }).n;
    const perDay = days === 0 ? 0 : units / days;
    return { itemId, available, perDay, daysLeft: perDay > 0 ? Math.floor(available / perDay) : null };
  });
}
