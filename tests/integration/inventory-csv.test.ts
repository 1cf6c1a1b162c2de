import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src/shared/api/contract';
import { randomUUID } from 'node:crypto';
import { makeCore, okValue, type TestCore } from '../support/core';
import { CSV_COLUMNS } from '../../src/core/inventory/catalogue-csv';

describe('catalogue CSV', () => {
  let a: TestCore;
  let b: TestCore;
  let ta: string;
  let tb: string;
  beforeEach(async () => {
    a = makeCore();
    b = makeCore();
    ta = await a.setUp(['en', 'ar', 'fa']);
    tb = await b.setUp(['en']);
    for (const t of [a, b]) {
      t.core.ctx.db.prepare("INSERT INTO categories (id, origin_site, sort) VALUES (?, 's', 0)").run(`dry-${t === a ? 'a' : 'b'}`);
      t.core.ctx.db
        .prepare("INSERT INTO category_names (category_id, locale, name) VALUES (?, 'en', 'Dry goods')")
        .run(`dry-${t === a ? 'a' : 'b'}`);
    }
  });
  afterEach(() => {
    a.dispose();
    b.dispose();
  });
  const exportOf = async (t: TestCore, token: string) => okValue(await t.call('inventory.export_csv', {}, token)).csv;
  const header = CSV_COLUMNS.join(',');
  const row = (cells: Record<string, string>) =>
    CSV_COLUMNS.map((c) => cells[c] ?? '')
      .map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v))
      .join(',');

  it('round-trips the catalogue without loss: every language, barcodes, tags, limits, tricky text', async () => {
    const items: Omit<ChannelInput<'inventory.save_item'>['item'], 'id'>[] = [
      {
        names: { en: 'Black beans, 15 oz', ar: 'فاصوليا سوداء', fa: 'لوبیای سیاه' },
        unit: 'can',
        categoryId: 'dry-a',
        barcodes: ['036000291452', '96385074'],
        tags: ['vegan', 'halal'],
        limit: { qty: 2, days: 7 },
        lowStock: 20,
      },
      { names: { en: 'Diapers "size 3"\nbulk pack' }, unit: 'pack', icon: 'D', lowStock: 0 },
    ];
    for (const item of items) okValue(await a.call('inventory.save_item', { language: 'en', item: { id: randomUUID(), ...item } }, ta));
    const csv = await exportOf(a, ta);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const result = okValue(await b.call('inventory.import_csv', { csv, mode: 'all' }, tb));
    expect(result).toMatchObject({ created: 2, issues: [], imported: true });
    // The other site's category resolves by its name.
    expect(await exportOf(b, tb)).toBe(csv);
    // Importing the same file again updates, never duplicates.
    expect(okValue(await b.call('inventory.import_csv', { csv, mode: 'all' }, tb))).toMatchObject({ created: 0, updated: 2 });
    expect(b.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual({ n: 2 });
  });

  it('reports malformed rows by line and imports nothing until the file is clean, or only the valid rows when asked', async () => {
    const csv = [
      header,
      row({ unit: 'can', name_en: 'Good one', barcodes: '036000291452' }),
      row({ unit: 'bushel', name_en: 'Bad unit' }),
      row({ unit: 'can', name_en: 'Bad barcode', barcodes: '036000291453' }),
      row({ unit: 'can', name_en: 'Same barcode', barcodes: '0036000291452' }),
      row({ unit: 'can', icon: '🥫' }),
      row({ unit: 'can', name_en: 'Bad tag', tags: 'tasty' }),
      row({ unit: 'can', name_en: 'Bad number', limit_qty: '-2', limit_days: '7' }),
      row({ unit: 'can', name_en: 'No such category', category: 'Toys' }),
      'too,few,fields',
      row({ unit: 'box', name_en: 'Good "two",\nlines', category: 'Dry goods' }),
    ].join('\r\n');
    const check = okValue(await b.call('inventory.import_csv', { csv, mode: 'check' }, tb));
    expect(check.imported).toBe(false);
    expect(check.issues.map((i) => [i.line, i.code])).toEqual([
      [3, 'inventory.unknown_unit'],
      [4, 'inventory.bad_barcode'],
      [5, 'inventory.duplicate_barcode'],
      [6, 'inventory.name_required'],
      [7, 'inventory.unknown_tag'],
      [8, 'inventory.bad_number'],
      [9, 'inventory.category_not_found'],
      [10, 'inventory.csv_malformed'],
    ]);
    expect(okValue(await b.call('inventory.import_csv', { csv, mode: 'all' }, tb))).toMatchObject({ imported: false, created: 0 });
    expect(b.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual({ n: 0 });
    expect(okValue(await b.call('inventory.import_csv', { csv, mode: 'valid_only' }, tb))).toMatchObject({ imported: true, created: 2 });
    const names = b.core.ctx.db.prepare("SELECT name FROM item_names WHERE locale = 'en' ORDER BY name").all();
    expect(names).toEqual([{ name: 'Good "two",\nlines' }, { name: 'Good one' }]);
  });

  it('refuses an unclosed quote and unknown or missing columns, by line', async () => {
    expect(okValue(await b.call('inventory.import_csv', { csv: `${header}\n"unclosed,can\n`, mode: 'valid_only' }, tb))).toMatchObject({
      imported: false,
      issues: [{ line: 2, code: 'inventory.csv_malformed' }],
    });
    expect(okValue(await b.call('inventory.import_csv', { csv: 'unit,colour\ncan,red\n', mode: 'all' }, tb))).toMatchObject({
      imported: false,
      issues: [
        { line: 1, code: 'inventory.unknown_column', field: 'colour' },
        { line: 1, code: 'inventory.unknown_column', field: 'name_en' },
      ],
    });
  });
});
