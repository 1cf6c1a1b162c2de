import type { z } from 'zod';
import { barcodeVariants } from '../../shared/inventory/barcode';
import { ItemDraft, Tag, Unit } from '../../shared/inventory/catalogue';
import { parseCsv, writeCsv } from '../../shared/inventory/csv';
import { LOCALE_CODES, type LocaleCode } from '../../shared/locales';
import type { ErrorCode } from '../../shared/api/errors';
import type { CoreContext } from '../context';
import { requireSite } from '../site/site-service';
import type { AppError } from '../errors';

/**
 * The catalogue as a spreadsheet: one row per item, every language in its own column, lists
 * (barcodes, tags) separated by spaces. Export then import gives back the same catalogue.
 */
const FIXED = ['id', 'category', 'unit', 'icon', 'barcodes', 'tags', 'limit_qty', 'limit_days', 'low_stock'] as const;
const NAME_COLUMNS = LOCALE_CODES.map((l) => `name_${l}`);
export const CSV_COLUMNS: readonly string[] = [...FIXED, ...NAME_COLUMNS];

export interface CsvIssue {
  line: number;
  code: ErrorCode;
  field: string | null;
  /** What the message names (the barcode, the unit...), as for an API error. */
  params: Record<string, string | number>;
}

export interface ImportResult {
  issues: CsvIssue[];
  rows: number;
  created: number;
  updated: number;
  imported: boolean;
}

interface ItemRow {
  id: string;
  category: string | null;
  unit: string;
  icon: string | null;
  limit_qty: number | null;
  limit_days: number | null;
  low_stock: number;
}

export function exportCatalogue(ctx: CoreContext): string {
  const site = requireSite(ctx);
  const items = ctx.db
    .prepare(
      `SELECT i.id, COALESCE(cn.name, c.id) AS category, i.unit, i.icon, i.limit_qty, i.limit_days, i.low_stock
       FROM items i LEFT JOIN categories c ON c.id = i.category_id
       LEFT JOIN category_names cn ON cn.category_id = c.id AND cn.locale = ?
       WHERE i.archived_at IS NULL ORDER BY i.created_at, i.id`,
    )
    .all(site.settings.siteLanguage) as ItemRow[];
  const names = ctx.db.prepare('SELECT locale, name FROM item_names WHERE item_id = ?');
  const barcodes = ctx.db.prepare('SELECT barcode FROM item_barcodes WHERE item_id = ? ORDER BY barcode');
  const tags = ctx.db.prepare('SELECT tag FROM item_tags WHERE item_id = ? ORDER BY tag');
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const item of items) {
    const byLocale = new Map((names.all(item.id) as { locale: string; name: string }[]).map((n) => [n.locale, n.name]));
    rows.push([
      item.id,
      item.category ?? '',
      item.unit,
      item.icon ?? '',
      (barcodes.all(item.id) as { barcode: string }[]).map((b) => b.barcode).join(' '),
      (tags.all(item.id) as { tag: string }[]).map((t) => t.tag).join(' '),
      item.limit_qty === null ? '' : String(item.limit_qty),
      item.limit_days === null ? '' : String(item.limit_days),
      String(item.low_stock),
      ...LOCALE_CODES.map((l) => byLocale.get(l) ?? ''),
    ]);
  }
  return writeCsv(rows);
}

const list = (s: string) => s.split(/\s+/).filter((x) => x !== '');
const whole = (s: string): number | null | 'bad' => {
  const t = s.trim();
  if (t === '') return null;
  return /^\d{1,7}$/.test(t) ? Number(t) : 'bad';
};

/**
 * Reads a catalogue CSV. Every row is checked against the same rules as the item form; bad
 * rows are reported by their line. `check` writes nothing; `all` writes only a clean file;
 * `valid_only` writes the good rows when the volunteer has chosen to skip the bad ones.
 * Writes happen in one transaction: all of them or none.
 */
/** The item form's rules, which every imported row passes too (the catalogue service). */
export interface DraftRules {
  draftProblem(draft: z.output<typeof ItemDraft> & { id: string }, siteLanguage: LocaleCode, claimed: Map<string, string>): AppError | null;
  writeItem(draft: z.output<typeof ItemDraft> & { id: string }): boolean;
}

export function importCatalogue(ctx: CoreContext, service: DraftRules, csv: string, mode: 'check' | 'all' | 'valid_only'): ImportResult {
  const site = requireSite(ctx);
  const siteLanguage: LocaleCode = site.settings.siteLanguage;
  const parsed = parseCsv(csv);
  if (!parsed.ok)
    return {
      issues: [{ line: parsed.line, code: 'inventory.csv_malformed', field: null, params: { line: parsed.line } }],
      rows: 0,
      created: 0,
      updated: 0,
      imported: false,
    };
  const [header, ...records] = parsed.records;
  if (!header)
    return {
      issues: [{ line: 1, code: 'inventory.csv_malformed', field: null, params: { line: 1 } }],
      rows: 0,
      created: 0,
      updated: 0,
      imported: false,
    };
  const columns = header.fields.map((f) => f.trim());
  const issues: CsvIssue[] = [];
  for (const c of columns)
    if (!CSV_COLUMNS.includes(c)) issues.push({ line: header.line, code: 'inventory.unknown_column', field: c, params: { column: c } });
  for (const required of ['unit', `name_${siteLanguage}`]) {
    if (!columns.includes(required))
      issues.push({ line: header.line, code: 'inventory.unknown_column', field: required, params: { column: required } });
  }
  if (issues.length > 0) return { issues, rows: records.length, created: 0, updated: 0, imported: false };

  const categoryByName = ctx.db.prepare(
    'SELECT c.id FROM categories c LEFT JOIN category_names n ON n.category_id = c.id WHERE c.id = @v OR n.name = @v LIMIT 1',
  );

  return ctx.db
    .transaction((): ImportResult => {
      const good: (ItemDraftParsed & { id: string })[] = [];
      const claimed = new Map<string, string>();
      const seenIds = new Set<string>();
      for (const record of records) {
        const issue = (code: ErrorCode, field: string | null, params: Record<string, string | number> = {}) =>
          issues.push({ line: record.line, code, field, params: { line: record.line, ...params } });
        if (record.fields.length !== columns.length) {
          issue('inventory.csv_malformed', null);
          continue;
        }
        const get = (c: string) => record.fields[columns.indexOf(c)] ?? '';
        const unit = Unit.safeParse(get('unit').trim());
        if (!unit.success) {
          issue('inventory.unknown_unit', 'unit', { unit: get('unit').trim() });
          continue;
        }
        const tags = list(get('tags'));
        if (tags.some((t) => !Tag.safeParse(t).success)) {
          issue('inventory.unknown_tag', 'tags', { tag: tags.find((x) => !Tag.safeParse(x).success) ?? '' });
          continue;
        }
        const numbers = { limit_qty: whole(get('limit_qty')), limit_days: whole(get('limit_days')), low_stock: whole(get('low_stock')) };
        const badNumber = Object.entries(numbers).find(([, v]) => v === 'bad');
        if (badNumber || (numbers.limit_qty === null) !== (numbers.limit_days === null)) {
          issue('inventory.bad_number', badNumber?.[0] ?? 'limit_qty');
          continue;
        }
        const categoryText = get('category').trim();
        let categoryId: string | null = null;
        if (categoryText !== '') {
          const found = categoryByName.get({ v: categoryText }) as { id: string } | undefined;
          if (!found) {
            issue('inventory.category_not_found', 'category', { category: categoryText });
            continue;
          }
          categoryId = found.id;
        }
        const names: Partial<Record<LocaleCode, string>> = {};
        for (const l of LOCALE_CODES)
          if (columns.includes(`name_${l}`) && get(`name_${l}`).trim() !== '') names[l] = get(`name_${l}`).trim();
        const givenId = get('id').trim();
        const draft = ItemDraft.safeParse({
          id: givenId === '' ? undefined : givenId,
          names,
          categoryId,
          unit: unit.data,
          icon: get('icon').trim() === '' ? null : get('icon').trim(),
          barcodes: list(get('barcodes')),
          tags,
          limit: numbers.limit_qty === null ? null : { qty: numbers.limit_qty, days: numbers.limit_days },
          lowStock: numbers.low_stock ?? 0,
        });
        if (!draft.success) {
          const path = String(draft.error.issues[0]?.path[0] ?? '');
          issue(
            path === 'barcodes' ? 'inventory.bad_barcode' : path === 'names' ? 'inventory.name_required' : 'inventory.bad_number',
            path || null,
          );
          continue;
        }
        const id = draft.data.id ?? ctx.ids.uuid();
        if (seenIds.has(id)) {
          issue('inventory.csv_malformed', 'id');
          continue;
        }
        const full = { ...draft.data, id };
        const problem = service.draftProblem(full, siteLanguage, claimed);
        if (problem) {
          issue(
            problem.code,
            problem.code === 'inventory.name_required'
              ? `name_${siteLanguage}`
              : problem.code === 'inventory.category_not_found'
                ? 'category'
                : 'barcodes',
            problem.params,
          );
          continue;
        }
        seenIds.add(id);
        for (const b of full.barcodes) for (const v of barcodeVariants(b)) claimed.set(v, id);
        good.push(full);
      }
      const result: ImportResult = { issues, rows: records.length, created: 0, updated: 0, imported: false };
      if (mode === 'check' || (mode === 'all' && issues.length > 0) || good.length === 0) return result;
      for (const d of good) {
        if (service.writeItem(d)) result.created += 1;
        else result.updated += 1;
      }
      result.imported = true;
      return result;
    })
    .immediate();
}

type ItemDraftParsed = z.output<typeof ItemDraft>;
