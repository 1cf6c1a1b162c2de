import { closeSync, existsSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { WrittenFile } from '../../shared/api/channels/exchange';
import type { CoreContext } from '../context';
import { requireSite } from '../site/site-service';
import { requireFolder, writeAtomic, type WriteHooks } from './atomic-write';
import type { DriveSource } from './drives';
import { bundleFileName } from './share-export';
import { weekStart } from './records';
import { itemNameSql } from '../inventory/item-name';

/**
 * Spreadsheets for funders and partners: stock, the movement ledger and weekly counts. No
 * households, no slip ids, no volunteer names. A cell that starts like a formula is prefixed
 * with ' so a spreadsheet shows it instead of running it.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const row = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;

async function writeCsv(
  ctx: CoreContext,
  drives: DriveSource,
  folder: string,
  name: string,
  fill: (write: (line: string) => void) => void,
  hooks?: WriteHooks,
): Promise<WrittenFile> {
  // Its own name even with a second kiosk on the same data folder: pid and random, never reused.
  const temp = join(dirname(ctx.db.name), `.csv-${process.pid}-${randomBytes(8).toString('hex')}.csv`);
  let fd: number | null = openSync(temp, 'wx');
  try {
    const out = fd;
    let pending: string[] = [];
    let size = 0;
    const flush = () => {
      writeSync(out, pending.join(''));
      pending = [];
      size = 0;
    };
    // A byte-order mark so spreadsheet programs read the UTF-8 names (Arabic, Dari, Chinese…) right.
    pending.push('\ufeff');
    fill((line) => {
      pending.push(line);
      size += line.length;
      if (size > 1 << 20) flush();
    });
    flush();
    // Closed once only (even a failed close frees the number): while the stick write awaits,
    // another export may be given this same descriptor number.
    fd = null;
    closeSync(out);
    return await writeAtomic(drives, folder, name, { file: temp }, hooks);
  } finally {
    if (fd !== null) closeSync(fd);
    if (existsSync(temp)) unlinkSync(temp);
  }
}

export async function exportCsv(ctx: CoreContext, drives: DriveSource, folder: string, hooks?: WriteHooks): Promise<WrittenFile[]> {
  requireFolder(folder);
  const site = requireSite(ctx);
  const lang = site.settings.siteLanguage;
  const base = bundleFileName(site.name, ctx.clock.now(), 0, '').replace(/-0000$/, '');
  // Named in the site's language by the one name rule (@lang and @site are both that language).
  const itemName = itemNameSql('i.id');
  const catSql = `COALESCE((SELECT name FROM category_names WHERE category_id = i.category_id AND locale = @lang), (SELECT name FROM category_names WHERE category_id = i.category_id ORDER BY locale LIMIT 1), '')`;
  const files: WrittenFile[] = [];

  files.push(
    await writeCsv(
      ctx,
      drives,
      folder,
      `${base}-stock.csv`,
      (w) => {
        w(row(['item_id', 'item', 'category', 'unit', 'on_hand', 'low_stock']));
        const it = ctx.db
          .prepare(
            `SELECT i.id, ${itemName.name} AS name, ${catSql} AS category, i.unit, COALESCE((SELECT SUM(qty) FROM on_hand o WHERE o.item_id = i.id), 0) AS qty, i.low_stock
           FROM items i ${itemName.joins} WHERE i.origin_site = @siteId AND i.archived_at IS NULL ORDER BY category, name`,
          )
          .raw()
          .iterate({ lang, site: lang, siteId: site.id }) as Iterable<unknown[]>;
        for (const r of it) w(row(r));
      },
      hooks,
    ),
  );

  files.push(
    await writeCsv(
      ctx,
      drives,
      folder,
      `${base}-movements.csv`,
      (w) => {
        w(row(['at', 'item_id', 'item', 'kind', 'qty', 'reason', 'source', 'lot', 'expires_on']));
        const names = new Map<string, string>();
        for (const r of ctx.db
          .prepare(`SELECT i.id, ${itemName.name} AS name FROM items i ${itemName.joins}`)
          .all({ lang, site: lang }) as {
          id: string;
          name: string;
        }[])
          names.set(r.id, r.name);
        const it = ctx.db
          // The export keeps the one reason column it has always had, its note after a bar.
          .prepare(
            "SELECT m.at, m.item_id, m.kind, m.qty, m.reason || COALESCE('|' || m.note, ''), m.source, l.code, l.expires_on FROM movements m LEFT JOIN lots l ON l.id = m.lot_id ORDER BY m.at, m.id",
          )
          .raw()
          .iterate() as Iterable<[string, string, string, number, string | null, string | null, string | null, string | null]>;
        for (const [at, item, kind, qty, reason, source, lot, exp] of it)
          w(row([at, item, names.get(item) ?? item, kind, qty, reason, source, lot, exp]));
      },
      hooks,
    ),
  );

  files.push(
    await writeCsv(
      ctx,
      drives,
      folder,
      `${base}-weekly.csv`,
      (w) => {
        const cats = ctx.db
          .prepare(
            `SELECT c.id, COALESCE((SELECT name FROM category_names WHERE category_id = c.id AND locale = ?), c.id) AS name FROM categories c WHERE c.origin_site = ? ORDER BY c.sort, c.id`,
          )
          .all(lang, site.id) as { id: string; name: string }[];
        w(row(['week', 'households_served', 'visits', 'items_out_total', ...cats.map((c) => `items_out: ${c.name}`)]));
        const weeks = new Map<string, { households: number; visits: number; out: Map<string, number> }>();
        const get = (week: string) => {
          let v = weeks.get(week);
          if (!v) weeks.set(week, (v = { households: 0, visits: 0, out: new Map() }));
          return v;
        };
        // One pass over each table; weeks computed in JS so the SQL stays a plain scan.
        const hh = new Map<string, Set<string>>();
        for (const [at, household] of ctx.db.prepare('SELECT at, household_id FROM visits').raw().iterate() as Iterable<[string, string]>) {
          const week = weekStart(Date.parse(at));
          get(week).visits += 1;
          let s = hh.get(week);
          if (!s) hh.set(week, (s = new Set()));
          s.add(household);
        }
        for (const [week, s] of hh) get(week).households = s.size;
        for (const [at, cat, qty] of ctx.db
          .prepare("SELECT m.at, i.category_id, -m.qty FROM movements m JOIN items i ON i.id = m.item_id WHERE m.kind = 'distribute'")
          .raw()
          .iterate() as Iterable<[string, string | null, number]>) {
          const out = get(weekStart(Date.parse(at))).out;
          out.set(cat ?? '', (out.get(cat ?? '') ?? 0) + qty);
        }
        for (const week of [...weeks.keys()].sort()) {
          const v = weeks.get(week)!;
          const total = [...v.out.values()].reduce((a, b) => a + b, 0);
          w(row([week, v.households, v.visits, total, ...cats.map((c) => v.out.get(c.id) ?? 0)]));
        }
      },
      hooks,
    ),
  );
  return files;
}
