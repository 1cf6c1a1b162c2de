import type { CoreContext } from '../context';
import { SlipKeyring } from './signing';
import { SlipService } from './slip-service';

/**
 * Gives the demo hub a pickup table that has been busy: of this morning's slips, one picked up
 * in part (an item marked not available, so the "we need" list has something), one cancelled,
 * the rest still to come. Deterministic: it takes the oldest slips in issue order.
 */
export function seedDemoPickups(ctx: CoreContext): void {
  const slips = new SlipService(ctx, new SlipKeyring(ctx.db));
  const rows = ctx.db.prepare('SELECT id FROM slips ORDER BY issued_at, rowid LIMIT 3').all() as { id: string }[];
  const [partly, , cancelled] = rows;
  if (partly) {
    const view = slips.pickupView(partly.id);
    const [missing] = view.pickList;
    slips.redeem(partly.id, '2', 'Demo', missing ? [{ itemId: missing.itemId, givenQty: 0 }] : []);
  }
  if (cancelled) slips.void(cancelled.id, 'Printed twice', 'Demo');
}
