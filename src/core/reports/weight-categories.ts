import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import type { ParsedInput } from '../../shared/api/contract';
import { BUILT_IN_WEIGHT_CATEGORIES } from '../../shared/reports/weight';
import { reportSettings } from './settings';

const isBuiltIn = (id: string) => (BUILT_IN_WEIGHT_CATEGORIES as readonly string[]).includes(id);

/**
 * The food bank's weight categories as the coordinator keeps them: the built-in ones renamed in
 * any language, and the site's own added or archived. What the screens list is reports/weights.ts.
 */
export class WeightCategoryService {
  constructor(private readonly ctx: CoreContext) {}

  unit() {
    return { unit: reportSettings(this.ctx).weightUnit };
  }

  categories() {
    const names = new Map<string, Record<string, string>>();
    for (const r of this.ctx.db.prepare('SELECT category_id, locale, name FROM weight_category_names').all() as { category_id: string; locale: string; name: string }[]) {
      names.set(r.category_id, { ...names.get(r.category_id), [r.locale]: r.name });
    }
    const own = this.ctx.db.prepare('SELECT id FROM weight_categories WHERE archived_at IS NULL ORDER BY sort, id').pluck().all() as string[];
    return [...BUILT_IN_WEIGHT_CATEGORIES.map((id) => ({ id, key: id })), ...own.map((id) => ({ id, key: null }))].map((c) => ({ ...c, names: names.get(c.id) ?? {} }));
  }

  /** Names replace the category's names in one transaction; nothing is written when a check fails. */
  saveCategory({ id, names, archived }: ParsedInput<'weights.save_category'>) {
    const given = Object.entries(names).filter(([, n]) => n !== undefined && n !== '') as [string, string][];
    if (id !== null && !isBuiltIn(id) && !this.ctx.db.prepare('SELECT 1 FROM weight_categories WHERE id = ?').get(id)) {
      throw new AppError('month.category_not_found', `no weight category ${id}`, { field: 'weightCategory' });
    }
    if (id !== null && archived && isBuiltIn(id)) throw new AppError('weights.built_in', 'a built-in category stays', { field: 'weightCategory' });
    if (!isBuiltIn(id ?? '') && !archived && given.length === 0) throw new AppError('weights.name_required', 'a category needs a name', { field: 'name' });
    const at = nowIso(this.ctx);
    return this.ctx.db
      .transaction(() => {
        const target = id ?? this.ctx.ids.uuid();
        if (id === null) {
          const sort = (this.ctx.db.prepare('SELECT COALESCE(MAX(sort), 0) + 1 FROM weight_categories').pluck().get() as number) ?? 1;
          this.ctx.db.prepare('INSERT INTO weight_categories (id, sort) VALUES (?, ?)').run(target, sort);
        }
        if (archived) {
          this.ctx.db.prepare('UPDATE weight_categories SET archived_at = ? WHERE id = ?').run(at, target);
          return { id: target };
        }
        this.ctx.db.prepare('DELETE FROM weight_category_names WHERE category_id = ?').run(target);
        const insert = this.ctx.db.prepare('INSERT INTO weight_category_names (category_id, locale, name) VALUES (?, ?, ?)');
        for (const [locale, name] of given) insert.run(target, locale, name);
        return { id: target };
      })
      .immediate();
  }
}
