import { z } from 'zod';
import type { RecordType } from '../../shared/api/channels/exchange';
import { EntryKind } from '../../shared/api/channels/board';
import type { CoreContext } from '../context';
import { IsoInstant } from '../../shared/domain/instant';
import { IsoDay, ItemUnit } from '../../shared/inventory/catalogue';
import { DAY_MS } from '../../shared/time';

/**
 * What each shared record type carries, and how this site's own records are read from its
 * tables. Never households, visits, names of people, contact details or volunteer names.
 *
 * A field that a screen shows is checked here by the very schema the screen's channel answers
 * with (a unit by ItemUnit, a moment by IsoInstant, a week by IsoDay): whatever import accepts,
 * every read channel can show. A record that fails is refused in the preview, naming the field.
 */
const Names = z.record(z.string().min(1).max(20), z.string().min(1).max(300)).refine((n) => Object.keys(n).length <= 64);
const Iso = IsoInstant;
const RefId = z.string().min(1).max(100);

export const CategoryData = z.strictObject({ icon: z.string().max(40).nullable(), sort: z.number().int(), names: Names });
export const ItemData = z.strictObject({
  categoryId: RefId.nullable(),
  unit: ItemUnit,
  icon: z.string().max(40).nullable(),
  limitQty: z.number().int().positive().nullable(),
  limitDays: z.number().int().positive().nullable(),
  lowStock: z.number().int().min(0),
  archived: z.boolean(),
  createdAt: Iso,
  names: Names,
  barcodes: z.array(z.string().regex(/^[0-9A-Za-z-]{1,64}$/)).max(32),
});
export const NeedOfferData = z.strictObject({
  kind: EntryKind,
  category: z.string().min(1).max(80),
  detail: z.string().max(2000).nullable(),
  languages: z.array(z.string().max(20)).max(20),
  availability: z.string().max(300).nullable(),
  status: z.string().min(1).max(30),
  createdAt: Iso,
  expiresAt: Iso.nullable(),
});
export const BoardData = z.strictObject({
  items: z
    .array(z.strictObject({ itemId: RefId, kind: z.enum(['surplus', 'need']), qty: z.number().int().positive(), unit: ItemUnit }))
    .max(50_000),
});
export const WeeklyData = z.strictObject({
  week: IsoDay,
  households: z.number().int().min(0),
  visits: z.number().int().min(0),
  itemsOut: z.array(z.strictObject({ categoryId: RefId.nullable(), qty: z.number().int() })).max(1000),
});

export const DATA_SCHEMAS = {
  category: CategoryData,
  item: ItemData,
  need_offer: NeedOfferData,
  board: BoardData,
  weekly: WeeklyData,
} as const;

export interface OwnRecord {
  type: RecordType;
  id: string;
  data: Record<string, unknown>;
}

/** Weeks start on Monday, in UTC. */
export function weekStart(ms: number): string {
  const d = new Date(ms);
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day)).toISOString().slice(0, 10);
}

export const WEEKS_SHARED = 8;

/** The first week still shared at `ms`: weekly counts before it no longer travel (own or relayed), so bundles stop growing. */
export function oldestSharedWeek(ms: number): string {
  return weekStart(ms - (WEEKS_SHARED - 1) * 7 * DAY_MS);
}

function namesOf(rows: { owner: string; locale: string; name: string }[]): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const r of rows) {
    let names = out.get(r.owner);
    if (!names) out.set(r.owner, (names = {}));
    names[r.locale] = r.name;
  }
  return out;
}

/**
 * Surplus and needs from stock, for items with a low-stock threshold: at or below it is a need
 * (to get back to twice the threshold); four times it or more is surplus (what is above twice
 * the threshold can be given away). Items without a threshold say nothing either way.
 */
export function boardOf(ctx: CoreContext, siteId: string): z.infer<typeof BoardData> {
  const rows = ctx.db
    .prepare(
      `SELECT i.id, i.unit, i.low_stock AS low, COALESCE((SELECT SUM(qty) FROM on_hand o WHERE o.item_id = i.id), 0) AS total
       FROM items i WHERE i.origin_site = ? AND i.archived_at IS NULL AND i.low_stock > 0 ORDER BY i.id`,
    )
    .all(siteId) as { id: string; unit: string; low: number; total: number }[];
  const items: z.infer<typeof BoardData>['items'] = [];
  for (const r of rows) {
    if (r.total <= r.low) items.push({ itemId: r.id, kind: 'need', qty: 2 * r.low - Math.max(0, r.total), unit: r.unit });
    else if (r.total >= 4 * r.low) items.push({ itemId: r.id, kind: 'surplus', qty: r.total - 2 * r.low, unit: r.unit });
  }
  return { items };
}

/** Households served, visits and items given out per category, per week, for the last weeks. */
export function weeklyOf(ctx: CoreContext): z.infer<typeof WeeklyData>[] {
  const now = ctx.clock.now().getTime();
  const firstWeek = oldestSharedWeek(now);
  const from = `${firstWeek}T00:00:00.000Z`;
  // Week of an ISO timestamp: its date minus (weekday+6)%7 days.
  const weekExpr = (col: string) => `date(${col}, '-' || ((CAST(strftime('%w', ${col}) AS INTEGER) + 6) % 7) || ' days')`;
  const visits = ctx.db
    .prepare(
      `SELECT ${weekExpr('at')} AS week, COUNT(DISTINCT household_id) AS households, COUNT(*) AS visits FROM visits WHERE at >= ? GROUP BY week`,
    )
    .all(from) as { week: string; households: number; visits: number }[];
  const out = ctx.db
    .prepare(
      `SELECT ${weekExpr('m.at')} AS week, i.category_id AS categoryId, -SUM(m.qty) AS qty
       FROM movements m JOIN items i ON i.id = m.item_id
       WHERE m.kind = 'distribute' AND m.at >= ? GROUP BY week, i.category_id ORDER BY week, i.category_id`,
    )
    .all(from) as { week: string; categoryId: string | null; qty: number }[];
  const weeks = new Map<string, z.infer<typeof WeeklyData>>();
  const get = (week: string) => {
    let w = weeks.get(week);
    if (!w) weeks.set(week, (w = { week, households: 0, visits: 0, itemsOut: [] }));
    return w;
  };
  for (const v of visits) Object.assign(get(v.week), { households: v.households, visits: v.visits });
  for (const o of out) get(o.week).itemsOut.push({ categoryId: o.categoryId, qty: o.qty });
  return [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week));
}

/** Everything this site shares, read fresh from its own tables. */
export function ownRecords(ctx: CoreContext, siteId: string): OwnRecord[] {
  const out: OwnRecord[] = [];
  const catNames = namesOf(
    ctx.db
      .prepare(
        'SELECT n.category_id AS owner, n.locale, n.name FROM category_names n JOIN categories c ON c.id = n.category_id WHERE c.origin_site = ? ORDER BY owner, locale',
      )
      .all(siteId) as { owner: string; locale: string; name: string }[],
  );
  for (const c of ctx.db.prepare('SELECT id, icon, sort FROM categories WHERE origin_site = ? ORDER BY id').all(siteId) as {
    id: string;
    icon: string | null;
    sort: number;
  }[]) {
    out.push({ type: 'category', id: c.id, data: { icon: c.icon, sort: c.sort, names: catNames.get(c.id) ?? {} } });
  }
  const itemNames = namesOf(
    ctx.db
      .prepare(
        'SELECT n.item_id AS owner, n.locale, n.name FROM item_names n JOIN items i ON i.id = n.item_id WHERE i.origin_site = ? ORDER BY owner, locale',
      )
      .all(siteId) as { owner: string; locale: string; name: string }[],
  );
  const barcodes = new Map<string, string[]>();
  for (const b of ctx.db
    .prepare(
      'SELECT b.item_id AS owner, b.barcode FROM item_barcodes b JOIN items i ON i.id = b.item_id WHERE i.origin_site = ? ORDER BY owner, barcode',
    )
    .all(siteId) as { owner: string; barcode: string }[]) {
    const list = barcodes.get(b.owner) ?? [];
    list.push(b.barcode);
    barcodes.set(b.owner, list);
  }
  type ItemRow = {
    id: string;
    category_id: string | null;
    unit: string;
    icon: string | null;
    limit_qty: number | null;
    limit_days: number | null;
    low_stock: number;
    archived_at: string | null;
    created_at: string;
  };
  for (const i of ctx.db
    .prepare(
      'SELECT id, category_id, unit, icon, limit_qty, limit_days, low_stock, archived_at, created_at FROM items WHERE origin_site = ? ORDER BY id',
    )
    .all(siteId) as ItemRow[]) {
    out.push({
      type: 'item',
      id: i.id,
      data: {
        categoryId: i.category_id,
        unit: i.unit,
        icon: i.icon,
        limitQty: i.limit_qty,
        limitDays: i.limit_days,
        lowStock: i.low_stock,
        archived: i.archived_at !== null,
        createdAt: i.created_at,
        names: itemNames.get(i.id) ?? {},
        barcodes: barcodes.get(i.id) ?? [],
      },
    });
  }
  // Only what the visitor agreed to share, and never who they are: no visit, no household, no contact.
  type NoRow = {
    id: string;
    kind: 'need' | 'offer';
    category: string;
    detail: string | null;
    languages: string;
    availability: string | null;
    status: string;
    created_at: string;
    expires_at: string | null;
  };
  for (const n of ctx.db
    .prepare(
      'SELECT id, kind, category, detail, languages, availability, status, created_at, expires_at FROM needs_offers WHERE origin_site = ? AND shareable = 1 ORDER BY id',
    )
    .all(siteId) as NoRow[]) {
    let languages: string[] = [];
    try {
      const parsed = JSON.parse(n.languages) as unknown;
      if (Array.isArray(parsed)) languages = parsed.filter((l): l is string => typeof l === 'string');
    } catch {
      languages = [];
    }
    out.push({
      type: 'need_offer',
      id: n.id,
      data: {
        kind: n.kind,
        category: n.category,
        detail: n.detail,
        languages,
        availability: n.availability,
        status: n.status,
        createdAt: n.created_at,
        expiresAt: n.expires_at,
      },
    });
  }
  out.push({ type: 'board', id: siteId, data: boardOf(ctx, siteId) });
  for (const w of weeklyOf(ctx)) out.push({ type: 'weekly', id: `${siteId}:${w.week}`, data: w });
  return out;
}

/** A need/offer that stopped being shareable (or was deleted) travels on as withdrawn, with nothing in it. */
export function withdrawn(previous: Record<string, unknown>): Record<string, unknown> {
  return {
    kind: previous.kind === 'offer' ? 'offer' : 'need',
    category: typeof previous.category === 'string' ? previous.category : 'other',
    detail: null,
    languages: [],
    availability: null,
    status: 'withdrawn',
    createdAt: typeof previous.createdAt === 'string' ? previous.createdAt : '',
    expiresAt: null,
  };
}
