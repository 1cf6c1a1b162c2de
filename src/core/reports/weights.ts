import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import type { LocaleCode } from '../../shared/locales';
import { BUILT_IN_WEIGHT_CATEGORIES, MAX_UNIT_GRAMS } from '../../shared/reports/weight';

export interface WeightCategoryRow {
  id: string;
  key: string | null;
  name: string | null;
}

/** The site's weight categories in order; `name` is the coordinator's own word, else the screen translates `key`. */
export function weightCategories(ctx: Pick<CoreContext, 'db'>, language: LocaleCode): WeightCategoryRow[] {
  const names = new Map(
    (ctx.db.prepare('SELECT category_id, name FROM weight_category_names WHERE locale = ?').all(language) as { category_id: string; name: string }[]).map((r) => [
      r.category_id,
      r.name,
    ]),
  );
  const own = ctx.db.prepare('SELECT id FROM weight_categories WHERE archived_at IS NULL ORDER BY sort, id').pluck().all() as string[];
  return [
    ...BUILT_IN_WEIGHT_CATEGORIES.map((id) => ({ id, key: id, name: names.get(id) ?? null })),
    // The site's own category has no translation to fall back to: its name in another language, then its id.
    ...own.map((id) => ({ id, key: null, name: names.get(id) ?? (ctx.db.prepare('SELECT name FROM weight_category_names WHERE category_id = ? ORDER BY locale LIMIT 1').pluck().get(id) as string | undefined) ?? id })),
  ];
}

function isCategory(ctx: Pick<CoreContext, 'db'>, id: string): boolean {
  return (BUILT_IN_WEIGHT_CATEGORIES as readonly string[]).includes(id) || ctx.db.prepare('SELECT 1 FROM weight_categories WHERE id = ? AND archived_at IS NULL').get(id) !== undefined;
}

export interface ItemWeight {
  itemId: string;
  unitWeightG: number | null;
  weightCategory: string | null;
}

export function itemWeight(ctx: Pick<CoreContext, 'db'>, itemId: string): ItemWeight {
  const row = ctx.db.prepare('SELECT unit_weight_g, weight_category FROM items WHERE id = ?').get(itemId) as
    | { unit_weight_g: number | null; weight_category: string | null }
    | undefined;
  if (!row) throw new AppError('month.item_not_found', `no item ${itemId}`, { field: 'item' });
  return { itemId, unitWeightG: row.unit_weight_g, weightCategory: row.weight_category };
}

/** An item's weight per unit and category; a negative or absurd weight is refused, naming the field. */
export function setItemWeight(ctx: CoreContext, w: ItemWeight): ItemWeight {
  if (w.unitWeightG !== null && (w.unitWeightG < 1 || w.unitWeightG > MAX_UNIT_GRAMS)) {
    throw new AppError('month.bad_weight', 'unit weight out of range', { field: 'unitWeight', max: MAX_UNIT_GRAMS / 1000 });
  }
  if (w.weightCategory !== null && !isCategory(ctx, w.weightCategory)) {
    throw new AppError('month.category_not_found', `no weight category ${w.weightCategory}`, { field: 'weightCategory' });
  }
  itemWeight(ctx, w.itemId);
  ctx.db.prepare('UPDATE items SET unit_weight_g = ?, weight_category = ?, updated_at = ? WHERE id = ?').run(w.unitWeightG, w.weightCategory, nowIso(ctx), w.itemId);
  return itemWeight(ctx, w.itemId);
}

/**
 * A receipt's weight as SQL over a movement `m` joined to its item `i`: what the scale said, else
 * the units times the unit's weight (an item counted in kg or lb weighs its unit). The same
 * rule as the ledger_days trigger (migration 0220), for code that reads single movements; the two
 * are held equal by tests/integration/month/weight-rule.test.ts (a shipped migration never changes).
 */
export function movementGramsSql(m = 'm', i = 'i'): string {
  return `COALESCE(${m}.weight_g, CAST(round(abs(${m}.qty) * CASE ${i}.unit WHEN 'kg' THEN 1000.0 WHEN 'lb' THEN 453.59237 ELSE COALESCE(${i}.unit_weight_g, 0) END) AS INTEGER))`;
}
