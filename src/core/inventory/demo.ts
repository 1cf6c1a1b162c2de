import type { CoreContext } from '../context';
import { DEMO_ITEMS } from '../demo/catalogue';

/**
 * The stock room's part of the demo hub: each demo item's dietary tags (the catalogue lists
 * them; the foundation seed had no table for them). Items are found by their English name.
 */
export function seedInventoryDemo(ctx: CoreContext): void {
  const find = ctx.db.prepare("SELECT item_id FROM item_names WHERE locale = 'en' AND name = ?");
  const tag = ctx.db.prepare('INSERT OR IGNORE INTO item_tags (item_id, tag) VALUES (?, ?)');
  ctx.db.transaction(() => {
    for (const item of DEMO_ITEMS) {
      const row = find.get(item.names.en) as { item_id: string } | undefined;
      if (!row) continue;
      for (const t of item.tags) tag.run(row.item_id, t);
    }
  })();
}
