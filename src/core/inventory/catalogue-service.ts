import type { z } from 'zod';
import { ItemDraft, Unit, type ItemDetail } from '../../shared/inventory/catalogue';
import { barcodeVariants, isValidBarcode } from '../../shared/inventory/barcode';
import { LOCALE_CODES, type LocaleCode } from '../../shared/locales';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { requireSite } from '../site/site-service';
import { availability } from './available';
import { exportCatalogue, importCatalogue, type ImportResult } from './catalogue-csv';
import { displayName, lotsOf, siteLanguage, tagsOf } from './lots';
import { setItemWeight } from '../reports/weights';

type ParsedDraft = z.output<typeof ItemDraft>;

/** The stock room's catalogue: categories, items, their names, barcodes and tags, and the CSV of them. */
export class CatalogueService {
  constructor(private readonly ctx: CoreContext) {}

  categories(language: LocaleCode): { id: string; name: string; icon: string | null }[] {
    return this.ctx.db
      .prepare(
        `SELECT c.id, COALESCE(n.name, f.name, c.id) AS name, c.icon FROM categories c
         LEFT JOIN category_names n ON n.category_id = c.id AND n.locale = ?
         LEFT JOIN category_names f ON f.category_id = c.id AND f.locale = ?
         ORDER BY c.sort, name`,
      )
      .all(language, siteLanguage(this.ctx)) as { id: string; name: string; icon: string | null }[];
  }

  item(itemId: string, language: LocaleCode): ItemDetail {
    const row = this.ctx.db
      .prepare('SELECT id, category_id, unit, icon, limit_qty, limit_days, low_stock FROM items WHERE id = ?')
      .get(itemId) as
      | {
          id: string;
          category_id: string | null;
          unit: Unit;
          icon: string | null;
          limit_qty: number | null;
          limit_days: number | null;
          low_stock: number;
        }
      | undefined;
    if (!row) throw new AppError('inventory.item_not_found', `no item ${itemId}`, { itemId });
    const names = Object.fromEntries(
      (this.ctx.db.prepare('SELECT locale, name FROM item_names WHERE item_id = ?').all(itemId) as { locale: string; name: string }[]).map(
        (n) => [n.locale, n.name],
      ),
    );
    const barcodes = (
      this.ctx.db.prepare('SELECT barcode FROM item_barcodes WHERE item_id = ? ORDER BY barcode').all(itemId) as { barcode: string }[]
    ).map((b) => b.barcode);
    const a = availability(this.ctx, itemId);
    return {
      id: row.id,
      ...displayName(this.ctx, itemId, language),
      names,
      categoryId: row.category_id,
      unit: row.unit,
      icon: row.icon,
      barcodes,
      tags: tagsOf(this.ctx, [itemId]).get(itemId) ?? [],
      limit: row.limit_qty !== null ? { qty: row.limit_qty, days: row.limit_days ?? 7 } : null,
      lowStock: row.low_stock,
      onHand: a.onHand,
      reserved: a.reserved,
      available: a.available,
      lots: lotsOf(this.ctx, [itemId]).get(itemId) ?? [],
    };
  }

  /** Which item, if any, already holds this barcode (in either UPC-A or EAN-13 spelling). */
  private barcodeOwner(barcode: string): string | null {
    const row = this.ctx.db
      .prepare('SELECT item_id FROM item_barcodes WHERE barcode IN (SELECT value FROM json_each(?)) LIMIT 1')
      .get(JSON.stringify(barcodeVariants(barcode))) as { item_id: string } | undefined;
    return row?.item_id ?? null;
  }

  /**
   * The checks a catalogue entry must pass, shared by the form and the CSV import. Returns the
   * first problem as an error (not thrown) so the import can report it against a line.
   */
  private checkDraft(draft: ParsedDraft, siteLanguage: LocaleCode, claimed: Map<string, string> = new Map()): AppError | null {
    if (!Unit.safeParse(draft.unit).success)
      return new AppError('inventory.unknown_unit', `unknown unit ${draft.unit}`, { unit: draft.unit });
    // A name in any one language is enough: a volunteer who writes only English at an Arabic hub
    // still saves the item, and every screen names it by the fallback in item-name.ts.
    const given = [siteLanguage, ...LOCALE_CODES].map((l) => draft.names[l]?.trim() ?? '').filter((n) => n !== '');
    const siteName = given[0];
    if (siteName === undefined)
      return new AppError('inventory.name_required', 'an item needs a name in at least one language', { field: 'names' });
    if (draft.categoryId !== null && !this.ctx.db.prepare('SELECT 1 FROM categories WHERE id = ?').get(draft.categoryId)) {
      return new AppError('inventory.category_not_found', `no category ${draft.categoryId}`, { category: draft.categoryId });
    }
    const seen = new Set<string>();
    for (const code of draft.barcodes) {
      if (!isValidBarcode(code)) return new AppError('inventory.bad_barcode', `bad barcode ${code}`, { barcode: code });
      const variants = barcodeVariants(code);
      if (variants.some((v) => seen.has(v)))
        return new AppError('inventory.duplicate_barcode', `barcode ${code} twice`, { barcode: code, item: siteName });
      for (const v of variants) seen.add(v);
      const owner = this.barcodeOwner(code) ?? variants.map((v) => claimed.get(v)).find((x) => x !== undefined) ?? null;
      if (owner !== null && owner !== draft.id) {
        const other = this.ctx.db.prepare('SELECT 1 FROM items WHERE id = ?').get(owner)
          ? displayName(this.ctx, owner, siteLanguage).name
          : owner;
        return new AppError('inventory.duplicate_barcode', `barcode ${code} belongs to ${owner}`, { barcode: code, item: other });
      }
    }
    return null;
  }

  /** Writes one checked draft. Call inside a transaction. Returns whether it created the item. */
  private writeDraft(draft: ParsedDraft & { id: string }): boolean {
    const unit = Unit.parse(draft.unit);
    const site = requireSite(this.ctx);
    const at = nowIso(this.ctx);
    const exists = this.ctx.db.prepare('SELECT 1 FROM items WHERE id = ?').get(draft.id) !== undefined;
    if (exists) {
      this.ctx.db
        .prepare(
          `UPDATE items SET category_id = ?, unit = ?, icon = ?, limit_qty = ?, limit_days = ?, low_stock = ?, updated_at = ?
           WHERE id = ?`,
        )
        .run(draft.categoryId, unit, draft.icon, draft.limit?.qty ?? null, draft.limit?.days ?? null, draft.lowStock, at, draft.id);
    } else {
      this.ctx.db
        .prepare(
          `INSERT INTO items (id, origin_site, category_id, unit, icon, limit_qty, limit_days, low_stock, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          draft.id,
          site.id,
          draft.categoryId,
          unit,
          draft.icon,
          draft.limit?.qty ?? null,
          draft.limit?.days ?? null,
          draft.lowStock,
          at,
          at,
        );
    }
    this.ctx.db.prepare('DELETE FROM item_names WHERE item_id = ?').run(draft.id);
    const name = this.ctx.db.prepare('INSERT INTO item_names (item_id, locale, name) VALUES (?, ?, ?)');
    for (const [locale, value] of Object.entries(draft.names)) {
      if (value && value.trim() !== '') name.run(draft.id, locale, value.trim());
    }
    this.ctx.db.prepare('DELETE FROM item_barcodes WHERE item_id = ?').run(draft.id);
    const barcode = this.ctx.db.prepare('INSERT INTO item_barcodes (barcode, item_id) VALUES (?, ?)');
    for (const code of draft.barcodes) barcode.run(code, draft.id);
    this.ctx.db.prepare('DELETE FROM item_tags WHERE item_id = ?').run(draft.id);
    const tag = this.ctx.db.prepare('INSERT INTO item_tags (item_id, tag) VALUES (?, ?)');
    for (const t of new Set(draft.tags)) tag.run(draft.id, t);
    return !exists;
  }

  /**
   * Creates or updates an item. The client picks the id of a new item, so a double-tapped
   * "Save" writes the same item twice rather than making two.
   */
  saveItem(draft: ParsedDraft, language: LocaleCode): ItemDetail {
    const site = requireSite(this.ctx);
    const id = draft.id ?? this.ctx.ids.uuid();
    this.ctx.db
      .transaction(() => {
        const problem = this.checkDraft({ ...draft, id }, site.settings.siteLanguage);
        if (problem) throw problem;
        this.writeDraft({ ...draft, id });
        // In the same transaction: a refused weight leaves the item as it was, not half-saved.
        if (draft.weight) setItemWeight(this.ctx, { itemId: id, ...draft.weight });
      })
      .immediate();
    return this.item(id, language);
  }

  scan(barcode: string, language: LocaleCode): ItemDetail {
    if (!isValidBarcode(barcode)) throw new AppError('inventory.bad_barcode', `bad barcode ${barcode}`, { barcode });
    const owner = this.barcodeOwner(barcode);
    if (!owner) throw new AppError('inventory.unknown_barcode', `no item with barcode ${barcode}`, { barcode });
    return this.item(owner, language);
  }

  /** For the CSV import: checks and writes, sharing the form's rules. */
  draftProblem(draft: ParsedDraft & { id: string }, siteLanguage: LocaleCode, claimed: Map<string, string>): AppError | null {
    return this.checkDraft(draft, siteLanguage, claimed);
  }

  writeItem(draft: ParsedDraft & { id: string }): boolean {
    return this.writeDraft(draft);
  }

  exportCsv(): { csv: string } {
    return { csv: exportCatalogue(this.ctx) };
  }

  importCsv(csv: string, mode: 'check' | 'all' | 'valid_only'): ImportResult {
    return importCatalogue(this.ctx, this, csv, mode);
  }
}
